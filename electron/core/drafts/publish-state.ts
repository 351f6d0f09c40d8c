/**
 * What a draft knows about its life on a site, kept beside release.json in `publish.json` (never in
 * release.json itself): the publish record, the images already uploaded (so each is sent once),
 * a hash of each field as last sent (so a republish sends only what changed), and a publish that
 * was started but not finished (so a lost answer never creates a second post).
 *
 * A separate file because publishing runs while the release may be open in the editor: writing
 * release.json underneath it would make the editor's next autosave look like someone else's change.
 * Written atomically; a damaged file reads as "never published here" and is reported, not trusted.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { publishRecordSchema } from '../../../shared/release/release-fields.js';
import { writeFileAtomically } from '../fs/atomic-file.js';

export const PUBLISH_STATE_FILE = 'publish.json';
const MAX_BYTES = 1024 * 1024;

export const remoteMediaSchema = z.object({
  site: z.string(),
  /** sha256 of the draft's own image file, and the size limit it was prepared for. */
  sourceSha256: z.string(),
  maxEdge: z.number().int(),
  remoteId: z.number().int().positive(),
  url: z.string(),
});

export const publishStateSchema = z
  .object({
    format: z.literal('pressroom.publish'),
    version: z.literal(1),
    record: publishRecordSchema.nullable(),
    media: z.array(remoteMediaSchema),
    /** Field name -> sha256 of the value last sent to `record.site`. */
    sentFields: z.record(z.string(), z.string()),
    /** Media slugs whose upload was started: only these may already be on the site after a lost answer. */
    uploading: z.array(z.string()).optional(),
    /** A post created on `site` (a remote draft, with a marker slug) before its record was complete. */
    pending: z
      .object({ site: z.string(), marker: z.string(), remoteId: z.number().int().positive().nullable() })
      .nullable(),
  })
  .loose();

export type PublishState = z.infer<typeof publishStateSchema>;
export type RemoteMedia = z.infer<typeof remoteMediaSchema>;

export const emptyPublishState = (): PublishState => ({
  format: 'pressroom.publish',
  version: 1,
  record: null,
  media: [],
  sentFields: {},
  pending: null,
});

/** The draft's publish state; empty when there is none. A symlink, huge or damaged file is not trusted. */
export const readPublishState = async (draftFolder: string): Promise<PublishState> => {
  const path = join(draftFolder, PUBLISH_STATE_FILE);
  const info = await lstat(path).catch(() => null);
  if (!info || !info.isFile() || info.size > MAX_BYTES) return emptyPublishState();
  try {
    const parsed = publishStateSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : emptyPublishState();
  } catch {
    return emptyPublishState();
  }
};

export const writePublishState = (draftFolder: string, state: PublishState): Promise<void> =>
  writeFileAtomically(join(draftFolder, PUBLISH_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
