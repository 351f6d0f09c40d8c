/**
 * The catalog's snapshot on disk (in the app's data folder, never in the library): what it last knew
 * of each draft folder, with the file identity it was read from. At start the list is built from it,
 * re-reading only drafts whose file changed since, so a library of thousands opens in a moment
 * instead of parsing every draft. It is only a cache: a missing, damaged or foreign snapshot is
 * ignored (the drafts are read again), and it never decides what a draft contains.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { draftSummarySchema } from '../../../shared/release/draft-summary.js';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { type Logger, silentLogger } from '../logger.js';
import type { SearchableText } from './search-index.js';

export interface CatalogEntry {
  /** inode:size:mtime of release.json when it was read ('missing' when there was none). */
  stamp: string;
  summary: z.infer<typeof draftSummarySchema> | null;
  unreadable: string | null;
  search: SearchableText | null;
}

const SNAPSHOT_VERSION = 1;

const entrySchema = z.object({
  stamp: z.string(),
  summary: draftSummarySchema.nullable(),
  unreadable: z.string().nullable(),
  search: z.object({ id: z.string(), title: z.string(), text: z.string(), tags: z.string() }).nullable(),
});
const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  folder: z.string(),
  entries: z.record(z.string(), entrySchema),
});

export interface CatalogSnapshots {
  load(folder: string): Promise<Map<string, CatalogEntry>>;
  /** Remembers the catalog of `folder`; written shortly after, so a burst of saves writes once. */
  save(folder: string, entries: Map<string, CatalogEntry>): void;
  /** Writes a pending snapshot now (at quit). */
  flush(): Promise<void>;
}

export const noSnapshots: CatalogSnapshots = {
  load: async () => new Map(),
  save: () => {},
  flush: async () => {},
};

export const fileSnapshots = (
  path: string,
  logger: Logger = silentLogger,
  delayMs = 2_000,
): CatalogSnapshots => {
  let pending: { folder: string; entries: Map<string, CatalogEntry> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = pending;
    pending = null;
    if (!next) return writing;
    const content = JSON.stringify({
      version: SNAPSHOT_VERSION,
      folder: next.folder,
      entries: Object.fromEntries(next.entries),
    });
    writing = writing
      .then(async () => {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomically(path, content);
      })
      .catch((error: unknown) => logger.warn('library: could not keep the catalog snapshot', { error }));
    return writing;
  };

  return {
    load: async (folder) => {
      try {
        const parsed = snapshotSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
        if (!parsed.success || parsed.data.folder !== folder) return new Map();
        return new Map(Object.entries(parsed.data.entries));
      } catch {
        return new Map(); // none yet, or unreadable: the drafts are simply read again
      }
    },
    save: (folder, entries) => {
      pending = { folder, entries: new Map(entries) };
      if (!timer) {
        timer = setTimeout(() => void write(), delayMs);
        timer.unref?.();
      }
    },
    flush: () => write(),
  };
};
