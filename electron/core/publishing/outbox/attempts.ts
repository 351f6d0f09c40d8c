/**
 * One attempt of the outbox: what it came to, and how long to wait before the next one.
 *
 * The waits cannot be handed to p-retry: p-retry keeps its wait in a private in-memory timer, so it
 * could neither be shown to the user, nor survive a restart, nor be cut short when the network
 * returns. The outbox therefore keeps the *schedule* itself (a persisted `nextAttemptAt`) and only
 * needs the delay, computed here with the formula p-retry uses (`minMs * factor ** (failures - 1)`,
 * capped at `maxMs`), plus jitter. The short in-process retries of a single publish stay with
 * p-retry, in the publisher.
 */
import type { PublishOutcome } from '../../../../shared/publishing/publish-outcome.js';
import { isTransient } from '../../../../shared/sites/site-problems.js';
import { SiteFailure } from '../../wordpress/wp-client.js';
import type { OutboxFailureReason, OutboxItem } from './outbox-file.js';

/** What one attempt came to. */
export type OutboxSendResult =
  | { kind: 'sent'; remoteId: number; link: string }
  /** May pass by itself (no network, timeout, 5xx): tried again later. */
  | { kind: 'transient'; message: string }
  /** Needs the user: not tried again unless they ask. */
  | { kind: 'failed'; message: string; reason?: OutboxFailureReason };

/** Sends one item; must stop when `signal` aborts (the user cancelled, or the app is quitting). */
export type OutboxSend = (item: OutboxItem, signal: AbortSignal) => Promise<OutboxSendResult>;

// From the publisher's answers to the outbox's, for the `send` the app injects.

/** What a publish run that ended (without throwing) means for the outbox. */
export const sendResultOf = (outcome: PublishOutcome): OutboxSendResult => {
  switch (outcome.kind) {
    case 'published':
      return { kind: 'sent', remoteId: outcome.remoteId, link: outcome.link };
    case 'conflict':
      return {
        kind: 'failed',
        reason: 'conflict',
        message: 'The post was changed on the site since it was last published. Open the release to choose.',
      };
    case 'deleted':
      return {
        kind: 'failed',
        reason: 'deleted',
        message: 'The post was deleted on the site. Open the release to publish it as a new post.',
      };
    case 'preflight':
      return {
        kind: 'failed',
        reason: 'preflight',
        message:
          outcome.problems
            .filter((problem) => problem.severity === 'blocking')
            .map((problem) => problem.message)
            .join(' ') || 'The release has problems to fix before it can be published.',
      };
    case 'queued':
      // Only PublishService answers this (publishRelease never does): still not sent, try again later.
      return { kind: 'transient', message: outcome.message };
  }
};

/** What a publish run that threw means: only transient site problems are worth another try. */
export const sendResultOfError = (error: unknown): OutboxSendResult => {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SiteFailure && isTransient(error.problem)) return { kind: 'transient', message };
  return { kind: 'failed', reason: 'other', message };
};

/** An attempt stopped by its signal: a cancel (the item already says so) or quitting (ignored). */
export const abortedResult = (signal: AbortSignal): OutboxSendResult => ({
  kind: 'failed',
  reason: 'other',
  message: signal.reason instanceof Error ? signal.reason.message : 'Stopped.',
});

export interface BackoffOptions {
  /** The wait after the first failure. */
  minMs: number;
  /** No wait is longer than this, however many failures came before. */
  maxMs: number;
  /** Each failure multiplies the wait by this. */
  factor: number;
  /**
   * The share of each wait that is random (0 to 1): the wait is drawn between `(1 - jitter) * delay`
   * and `delay`, so many clients that lost the same site do not all come back at the same second.
   */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = {
  minMs: 30_000,
  maxMs: 30 * 60_000,
  factor: 2,
  jitter: 0.2,
};

/** The wait after `failures` failed attempts in a row (1 for the first), in milliseconds. */
export const retryDelay = (
  failures: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number => {
  const exponent = Math.max(0, failures - 1);
  const delay = Math.min(options.maxMs, options.minMs * options.factor ** exponent);
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.round(delay * (1 - jitter * random()));
};
