/**
 * Durable, atomic file writes: the new content is written to a temporary file beside the target,
 * fsynced, and renamed over it, so a crash or power cut leaves either the old or the new file, never
 * a torn one. `write-file-atomic` (maintained by the npm team) does exactly this.
 */
import { createHash } from 'node:crypto';
import pRetry, { AbortError } from 'p-retry';
import writeFileAtomic from 'write-file-atomic';

/**
 * On Windows, antivirus scanners, the search indexer and sync clients (OneDrive) hold files open for
 * a moment, and the final rename then fails with a sharing violation (EPERM, EBUSY or EACCES). Those
 * pass within milliseconds, so they are retried with a short backoff; every other error fails at once.
 */
const SHARING_VIOLATIONS = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  platform?: NodeJS.Platform;
  /** The underlying write; replaceable so tests can simulate a locked file. */
  write?: (path: string, data: string | Buffer) => Promise<void>;
}

const defaultWrite = (path: string, data: string | Buffer) =>
  writeFileAtomic(path, data, { encoding: 'utf8', fsync: true });

export const writeFileAtomically = async (
  path: string,
  content: string | Uint8Array,
  { platform = process.platform, write = defaultWrite }: AtomicWriteOptions = {},
): Promise<void> => {
  const data = typeof content === 'string' ? content : Buffer.from(content);
  await pRetry(
    async () => {
      try {
        await write(path, data);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (platform === 'win32' && SHARING_VIOLATIONS.has(code)) throw error;
        throw new AbortError(error as Error);
      }
    },
    { retries: 6, minTimeout: 20, factor: 2, maxTimeout: 500 },
  );
};

/** A short fingerprint of a file's exact bytes, used to notice changes made outside Pressroom. */
export const fingerprint = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 32);
