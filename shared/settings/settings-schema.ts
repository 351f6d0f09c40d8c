/** The user's settings that the core needs, shared by Electron, browser mode and the CLI. */
import { z } from 'zod';

export const settingsSchema = z.object({
  /** Absolute path of the draft library folder. */
  libraryFolder: z.string().min(1),
  /** UI language, or `system` to follow the OS / browser. */
  language: z.enum(['system', 'en', 'ar']).default('system'),
});

export type Settings = z.infer<typeof settingsSchema>;
