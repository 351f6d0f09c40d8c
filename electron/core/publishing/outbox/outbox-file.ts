/**
 * The outbox on disk: one JSON file in the app's data folder, written atomically, so a crash or a
 * power cut leaves either the previous queue or the new one, never a torn file.
 *
 * A file that cannot be understood (cut off, edited by hand, written by a newer Pressroom) is never
 * deleted or overwritten: it is renamed aside (`outbox.damaged-<time>.json`) so nothing the user
 * queued is lost for good, and the outbox starts empty. A file that exists but cannot be *read*
 * (permissions, a drive gone) is an error instead: starting empty would overwrite it at the next save.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { wpStatuses } from '../../../../shared/publishing/publish-outcome.js';
import { writeFileAtomically } from '../../fs/atomic-file.js';

export const outboxStates = ['queued', 'sending', 'waiting', 'sent', 'failed', 'cancelled'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** Why an item failed for good: what the user is asked to do differs for each. */
export const outboxFailureReasons = ['conflict', 'deleted', 'preflight', 'other'] as const;
export type OutboxFailureReason = (typeof outboxFailureReasons)[number];

export const outboxOptionsSchema = z.object({
  status: z.enum(wpStatuses).optional(),
  createTerms: z.boolean().optional(),
});
export type OutboxOptions = z.infer<typeof outboxOptionsSchema>;

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'not a time');

export const outboxItemSchema = z.object({
  id: z.string().min(1),
  draftId: z.string().min(1),
  draftTitle: z.string(),
  /** Where the draft lives when it is not in the app's library (queued by the command line). */
  draftFolder: z.string().optional(),
  siteId: z.string().min(1),
  siteName: z.string(),
  options: outboxOptionsSchema,
  state: z.enum(outboxStates),
  /** Attempts made so far, by the outbox or by the publish that queued the item. */
  attempts: z.number().int().nonnegative(),
  createdAt: isoTime,
  updatedAt: isoTime,
  lastError: z.string().nullable(),
  /** When a 'waiting' item is tried again; null in every other state. */
  nextAttemptAt: isoTime.nullable(),
  failureReason: z.enum(outboxFailureReasons).optional(),
  result: z.object({ remoteId: z.number().int(), link: z.string() }).optional(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

/** What a caller queues: a release (by id, with names to show) for a site. */
export interface OutboxEnqueue {
  draftId: string;
  draftTitle: string;
  draftFolder?: string;
  siteId: string;
  siteName: string;
  options?: OutboxOptions;
  /** The publish that led here already failed with this: wait before the first outbox attempt. */
  lastError?: string;
}

/** A new item; `firstAttemptAt` is when to try it, given when the request carries an error. */
export const newOutboxItem = (request: OutboxEnqueue, at: string, firstAttemptAt: string): OutboxItem => {
  const failedAlready = request.lastError !== undefined;
  return {
    id: randomUUID(),
    draftId: request.draftId,
    draftTitle: request.draftTitle,
    ...(request.draftFolder ? { draftFolder: request.draftFolder } : {}),
    siteId: request.siteId,
    siteName: request.siteName,
    options: { ...request.options },
    state: failedAlready ? 'waiting' : 'queued',
    // The failed publish counts as the first attempt, so the next wait is the second one.
    attempts: failedAlready ? 1 : 0,
    createdAt: at,
    updatedAt: at,
    lastError: request.lastError ?? null,
    nextAttemptAt: failedAlready ? firstAttemptAt : null,
  };
};

const outboxFileSchema = z.object({
  format: z.literal('pressroom.outbox'),
  version: z.literal(1),
  items: z.array(outboxItemSchema),
});

export interface OutboxFileContent {
  items: OutboxItem[];
  /** Where a damaged file was moved, when it was. */
  movedAside: string | null;
}

/** The queue as saved; empty when there is no file yet, or when the file was damaged (moved aside). */
export const readOutboxFile = async (file: string, now: Date): Promise<OutboxFileContent> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], movedAside: null };
    throw error;
  }
  const parsed = outboxFileSchema.safeParse(parseJson(text));
  if (parsed.success) return { items: parsed.data.items, movedAside: null };
  const aside = damagedName(file, now);
  await rename(file, aside);
  return { items: [], movedAside: aside };
};

/**
 * Writes one after another, each with the queue as it is when its write starts (`current()`), so a
 * later write never lands before an earlier one and each caller's change is on disk when its promise
 * settles. A failed write rejects its own promise only; the next one tries again.
 */
export const serialWriter = (file: string, current: () => readonly OutboxItem[]) => {
  let writing: Promise<void> = Promise.resolve();
  return (): Promise<void> => {
    const run = writing.then(() => writeOutboxFile(file, current()));
    writing = run.catch(() => {});
    return run;
  };
};

export const writeOutboxFile = async (file: string, items: readonly OutboxItem[]): Promise<void> => {
  // The data folder exists in the app; the CLI or a first start may not have made it yet.
  await mkdir(dirname(file), { recursive: true });
  const content = { format: 'pressroom.outbox', version: 1, items };
  await writeFileAtomically(file, `${JSON.stringify(content, null, 2)}\n`);
};

/** `outbox.json` → `outbox.damaged-2024-05-01T10-00-00-000Z.json`, safe in a Windows file name. */
const damagedName = (file: string, now: Date): string => {
  const extension = extname(file);
  const stem = basename(file, extension);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(file), `${stem}.damaged-${stamp}${extension || '.json'}`);
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
