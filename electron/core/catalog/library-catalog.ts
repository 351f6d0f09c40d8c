/**
 * The library as the list shows it: every draft's summary and a search index, kept in memory and
 * refreshed incrementally. A rescan re-reads only drafts whose file changed on disk (inode, size or
 * modification time), so the list always matches the disk, whoever changed it (this app, another
 * computer through a synced folder, or the CLI).
 *
 * Speed with thousands of drafts: after this app changes something (`invalidate()`), the next query
 * waits for a rescan; otherwise a query answers from memory at once and, when the last scan is older
 * than `rescanAfterMs`, starts one in the background that reports changes made elsewhere through
 * `onExternalChange` (a search typed letter by letter never waits for the disk). The catalog starts
 * from its snapshot of the last run (catalog-snapshot.ts), shown at once and checked against the disk
 * right behind it, so a start re-reads only what changed since; and drafts are added to the search
 * index in small slices in the background, so the list does not wait for the index (a search
 * finishes the job).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import type { DraftSummary, LibraryQuery } from '../../../shared/release/draft-summary.js';
import type { MigrationDefaults } from '../../../shared/release/migrations.js';
import type { UnreadableDraft } from '../../../shared/release/draft-document.js';
import { DOCUMENT_FILE, DRAFT_FOLDER_SUFFIX, readDraftFolder } from '../drafts/draft-files.js';
import { PUBLISH_STATE_FILE } from '../drafts/publish-state.js';
import { type CatalogEntry, type CatalogSnapshots, noSnapshots } from './catalog-snapshot.js';
import { SearchIndex, searchableText } from './search-index.js';
import { summarise } from './summarise.js';

export interface CatalogListing {
  folder: string;
  drafts: DraftSummary[];
  unreadable: UnreadableDraft[];
}

export interface CatalogOptions {
  /** Drafts left out of every listing: those deleted but still undoable. */
  isHidden?: (id: string) => boolean;
  /** How long a scan of the disk stays good enough; 0 scans on every query. */
  rescanAfterMs?: number;
  snapshots?: CatalogSnapshots;
  /** A background rescan found drafts changed by someone else (the list should reload). */
  onExternalChange?: () => void;
  now?: () => number;
}

/** How many drafts are read at once: enough to hide disk latency, few enough for 2 cores. */
const READ_CONCURRENCY = 32;
/** Drafts indexed per slice of background work; other work (IPC, saves) runs between slices. */
const INDEX_SLICE = 200;

export class LibraryCatalog {
  private folder: string | null = null;
  private cache = new Map<string, CatalogEntry>();
  private index = new SearchIndex();
  /** Drafts known but not yet in the search index. */
  private unindexed = new Map<string, CatalogEntry>();
  private indexing = false;
  private scannedAt = Number.NEGATIVE_INFINITY;
  private scan: Promise<void> | null = null;
  private readonly options: Required<CatalogOptions>;

  constructor(
    private readonly currentFolder: () => string,
    private readonly defaults: () => MigrationDefaults,
    options: CatalogOptions = {},
  ) {
    this.options = {
      isHidden: () => false,
      rescanAfterMs: 0,
      snapshots: noSnapshots,
      onExternalChange: () => {},
      now: () => performance.now(),
      ...options,
    };
  }

  async query(query: LibraryQuery = {}): Promise<CatalogListing> {
    await this.fresh();
    const all = [...this.cache.values()].flatMap((entry) =>
      entry.summary && !this.options.isHidden(entry.summary.id) ? [entry.summary] : [],
    );
    const matching = query.status ? all.filter((draft) => draft.status === query.status) : all;
    const drafts = query.search?.trim()
      ? this.ranked(matching, query.search)
      : sortDrafts(matching, query.sort ?? 'edited');
    const unreadable = [...this.cache.entries()]
      .flatMap(([entry, cached]) => (cached.unreadable ? [{ folder: entry, reason: cached.unreadable }] : []))
      .sort((a, b) => a.folder.localeCompare(b.folder));
    return { folder: this.folder ?? this.currentFolder(), drafts, unreadable };
  }

  /** This app changed the library: the next query looks at the disk again. */
  invalidate(): void {
    this.scannedAt = Number.NEGATIVE_INFINITY;
  }

  /** The summary of a draft as last read (no disk access), or null when it is not listed. */
  cachedSummary(id: string): DraftSummary | null {
    for (const entry of this.cache.values()) if (entry.summary?.id === id) return entry.summary;
    return null;
  }

  private ranked(drafts: DraftSummary[], search: string): DraftSummary[] {
    this.indexPending(Number.POSITIVE_INFINITY);
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    return this.index.search(search).flatMap((id) => byId.get(id) ?? []);
  }

  /** Resolves once every known draft is in the search index (tests and benchmarks wait for it). */
  async ready(): Promise<void> {
    await this.fresh();
    while (this.scan) await this.scan;
    while (this.unindexed.size > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  /** One scan at a time; queries arriving meanwhile share it. */
  private async fresh(): Promise<void> {
    const folder = this.currentFolder();
    if (folder !== this.folder) {
      this.folder = folder;
      this.cache = await this.options.snapshots.load(folder);
      this.index = new SearchIndex();
      this.unindexed = new Map(this.cache);
      // With last run's snapshot the list shows at once and the disk is checked right behind it
      // (changes found then arrive as onExternalChange); without one, the first list waits.
      if (this.cache.size > 0) this.scannedAt = this.options.now() - this.options.rescanAfterMs;
      else this.invalidate();
    }
    const mustWait = this.scannedAt === Number.NEGATIVE_INFINITY || this.options.rescanAfterMs === 0;
    if (!mustWait && this.options.now() - this.scannedAt < this.options.rescanAfterMs) return;
    if (!this.scan) {
      const scan = this.refresh(folder).then((changed) => {
        if (changed && !mustWait) this.options.onExternalChange();
      });
      this.scan = scan.finally(() => (this.scan = null));
      // A background scan's failure shows at the next query that waits; it must not go unhandled.
      if (!mustWait) this.scan.catch(() => this.invalidate());
    }
    if (mustWait) await this.scan;
  }

  /** Brings the cache in line with the disk, reading only what changed; true when something had. */
  private async refresh(folder: string): Promise<boolean> {
    const startedAt = this.options.now();
    const entries = (await readLibraryFolder(folder)).filter(
      (entry) => entry.endsWith(DRAFT_FOLDER_SUFFIX) && !entry.startsWith('.'),
    );
    if (folder !== this.folder) return false; // the user chose another folder meanwhile
    const present = new Set(entries);
    let changed = false;
    for (const [entry, cached] of this.cache) {
      if (present.has(entry)) continue;
      this.forgetEntry(entry, cached);
      changed = true;
    }
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const entry = entries[next++]!;
        if (await this.refreshEntry(folder, entry)) changed = true;
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, entries.length) }, worker));
    this.scannedAt = startedAt;
    if (changed) this.options.snapshots.save(folder, this.cache);
    this.scheduleIndexing();
    return changed;
  }

  private async refreshEntry(folder: string, entry: string): Promise<boolean> {
    const info = await stat(join(folder, entry, DOCUMENT_FILE)).catch(() => null);
    // Publishing changes the status without touching release.json: its state file counts too.
    const published = await stat(join(folder, entry, PUBLISH_STATE_FILE)).catch(() => null);
    const stamp = info
      ? `${info.ino}:${info.size}:${info.mtimeMs}${published ? `/${published.ino}:${published.mtimeMs}` : ''}`
      : 'missing';
    const cached = this.cache.get(entry);
    if (cached && cached.stamp === stamp) return false;
    const read = await readDraftFolder(join(folder, entry), this.defaults());
    if (cached) this.forgetEntry(entry, cached);
    const fresh: CatalogEntry = read.ok
      ? { stamp, summary: summarise(read.document), unreadable: null, search: searchableText(read.document) }
      : { stamp, summary: null, unreadable: read.reason, search: null };
    this.cache.set(entry, fresh);
    this.unindexed.set(entry, fresh);
    return true;
  }

  private forgetEntry(entry: string, cached: CatalogEntry): void {
    if (cached.summary) this.index.remove(cached.summary.id);
    this.cache.delete(entry);
    this.unindexed.delete(entry);
  }

  /** Indexes up to `limit` waiting drafts now. */
  private indexPending(limit: number): void {
    let done = 0;
    for (const [entry, cached] of this.unindexed) {
      if (done++ >= limit) break;
      this.unindexed.delete(entry);
      if (cached.search) this.index.upsert(cached.search);
    }
  }

  /** Indexes the rest in slices between other work, so a start with thousands of drafts stays responsive. */
  private scheduleIndexing(): void {
    if (this.indexing || this.unindexed.size === 0) return;
    this.indexing = true;
    const step = () => {
      this.indexPending(INDEX_SLICE);
      if (this.unindexed.size > 0) setImmediate(step);
      else this.indexing = false;
    };
    setImmediate(step);
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
