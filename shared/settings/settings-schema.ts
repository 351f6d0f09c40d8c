/** The user's settings that the core needs, shared by Electron, browser mode and the CLI. */
import { z } from 'zod';

export const settingsSchema = z.object({
  /** Absolute path of the draft library folder. */
  libraryFolder: z.string().min(1),
  /** UI language, or `system` to follow the OS / browser. */
  language: z.enum(['system', 'en', 'ar']).default('system'),
  /** The newsroom's IANA time zone: new releases are dated in it (e.g. Europe/Istanbul). */
  timeZone: z.string().min(1).max(64),
  /** The language new releases are written in (BCP 47). */
  releaseLanguage: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
});

export type Settings = z.infer<typeof settingsSchema>;
