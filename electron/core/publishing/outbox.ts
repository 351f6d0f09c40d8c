/**
 * The offline outbox: a release published while the network or the site is down is queued here and
 * sent when it can be. The queue is a JSON file in the app's data folder (outbox/outbox-file.ts), so
 * it survives quitting and crashes; each item's state is visible to the user, who can cancel it.
 *
 * Items are sent one at a time, oldest first, through the injected `send` (the app calls
 * `publishRelease`, which retries short hiccups itself with p-retry and bounds every request with a
 * timeout). What is still transient after that waits here with a growing, persisted delay
 * (outbox/attempts.ts): `nextAttemptAt` is on disk, so a restart honours it, the UI can show it, and
 * the network coming back cuts it short. Failures that need the user (a change made on the site, a
 * deleted post, preflight problems, a refused password) are not retried.
 *
 * Re-sending is safe: the publisher records the post's id before anything else, so an item that
 * was 'sending' when the app crashed is simply queued again at the next start.
 */
import type { Timers } from '../drafts/pending-deletes.js';
import { type Logger, silentLogger } from '../logger.js';
import {
  abortedResult,
  type BackoffOptions,
  DEFAULT_BACKOFF,
  type OutboxSend,
  type OutboxSendResult,
  retryDelay,
  sendResultOfError,
} from './outbox/attempts.js';
import {
  newOutboxItem,
  type OutboxEnqueue,
  type OutboxItem,
  readOutboxFile,
  serialWriter,
} from './outbox/outbox-file.js';

export type { BackoffOptions, OutboxSend, OutboxSendResult } from './outbox/attempts.js';
export { retryDelay, sendResultOf, sendResultOfError } from './outbox/attempts.js';
export type {
  OutboxEnqueue,
  OutboxFailureReason,
  OutboxItem,
  OutboxOptions,
  OutboxState,
} from './outbox/outbox-file.js';

export interface OutboxConstructorOptions {
  /** The queue's JSON file, in the app's data folder. */
  file: string;
  send: OutboxSend;
  timers?: Timers;
  now?: () => Date;
  backoff?: Partial<BackoffOptions>;
  /** The source of the backoff's jitter; replaceable so tests are exact. */
  random?: () => number;
  /** Whether the network is up at the start; `networkChanged` tells of changes. */
  online?: boolean;
  /** Told of every change with the whole list (newest first), to refresh the UI. */
  onChange?: (items: OutboxItem[]) => void;
  logger?: Logger;
}

const systemTimers: Timers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A waiting item must not keep the CLI or a quitting app alive; it is on disk for next time.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** setTimeout's own limit (about 24.8 days); a longer wait is re-armed when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const isActive = (item: OutboxItem) => item.state === 'queued' || item.state === 'waiting';
const isFinished = (item: OutboxItem) =>
  item.state === 'sent' || item.state === 'failed' || item.state === 'cancelled';

export class Outbox {
  private items: OutboxItem[] = [];
  private loaded = false;
  private stopped = false;
  private isOnline: boolean;
  private timer: { handle: unknown } | null = null;
  private inFlight: { id: string; controller: AbortController } | null = null;
  /** New items whose first save has not finished: not sent before they are on disk. */
  private readonly unsaved = new Set<string>();
  /** Items the user asked to retry now: tried even while the network is reported down. */
  private readonly forced = new Set<string>();
  private readonly save: () => Promise<void>;
  private readonly timers: Timers;
  private readonly now: () => Date;
  private readonly backoff: BackoffOptions;
  private readonly logger: Logger;

  constructor(private readonly options: OutboxConstructorOptions) {
    this.timers = options.timers ?? systemTimers;
    this.now = options.now ?? (() => new Date());
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.logger = options.logger ?? silentLogger;
    this.isOnline = options.online ?? true;
    this.save = serialWriter(options.file, () => this.items);
  }

  /** Reads the saved queue and starts sending. Call once, before anything else. */
  async load(): Promise<OutboxItem[]> {
    if (this.loaded) return this.list();
    const now = this.now();
    const { items, movedAside } = await readOutboxFile(this.options.file, now);
    if (movedAside) this.logger.warn('outbox: damaged queue file kept aside; starting empty', { movedAside });
    const latest = now.getTime() + this.backoff.maxMs;
    this.items = items.map((item) => {
      // Interrupted mid-send (a crash, a forced quit): the publisher makes a re-send safe.
      if (item.state === 'sending') return { ...item, state: 'queued', nextAttemptAt: null };
      // A wait set before the clock was turned back must not grow beyond the longest backoff.
      if (item.nextAttemptAt && Date.parse(item.nextAttemptAt) > latest) {
        return { ...item, nextAttemptAt: new Date(latest).toISOString() };
      }
      return item;
    });
    this.loaded = true;
    this.changed();
    this.pump();
    return this.list();
  }

  /** Every item, newest first (finished ones stay until `clearFinished`). */
  list(): OutboxItem[] {
    return [...this.items].reverse().map((item) => structuredClone(item));
  }

  /**
   * Queues a release for a site. A release already waiting for that site is updated (new options)
   * rather than queued twice; one being sent right now is left to finish, and the new publish
   * queues behind it, since it may carry changes the running one does not. Saved before returning.
   */
  async enqueue(request: OutboxEnqueue): Promise<OutboxItem> {
    this.assertLoaded();
    const at = this.now();
    const stamp = at.toISOString();
    const sameRelease = (item: OutboxItem) =>
      item.draftId === request.draftId && item.siteId === request.siteId;
    let item = this.items.find((candidate) => sameRelease(candidate) && isActive(candidate));
    let undo: () => void;
    if (item) {
      // Only what enqueue changed is undone: the item may have started sending meanwhile.
      const existing = item;
      const { options, draftTitle, siteName, updatedAt } = existing;
      undo = () => Object.assign(existing, { options, draftTitle, siteName, updatedAt });
      Object.assign(existing, {
        options: { ...request.options },
        draftTitle: request.draftTitle,
        siteName: request.siteName,
        updatedAt: stamp,
      });
    } else {
      item = newOutboxItem(request, stamp, this.retryAt(1, at));
      // The new publish supersedes what the list still shows of earlier ones for the same release.
      this.items = this.items.filter((old) => !(sameRelease(old) && isFinished(old)));
      this.items.push(item);
      const added = item;
      this.unsaved.add(added.id);
      undo = () => (this.items = this.items.filter((candidate) => candidate !== added));
    }
    try {
      await this.save();
    } catch (error) {
      // Not on disk, so not queued: the caller reports it, and nothing is sent behind its back.
      undo();
      throw error;
    } finally {
      this.unsaved.delete(item.id);
    }
    // As queued, even if it starts sending the next moment.
    const queued = structuredClone(item);
    this.changed();
    this.pump();
    return queued;
  }

  /**
   * Cancels an item not yet sent. One being sent is stopped through its AbortSignal; should the site
   * have taken it before the abort arrived, the item shows 'sent' after all, which is the truth.
   */
  async cancel(id: string): Promise<boolean> {
    const item = this.items.find((candidate) => candidate.id === id);
    if (!item || !(isActive(item) || item.state === 'sending')) return false;
    this.set(item, { state: 'cancelled', nextAttemptAt: null });
    this.forced.delete(id);
    if (this.inFlight?.id === id) this.inFlight.controller.abort(new Error('Cancelled by the user.'));
    await this.save();
    this.changed();
    this.pump();
    return true;
  }

  /** Tries a waiting (or failed, after the user fixed the cause) item now, even if reported offline. */
  async retryNow(id: string): Promise<boolean> {
    const item = this.items.find((candidate) => candidate.id === id);
    if (!item || !(isActive(item) || item.state === 'failed')) return false;
    if (item.state === 'failed') {
      this.set(item, { state: 'queued', nextAttemptAt: null });
      delete item.failureReason;
    } else if (item.state === 'waiting') {
      this.set(item, { nextAttemptAt: this.now().toISOString() });
    }
    this.forced.add(id);
    await this.save();
    this.changed();
    this.pump();
    return true;
  }

  /**
   * The network went down or came back. While down, no attempt starts (each would only fail and
   * lengthen the wait); when it is back, every waiting item is due at once.
   */
  networkChanged(online: boolean): void {
    const cameBack = online && !this.isOnline;
    this.isOnline = online;
    if (!cameBack || !this.loaded) return;
    const stamp = this.now().toISOString();
    let any = false;
    for (const item of this.items) {
      if (item.state !== 'waiting') continue;
      this.set(item, { nextAttemptAt: stamp });
      any = true;
    }
    if (any) {
      void this.saveQuietly();
      this.changed();
    }
    this.pump();
  }

  online(): void {
    this.networkChanged(true);
  }

  /** Drops sent, failed and cancelled items from the list. */
  async clearFinished(): Promise<void> {
    this.assertLoaded();
    const before = this.items.length;
    this.items = this.items.filter((item) => !isFinished(item));
    if (this.items.length === before) return;
    await this.save();
    this.changed();
  }

  /** Waits for every pending write and saves the queue as it is now. */
  async flush(): Promise<void> {
    if (this.loaded) await this.save();
  }

  /**
   * At quit: no new attempt, no timer left, the queue saved. An item being sent is stopped and
   * queued again (not cancelled: the user did not ask), so the next start sends it.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    const running = this.inFlight;
    if (running) {
      const item = this.items.find((candidate) => candidate.id === running.id);
      if (item?.state === 'sending') this.set(item, { state: 'queued', nextAttemptAt: null });
      running.controller.abort(new Error('Pressroom is quitting.'));
    }
    await this.flush();
  }

  /** Starts the next due item, or sets the one timer for the earliest wait. */
  private pump(): void {
    this.clearTimer();
    if (!this.loaded || this.stopped || this.inFlight) return;
    const now = this.now().getTime();
    const pending = this.items.filter(isActive);
    const due = pending.find(
      (item) =>
        this.dueAt(item) <= now && !this.unsaved.has(item.id) && (this.isOnline || this.forced.has(item.id)),
    );
    if (due) {
      this.start(due);
      return;
    }
    // Offline, nothing wakes up by itself: `networkChanged(true)` or `retryNow` does.
    if (!this.isOnline) return;
    const next = Math.min(...pending.map((item) => this.dueAt(item)));
    if (!Number.isFinite(next)) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, next - now));
    const timer = {
      handle: this.timers.setTimeout(() => {
        if (this.timer === timer) this.timer = null;
        this.pump();
      }, wait),
    };
    this.timer = timer;
  }

  private start(item: OutboxItem): void {
    this.forced.delete(item.id);
    this.set(item, { state: 'sending', attempts: item.attempts + 1, nextAttemptAt: null });
    const controller = new AbortController();
    const running = { id: item.id, controller };
    this.inFlight = running;
    void this.attempt(item, controller.signal).finally(() => {
      if (this.inFlight === running) this.inFlight = null;
      this.pump();
    });
  }

  private async attempt(item: OutboxItem, signal: AbortSignal): Promise<void> {
    // On disk before the first byte goes out, so the UI and a crash both see the attempt.
    await this.saveQuietly();
    this.changed();
    let result: OutboxSendResult;
    try {
      result = signal.aborted
        ? abortedResult(signal)
        : await this.options.send(structuredClone(item), signal);
    } catch (error) {
      result = signal.aborted ? abortedResult(signal) : sendResultOfError(error);
    }
    if (this.stopped) {
      // Already saved as 'queued' by stop(); the next start sends it again, safely.
      this.logger.info('outbox: an attempt ended after quit began; it is retried at the next start', {
        id: item.id,
        result: result.kind,
      });
      return;
    }
    this.settle(item, result);
    await this.saveQuietly();
    this.changed();
  }

  private settle(item: OutboxItem, result: OutboxSendResult): void {
    if (result.kind === 'sent') {
      this.set(item, {
        state: 'sent',
        lastError: null,
        nextAttemptAt: null,
        result: { remoteId: result.remoteId, link: result.link },
      });
      delete item.failureReason;
      this.logger.info('outbox: sent', { id: item.id, remoteId: result.remoteId });
      return;
    }
    // Cancelled while it ran, and the site did not take it: it stays cancelled.
    if (item.state === 'cancelled') return;
    if (result.kind === 'transient') {
      const nextAttemptAt = this.retryAt(item.attempts, this.now());
      this.set(item, { state: 'waiting', lastError: result.message, nextAttemptAt });
      this.logger.info('outbox: could not send; will try again', { id: item.id, nextAttemptAt });
      return;
    }
    this.set(item, {
      state: 'failed',
      lastError: result.message,
      nextAttemptAt: null,
      failureReason: result.reason ?? 'other',
    });
    this.logger.warn('outbox: sending failed; the user has to act', {
      id: item.id,
      reason: item.failureReason,
    });
  }

  /** When an active item may be tried: queued ones at once. */
  private dueAt(item: OutboxItem): number {
    return item.state === 'waiting' && item.nextAttemptAt ? Date.parse(item.nextAttemptAt) : -Infinity;
  }

  private retryAt(failures: number, from: Date): string {
    const delay = retryDelay(failures, this.backoff, this.options.random);
    return new Date(from.getTime() + delay).toISOString();
  }

  private set(item: OutboxItem, change: Partial<OutboxItem>): void {
    Object.assign(item, change, { updatedAt: this.now().toISOString() });
  }

  private clearTimer(): void {
    if (!this.timer) return;
    this.timers.clearTimeout(this.timer.handle);
    this.timer = null;
  }

  /** For saves nobody waits on: a failure is logged, the queue stays right in memory and the next save retries. */
  private async saveQuietly(): Promise<void> {
    try {
      await this.save();
    } catch (error) {
      this.logger.error('outbox: could not save the queue', { file: this.options.file, error });
    }
  }

  private changed(): void {
    this.options.onChange?.(this.list());
  }

  private assertLoaded(): void {
    if (!this.loaded) throw new Error('Outbox.load() must finish before the outbox is used.');
  }
}
