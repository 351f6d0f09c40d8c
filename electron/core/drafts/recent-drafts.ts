/**
 * "Open recent": the drafts opened most recently in each library folder, newest first, at most ten,
 * kept in the settings store. Drafts that are no longer in the library are dropped when listed.
 */
import type { KeyValueStore } from '../settings/settings-service.js';

export const RECENT_DRAFTS_KEY = 'recentDrafts';
export const MAX_RECENT_DRAFTS = 10;
/** Library folders remembered; the least recently used beyond this are forgotten. */
const MAX_FOLDERS = 10;

type Stored = Record<string, string[]>;

export class RecentDrafts {
  constructor(
    private readonly store: KeyValueStore,
    /** The current library folder (recent drafts are remembered per folder). */
    private readonly folder: () => string,
    private readonly key = RECENT_DRAFTS_KEY,
  ) {}

  /** Puts `id` first. */
  opened(id: string): void {
    const ids = [id, ...this.idsOfFolder().filter((known) => known !== id)].slice(0, MAX_RECENT_DRAFTS);
    this.write(ids);
  }

  forget(id: string): void {
    const ids = this.idsOfFolder();
    if (ids.includes(id)) this.write(ids.filter((known) => known !== id));
  }

  /** The recent drafts that still exist, newest first; the others are dropped from the list. */
  list(exists: (id: string) => boolean): string[] {
    const ids = this.idsOfFolder();
    const present = ids.filter(exists);
    if (present.length !== ids.length) this.write(present);
    return present;
  }

  private read(): Stored {
    // A settings file edited by hand must not break "open recent": keep only what is well formed.
    const stored = this.store.get(this.key);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    const valid: Stored = {};
    for (const [folder, ids] of Object.entries(stored as Record<string, unknown>)) {
      if (Array.isArray(ids)) valid[folder] = ids.filter((id): id is string => typeof id === 'string');
    }
    return valid;
  }

  private idsOfFolder(): string[] {
    return (this.read()[this.folder()] ?? []).slice(0, MAX_RECENT_DRAFTS);
  }

  private write(ids: string[]): void {
    const folder = this.folder();
    const { [folder]: _previous, ...others } = this.read();
    // The current folder last, so that dropping the oldest keys keeps the folders used most recently.
    const kept = Object.entries(others).slice(-(MAX_FOLDERS - 1));
    this.store.set(this.key, Object.fromEntries([...kept, [folder, ids]]));
  }
}
