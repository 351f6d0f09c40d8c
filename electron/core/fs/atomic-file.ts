/**
 * Durable, atomic file writes: the new content is written to a temporary file beside the target,
 * fsynced, and renamed over it, so a crash or power cut leaves either the old or the new file, never
 * a torn one. `write-file-atomic` (maintained by the npm team) does exactly this.
 */
import { createHash } from 'node:crypto';
import writeFileAtomic from 'write-file-atomic';

export const writeFileAtomically = async (path: string, content: string | Uint8Array): Promise<void> => {
  await writeFileAtomic(path, typeof content === 'string' ? content : Buffer.from(content), {
    encoding: 'utf8',
    fsync: true,
  });
};

/** A short fingerprint of a file's exact bytes, used to notice changes made outside Pressroom. */
export const fingerprint = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 32);
