/**
 * The command line's outbox: releases whose site could not be reached, kept in the CLI's settings
 * folder (outbox.json) with where each draft lives, and sent by `pressroom outbox run` (for
 * example from a scheduled task) with the same idempotent publisher as the app.
 */
import { join } from 'node:path';
import { readDraftFolder } from '../../core/drafts/draft-files.js';
import {
  Outbox,
  type OutboxItem,
  type OutboxSendResult,
  sendResultOf,
  sendResultOfError,
} from '../../core/publishing/outbox.js';
import { publishRelease } from '../../core/publishing/publisher.js';
import { cliDefaults } from '../drafts/cli-defaults.js';
import { cliConfigFolder, cliSites } from './cli-sites.js';

const send = async (item: OutboxItem, signal: AbortSignal): Promise<OutboxSendResult> => {
  try {
    if (!item.draftFolder)
      return {
        kind: 'failed',
        reason: 'other',
        message: 'The queued release does not say where its draft is.',
      };
    const read = await readDraftFolder(item.draftFolder, cliDefaults());
    if (!read.ok)
      return { kind: 'failed', reason: 'other', message: `The draft cannot be read: ${read.reason}` };
    const { site, client } = await cliSites().client(item.siteId);
    const outcome = await publishRelease({
      draftFolder: item.draftFolder,
      document: read.document,
      site,
      client,
      signal,
      ...(item.options.status ? { status: item.options.status } : {}),
      ...(item.options.createTerms ? { createTerms: true } : {}),
    });
    return sendResultOf(outcome);
  } catch (error) {
    return sendResultOfError(error);
  }
};

/**
 * The outbox, loaded. `online: false` queues without sending (publish), `true` sends what is due
 * (outbox run). Call stop() before exiting: nothing more starts, the file stays current.
 */
export const cliOutbox = async ({ online }: { online: boolean }): Promise<Outbox> => {
  // One quick attempt per run of `outbox run`; the next run (or the app's schedule) tries again.
  const outbox = new Outbox({
    file: join(cliConfigFolder(), 'outbox.json'),
    send,
    online,
    backoff: { minMs: 60_000 },
  });
  await outbox.load();
  return outbox;
};
