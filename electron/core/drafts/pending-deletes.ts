/**
 * Deleting drafts: undoable in the app for a short while, then moved to the OS trash. Never a
 * permanent delete: Pressroom has no code path that removes a draft folder for good.
 *
 * `PendingDeletes.delete(id)` hides the draft at once (the catalog leaves hidden drafts out) and
 * moves its folder to the OS trash when the undo window ends; `undo(id)` cancels that; `flush()`
 * moves every pending one now (at quit). If the app stops before the window ends, the folder was
 * never touched and the draft is simply still in the library. If the move fails, the draft shows
 * again and the failure is reported; it is not deleted another way.
 */
import { type Logger, silentLogger } from '../logger.js';

/** The OS trash: Electron's shell.trashItem in the desktop app, `nodeTrash()` elsewhere. */
export interface OsTrash {
  moveToTrash(path: string): Promise<void>;
}

/** The OS trash for plain Node (browser mode, the CLI), with the `trash` package. */
export const nodeTrash = (): OsTrash => ({
  moveToTrash: async (path) => {
    const { lstat } = await import('node:fs/promises');
    if (!(await lstat(path).catch(() => null))) throw new Error(`Nothing to move to the trash at ${path}`);
    const { default: trash } = await import('trash');
    // glob: false, so a folder name with * or [ ] is the path itself, never a pattern.
    await trash(path, { glob: false });
    // `trash` ignores what it could not find; make sure the folder really went.
    if (await lstat(path).catch(() => null)) throw new Error(`Could not move ${path} to the trash`);
  },
});

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending delete must not keep a CLI process alive; unmoved drafts simply stay.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type PendingDeleteEvent =
  | { id: string; change: 'hidden' | 'restored' | 'trashed' }
  | { id: string; change: 'failed'; error: unknown };

export interface PendingDeletesOptions {
  trash: OsTrash;
  /** The folder of a draft now; read once when it is deleted. */
  folderOf: (id: string) => string;
  undoWindowMs?: number;
  timers?: Timers;
  /** Told of every change, e.g. to refresh the catalog and tell the renderer the library changed. */
  onChange?: (event: PendingDeleteEvent) => void;
  logger?: Logger;
}

export const DEFAULT_UNDO_WINDOW_MS = 10_000;

interface Pending {
  path: string;
  handle: unknown;
}

export class PendingDeletes {
  private readonly pending = new Map<string, Pending>();
  private readonly moving = new Map<string, Promise<void>>();
  private readonly undoWindowMs: number;
  private readonly timers: Timers;
  private readonly logger: Logger;

  constructor(private readonly options: PendingDeletesOptions) {
    this.undoWindowMs = options.undoWindowMs ?? DEFAULT_UNDO_WINDOW_MS;
    this.timers = options.timers ?? systemTimers;
    this.logger = options.logger ?? silentLogger;
  }

  /** Whether the draft is deleted but not yet in the trash (hidden, and still undoable). */
  isPending(id: string): boolean {
    return this.pending.has(id) || this.moving.has(id);
  }

  pendingIds(): string[] {
    return [...this.pending.keys()];
  }

  /** Hides the draft now; moves it to the OS trash when the undo window ends. */
  delete(id: string): { undoWindowMs: number } {
    if (!this.isPending(id)) {
      const path = this.options.folderOf(id);
      const handle = this.timers.setTimeout(() => void this.moveNow(id), this.undoWindowMs);
      this.pending.set(id, { path, handle });
      this.options.onChange?.({ id, change: 'hidden' });
    }
    return { undoWindowMs: this.undoWindowMs };
  }

  /** Cancels a pending delete. False when it is too late (already moving or moved) or unknown. */
  undo(id: string): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.timers.clearTimeout(entry.handle);
    this.pending.delete(id);
    this.options.onChange?.({ id, change: 'restored' });
    return true;
  }

  /** Moves every pending draft to the trash now and waits for all moves (at quit). */
  async flush(): Promise<void> {
    const ids = [...this.pending.keys()];
    await Promise.all([...ids.map((id) => this.moveNow(id)), ...this.moving.values()]);
  }

  private moveNow(id: string): Promise<void> {
    const entry = this.pending.get(id);
    if (!entry) return this.moving.get(id) ?? Promise.resolve();
    this.timers.clearTimeout(entry.handle);
    this.pending.delete(id);
    const tracked = this.options.trash.moveToTrash(entry.path).then(
      () => {
        this.moving.delete(id);
        this.options.onChange?.({ id, change: 'trashed' });
      },
      (error: unknown) => {
        // Shown again; nothing else is tried: the folder stays where it was.
        this.moving.delete(id);
        this.logger.error('library: could not move a deleted draft to the trash', { id, error });
        this.options.onChange?.({ id, change: 'failed', error });
      },
    );
    this.moving.set(id, tracked);
    return tracked;
  }
}
