/**
 * The library as the list shows it: every draft's summary and a search index, kept in memory and
 * refreshed incrementally. Each listing re-reads only drafts whose file changed on disk (size or
 * modification time), so the list stays fast with thousands of drafts and always matches the disk,
 * whoever changed it (this app, another computer through a synced folder, or the CLI).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import type { DraftSummary, LibraryQuery } from '../../../shared/release/draft-summary.js';
import type { MigrationDefaults } from '../../../shared/release/migrations.js';
import type { UnreadableDraft } from '../../../shared/release/draft-document.js';
import { DOCUMENT_FILE, DRAFT_FOLDER_SUFFIX, readDraftFolder } from '../drafts/draft-files.js';
import { SearchIndex } from './search-index.js';
import { summarise } from './summarise.js';

interface Cached {
  stamp: string;
  summary: DraftSummary | null;
  unreadable: string | null;
}

export interface CatalogListing {
  folder: string;
  drafts: DraftSummary[];
  unreadable: UnreadableDraft[];
}

/** How many drafts are read at once: enough to hide disk latency, few enough for 2 cores. */
const READ_CONCURRENCY = 32;

export class LibraryCatalog {
  private folder = '';
  private cache = new Map<string, Cached>();
  private index = new SearchIndex();

  constructor(
    private readonly currentFolder: () => string,
    private readonly defaults: () => MigrationDefaults,
    /** Drafts left out of every listing: those deleted but still undoable. */
    private readonly isHidden: (id: string) => boolean = () => false,
  ) {}

  async query(query: LibraryQuery = {}): Promise<CatalogListing> {
    await this.refresh();
    const all = [...this.cache.values()].flatMap((entry) =>
      entry.summary && !this.isHidden(entry.summary.id) ? [entry.summary] : [],
    );
    const matching = query.status ? all.filter((draft) => draft.status === query.status) : all;
    const drafts = query.search?.trim()
      ? this.ranked(matching, query.search)
      : sortDrafts(matching, query.sort ?? 'edited');
    const unreadable = [...this.cache.entries()]
      .flatMap(([entry, cached]) => (cached.unreadable ? [{ folder: entry, reason: cached.unreadable }] : []))
      .sort((a, b) => a.folder.localeCompare(b.folder));
    return { folder: this.folder, drafts, unreadable };
  }

  /** The summary of a draft as last read (no disk access), or null when it is not listed. */
  cachedSummary(id: string): DraftSummary | null {
    for (const entry of this.cache.values()) if (entry.summary?.id === id) return entry.summary;
    return null;
  }

  private ranked(drafts: DraftSummary[], search: string): DraftSummary[] {
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    return this.index.search(search).flatMap((id) => byId.get(id) ?? []);
  }

  /** Brings the cache in line with the disk, reading only what changed. */
  private async refresh(): Promise<void> {
    const folder = this.currentFolder();
    if (folder !== this.folder) {
      this.folder = folder;
      this.cache = new Map();
      this.index = new SearchIndex();
    }
    const entries = (await readLibraryFolder(folder)).filter(
      (entry) => entry.endsWith(DRAFT_FOLDER_SUFFIX) && !entry.startsWith('.'),
    );
    const present = new Set(entries);
    for (const [entry, cached] of this.cache) {
      if (present.has(entry)) continue;
      if (cached.summary) this.index.remove(cached.summary.id);
      this.cache.delete(entry);
    }
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const entry = entries[next++]!;
        await this.refreshEntry(folder, entry);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
  }

  private async refreshEntry(folder: string, entry: string): Promise<void> {
    const info = await stat(join(folder, entry, DOCUMENT_FILE)).catch(() => null);
    const stamp = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'missing';
    const cached = this.cache.get(entry);
    if (cached && cached.stamp === stamp) return;
    const read = await readDraftFolder(join(folder, entry), this.defaults());
    if (cached?.summary) this.index.remove(cached.summary.id);
    if (read.ok) {
      this.index.upsert(read.document);
      this.cache.set(entry, { stamp, summary: summarise(read.document), unreadable: null });
    } else {
      this.cache.set(entry, { stamp, summary: null, unreadable: read.reason });
    }
  }
}

/** A library folder that does not exist yet is empty; one that cannot be read is a problem to report. */
const readLibraryFolder = async (folder: string): Promise<string[]> => {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new AppFailure(
      'storage',
      'Pressroom could not read the library folder. Check that it is available (for example that a network or synced drive is connected), or choose another folder in Settings.',
      { folder },
    );
  }
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const sortDrafts = (
  drafts: DraftSummary[],
  sort: NonNullable<LibraryQuery['sort']>,
): DraftSummary[] => {
  const sorted = [...drafts];
  if (sort === 'title') return sorted.sort((a, b) => collator.compare(a.title, b.title));
  if (sort === 'date') {
    // By the release's own date, newest first; undated drafts after, by last edit.
    return sorted.sort(
      (a, b) =>
        (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || b.updatedAt.localeCompare(a.updatedAt),
    );
  }
  return sorted.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
};
