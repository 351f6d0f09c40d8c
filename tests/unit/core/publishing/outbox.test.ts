import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as AtomicFile from '../../../../electron/core/fs/atomic-file.js';
import type { Timers } from '../../../../electron/core/drafts/pending-deletes.js';
import {
  Outbox,
  type OutboxConstructorOptions,
  type OutboxItem,
  type OutboxSend,
  type OutboxSendResult,
  retryDelay,
  sendResultOf,
  sendResultOfError,
} from '../../../../electron/core/publishing/outbox.js';

import { SiteFailure } from '../../../../electron/core/wordpress/wp-client.js';
import { useTempFolder } from '../../../support/temp-folder.js';

/** Every write of the outbox file, read back right after it: proves each one is whole and parses. */
const written = vi.hoisted(() => ({ contents: [] as unknown[] }));
vi.mock('../../../../electron/core/fs/atomic-file.js', async (importOriginal) => {
  const real = await importOriginal<typeof AtomicFile>();
  const { readFile: read } = await import('node:fs/promises');
  return {
    ...real,
    writeFileAtomically: async (path: string, content: string | Uint8Array) => {
      await real.writeFileAtomically(path, content);
      written.contents.push(JSON.parse(await read(path, 'utf8')));
    },
  };
});

const START = Date.parse('2025-03-01T09:00:00.000Z');
const at = (offsetMs: number) => new Date(START + offsetMs).toISOString();

/** A clock and timers the test moves by hand, so waits are exact and real file I/O still runs. */
const manualClock = () => {
  let time = START;
  let nextHandle = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      nextHandle += 1;
      pending.set(nextHandle, { at: time + ms, run });
      return nextHandle;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const advance = (ms: number) => {
    time += ms;
    for (const [handle, timer] of [...pending]) {
      if (timer.at > time) continue;
      pending.delete(handle);
      timer.run();
    }
  };
  return { timers, now: () => new Date(time), advance };
};

const SENT: OutboxSendResult = { kind: 'sent', remoteId: 42, link: 'https://news.example/launch' };
const OFFLINE_MESSAGE = 'news.example could not be reached.';
const OFFLINE: OutboxSendResult = { kind: 'transient', message: OFFLINE_MESSAGE };

/** A send that answers from a script (an Error is thrown), then 'sent'; records every call. */
const scriptedSend = (...script: (OutboxSendResult | Error)[]) => {
  const calls: { item: OutboxItem; signal: AbortSignal }[] = [];
  const send: OutboxSend = async (item, signal) => {
    calls.push({ item, signal });
    const next = script.shift() ?? SENT;
    if (next instanceof Error) throw next;
    return next;
  };
  return { send, calls };
};

/** A send that never ends by itself, only when aborted. */
const hangingSend = () => {
  const calls: { item: OutboxItem; signal: AbortSignal }[] = [];
  const send: OutboxSend = (item, signal) =>
    new Promise((_resolve, reject) => {
      calls.push({ item, signal });
      signal.addEventListener('abort', () => reject(signal.reason as Error));
    });
  return { send, calls };
};

const release = { draftId: 'launch', draftTitle: 'Launch', siteId: 'news', siteName: 'News' };

describe('the offline outbox', () => {
  const tempFolder = useTempFolder();

  type SetupOptions = Partial<OutboxConstructorOptions> & { clock?: ReturnType<typeof manualClock> };
  const setup = async (send: OutboxSend, { clock = manualClock(), file, ...options }: SetupOptions = {}) => {
    file ??= join(await tempFolder(), 'data', 'outbox.json');
    const warnings: string[] = [];
    const outbox = new Outbox({
      file,
      send,
      timers: clock.timers,
      now: clock.now,
      backoff: { minMs: 1_000, maxMs: 60_000, factor: 2, jitter: 0 },
      logger: { info: () => {}, warn: (message) => warnings.push(message), error: () => {} },
      ...options,
    });
    await outbox.load();
    return { outbox, clock, file, warnings };
  };

  const only = (outbox: Outbox): OutboxItem => {
    const items = outbox.list();
    expect(items).toHaveLength(1);
    return items[0] as OutboxItem;
  };
  /** Waits until no attempt is running and every write is on disk. */
  const settled = async (outbox: Outbox) => {
    await vi.waitFor(() => expect(outbox.list().some((item) => item.state === 'sending')).toBe(false));
    await outbox.flush();
  };
  const saved = async (file: string): Promise<OutboxItem[]> =>
    (JSON.parse(await readFile(file, 'utf8')) as { items: OutboxItem[] }).items;

  it('sends a queued release and keeps it, sent, in the list', async () => {
    const { send, calls } = scriptedSend(SENT);
    const changes: OutboxItem[][] = [];
    const { outbox, file } = await setup(send, { onChange: (items) => changes.push(items) });
    const queued = await outbox.enqueue({ ...release, options: { status: 'publish' } });
    expect(queued).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null, lastError: null });
    await settled(outbox);
    expect(calls.map((call) => call.item.options)).toEqual([{ status: 'publish' }]);
    expect(only(outbox)).toMatchObject({ state: 'sent', attempts: 1, result: { remoteId: 42 } });
    expect(changes.map((items) => items[0]?.state)).toEqual([undefined, 'queued', 'sending', 'sent']);
    expect((await saved(file))[0]?.state).toBe('sent');
  });

  it('waits longer after each transient failure, then sends', async () => {
    const { send, calls } = scriptedSend(OFFLINE, OFFLINE, SENT);
    const { outbox, clock } = await setup(send);
    await outbox.enqueue(release);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({
      state: 'waiting',
      attempts: 1,
      nextAttemptAt: at(1_000),
      lastError: OFFLINE_MESSAGE,
    });
    clock.advance(999);
    expect(only(outbox).state).toBe('waiting');
    clock.advance(1);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({ state: 'waiting', attempts: 2, nextAttemptAt: at(1_000 + 2_000) });
    clock.advance(1_999);
    expect(calls).toHaveLength(2);
    clock.advance(1);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({ state: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(calls).toHaveLength(3);
  });

  it('after a restart, keeps queued and waiting items and honours the wait', async () => {
    const clock = manualClock();
    const first = await setup(scriptedSend(OFFLINE).send, { clock });
    await first.outbox.enqueue(release);
    await settled(first.outbox);
    first.outbox.networkChanged(false);
    await first.outbox.enqueue({ ...release, draftId: 'later' });
    expect(first.outbox.list().map((item) => item.state)).toEqual(['queued', 'waiting']);
    await first.outbox.stop();

    clock.advance(500);
    const { send, calls } = scriptedSend();
    const second = await setup(send, { clock, file: first.file });
    await settled(second.outbox);
    // The queued one went at once; the waiting one still waits for its time.
    expect(calls.map((call) => call.item.draftId)).toEqual(['later']);
    expect(second.outbox.list().map((item) => item.state)).toEqual(['sent', 'waiting']);
    clock.advance(499);
    expect(calls).toHaveLength(1);
    clock.advance(1);
    await settled(second.outbox);
    expect(calls.map((call) => call.item.draftId)).toEqual(['later', 'launch']);
  });

  it('sends again, after a restart, an item that was being sent when the app crashed', async () => {
    const crashed = hangingSend();
    const first = await setup(crashed.send);
    await first.outbox.enqueue(release);
    await vi.waitFor(() => expect(crashed.calls).toHaveLength(1));
    await first.outbox.flush();
    expect((await saved(first.file))[0]?.state).toBe('sending');

    // No stop(): the process died. A new outbox reads what is on disk.
    const { send, calls } = scriptedSend(SENT);
    const second = await setup(send, { file: first.file });
    await settled(second.outbox);
    expect(calls).toHaveLength(1);
    expect(only(second.outbox)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('cancels a queued item: it is never sent', async () => {
    const { send, calls } = scriptedSend();
    const { outbox, file } = await setup(send, { online: false });
    const item = await outbox.enqueue(release);
    expect(await outbox.cancel(item.id)).toBe(true);
    outbox.networkChanged(true);
    await settled(outbox);
    expect(calls).toEqual([]);
    expect(only(outbox).state).toBe('cancelled');
    expect((await saved(file))[0]?.state).toBe('cancelled');
    expect(await outbox.cancel(item.id)).toBe(false);
  });

  it('cancels an item being sent by aborting its signal', async () => {
    const hanging = hangingSend();
    const { outbox, file } = await setup(hanging.send);
    const item = await outbox.enqueue(release);
    await vi.waitFor(() => expect(hanging.calls).toHaveLength(1));
    expect(await outbox.cancel(item.id)).toBe(true);
    expect(hanging.calls[0]?.signal.aborted).toBe(true);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({ state: 'cancelled', nextAttemptAt: null });
    expect((await saved(file))[0]?.state).toBe('cancelled');
  });

  it('shows a cancelled item as sent when the site took it before the cancel arrived', async () => {
    const sending: { finish?: (result: OutboxSendResult) => void } = {};
    const deaf: OutboxSend = () => new Promise((resolve) => (sending.finish = resolve)); // ignores the signal
    const { outbox } = await setup(deaf);
    const item = await outbox.enqueue(release);
    await vi.waitFor(() => expect(sending.finish).toBeDefined());
    await outbox.cancel(item.id);
    expect(only(outbox).state).toBe('cancelled');
    sending.finish?.(SENT);
    await vi.waitFor(() => expect(only(outbox).state).toBe('sent'));
    expect(only(outbox).result).toEqual({ remoteId: 42, link: 'https://news.example/launch' });
  });

  it.each(['conflict', 'deleted', 'preflight'] as const)(
    'stops retrying when the user has to act (%s)',
    async (reason) => {
      const { send, calls } = scriptedSend({ kind: 'failed', reason, message: `needs you: ${reason}` });
      const { outbox, clock } = await setup(send);
      await outbox.enqueue(release);
      await settled(outbox);
      clock.advance(24 * 60 * 60_000);
      outbox.networkChanged(false);
      outbox.networkChanged(true);
      await settled(outbox);
      expect(calls).toHaveLength(1);
      expect(only(outbox)).toMatchObject({
        state: 'failed',
        failureReason: reason,
        lastError: `needs you: ${reason}`,
      });
    },
  );

  it('treats a thrown transient site failure as a wait, anything else thrown as a failure', async () => {
    const { send } = scriptedSend(
      new SiteFailure('server-error', 'The site had an internal error.', 503),
      new SiteFailure('auth', 'The password was refused.', 401),
    );
    const { outbox, clock } = await setup(send);
    await outbox.enqueue(release);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({ state: 'waiting', lastError: 'The site had an internal error.' });
    clock.advance(1_000);
    await settled(outbox);
    expect(only(outbox)).toMatchObject({ state: 'failed', failureReason: 'other' });
  });

  it('enqueuing the same release for the same site again updates it instead of adding one', async () => {
    const { outbox } = await setup(scriptedSend().send, { online: false });
    const first = await outbox.enqueue({ ...release, options: { status: 'draft' } });
    const second = await outbox.enqueue({
      ...release,
      draftTitle: 'Launch!',
      options: { status: 'publish' },
    });
    expect(second.id).toBe(first.id);
    expect(only(outbox)).toMatchObject({ draftTitle: 'Launch!', options: { status: 'publish' } });
    await outbox.enqueue({ ...release, siteId: 'blog', siteName: 'Blog' });
    expect(outbox.list()).toHaveLength(2);
  });

  it('retries waiting items at once when the network comes back, and not while it is down', async () => {
    const { send, calls } = scriptedSend(OFFLINE, SENT);
    const { outbox } = await setup(send, { backoff: { minMs: 30_000, jitter: 0 } });
    await outbox.enqueue(release);
    await settled(outbox);
    expect(only(outbox).nextAttemptAt).toBe(at(30_000));
    outbox.networkChanged(false);
    outbox.networkChanged(true);
    await settled(outbox);
    expect(calls).toHaveLength(2);
    expect(only(outbox).state).toBe('sent');
  });

  it('retryNow sends a waiting item now, and requeues a failed one', async () => {
    const { send, calls } = scriptedSend(OFFLINE, {
      kind: 'failed',
      reason: 'preflight',
      message: 'No title.',
    });
    const { outbox } = await setup(send);
    const item = await outbox.enqueue(release);
    await settled(outbox);
    expect(await outbox.retryNow(item.id)).toBe(true);
    await settled(outbox);
    expect(only(outbox).state).toBe('failed');
    expect(await outbox.retryNow(item.id)).toBe(true);
    await settled(outbox);
    expect(calls).toHaveLength(3);
    expect(only(outbox)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(only(outbox).failureReason).toBeUndefined();
  });

  it('starts from the error of the publish that queued it, waiting before the first attempt', async () => {
    const { send, calls } = scriptedSend();
    const { outbox, clock } = await setup(send);
    await outbox.enqueue({ ...release, lastError: 'No network.' });
    expect(only(outbox)).toMatchObject({ state: 'waiting', attempts: 1, nextAttemptAt: at(1_000) });
    expect(calls).toEqual([]);
    clock.advance(1_000);
    await settled(outbox);
    expect(only(outbox).state).toBe('sent');
  });

  it('moves a damaged file aside, never deleting it, and starts empty', async () => {
    const folder = await tempFolder();
    const file = join(folder, 'outbox.json');
    await writeFile(file, '{"format":"pressroom.outbox","items":[{"id":');
    const { outbox, warnings } = await setup(scriptedSend().send, { file });
    expect(outbox.list()).toEqual([]);
    expect(warnings).toHaveLength(1);
    const names = await readdir(folder);
    const aside = names.find((name) => /^outbox\.damaged-.+\.json$/.test(name));
    expect(aside).toBeDefined();
    expect(await readFile(join(folder, aside ?? ''), 'utf8')).toBe(
      '{"format":"pressroom.outbox","items":[{"id":',
    );
    await outbox.enqueue(release);
    expect(await saved(file)).toHaveLength(1);
  });

  it('writes the file atomically, whole and parseable after every change', async () => {
    written.contents.length = 0;
    const { outbox, file } = await setup(scriptedSend(OFFLINE).send);
    const item = await outbox.enqueue(release);
    await settled(outbox);
    await outbox.retryNow(item.id);
    await settled(outbox);
    await outbox.clearFinished();
    expect(written.contents.length).toBeGreaterThanOrEqual(6);
    for (const content of written.contents) {
      expect(content).toMatchObject({ format: 'pressroom.outbox', version: 1, items: expect.any(Array) });
    }
    expect(await saved(file)).toEqual([]);
  });

  it('at quit, stops the running attempt and keeps the item queued for the next start', async () => {
    const hanging = hangingSend();
    const { outbox, file } = await setup(hanging.send);
    await outbox.enqueue(release);
    await vi.waitFor(() => expect(hanging.calls).toHaveLength(1));
    await outbox.stop();
    expect(hanging.calls[0]?.signal.aborted).toBe(true);
    expect((await saved(file))[0]?.state).toBe('queued');
  });

  it('lists newest first and clears only finished items', async () => {
    const { outbox } = await setup(scriptedSend({ kind: 'failed', message: 'No.' }).send);
    await outbox.enqueue(release);
    await settled(outbox);
    outbox.networkChanged(false);
    await outbox.enqueue({ ...release, draftId: 'second' });
    expect(outbox.list().map((item) => item.draftId)).toEqual(['second', 'launch']);
    await outbox.clearFinished();
    expect(outbox.list().map((item) => item.draftId)).toEqual(['second']);
  });
});

describe('outbox backoff and results', () => {
  const backoff = { minMs: 30_000, maxMs: 30 * 60_000, factor: 2, jitter: 0.2 };

  it('doubles the wait up to the cap, with jitter only ever shortening it', () => {
    expect([1, 2, 3, 10].map((failures) => retryDelay(failures, backoff, () => 0))).toEqual([
      30_000, 60_000, 120_000, 1_800_000,
    ]);
    expect(retryDelay(1, backoff, () => 1)).toBe(24_000);
    expect(retryDelay(5000, backoff, () => 0)).toBe(1_800_000);
  });

  it('maps publish outcomes and thrown errors to outbox results', () => {
    expect(
      sendResultOf({ kind: 'published', remoteId: 3, link: 'l', status: 'publish', site: 's', bytesSent: 0 }),
    ).toEqual({ kind: 'sent', remoteId: 3, link: 'l' });
    expect(sendResultOf({ kind: 'deleted', remoteId: 3 })).toMatchObject({
      kind: 'failed',
      reason: 'deleted',
    });
    expect(sendResultOf({ kind: 'conflict', remoteId: 3, link: 'l', remoteModifiedGmt: 'x' })).toMatchObject({
      reason: 'conflict',
    });
    expect(sendResultOfError(new SiteFailure('timeout', 'Too slow.'))).toEqual({
      kind: 'transient',
      message: 'Too slow.',
    });
    expect(sendResultOfError(new Error('boom'))).toMatchObject({ kind: 'failed', reason: 'other' });
  });
});
