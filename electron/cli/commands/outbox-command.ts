/**
 * `pressroom outbox [list|run|cancel ID]`: releases `pressroom publish` queued because their site
 * could not be reached. `run` sends what is waiting (for a scheduled task): exit 0 when nothing is
 * left waiting, 5 when some still wait (the site is still unreachable), 1 when one failed for good.
 */
import type { OutboxItem } from '../../core/publishing/outbox.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_QUEUED, usageError } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions } from '../command-line.js';
import { formatTable } from '../format/table.js';
import { cliOutbox } from '../sites/cli-outbox.js';
import type { Command } from './command.js';

const options = { ...commonOptions } as const;

const help = `Usage: pressroom outbox [list] [--json]
       pressroom outbox run [--json]
       pressroom outbox cancel ID

Releases "pressroom publish" queued because their site could not be reached (exit 5).

  list     the queue: each release, its site, its state and the last error
  run      sends every queued or waiting release now; exit 0 when none is left waiting,
           5 when some still wait (the site is still unreachable), 1 when one failed for good
  cancel   takes a release out of the queue (nothing changes on the site)
`;

const active = (item: OutboxItem) =>
  item.state === 'queued' || item.state === 'waiting' || item.state === 'sending';

const describe = (item: OutboxItem) => ({
  id: item.id,
  draftId: item.draftId,
  title: item.draftTitle,
  site: item.siteName,
  state: item.state,
  attempts: item.attempts,
  lastError: item.lastError,
  nextAttemptAt: item.nextAttemptAt,
  link: item.result?.link ?? null,
});

const print = (items: OutboxItem[], json: boolean, out: (text: string) => void): void => {
  if (json) return out(`${JSON.stringify(items.map(describe), null, 2)}\n`);
  if (items.length === 0) return out('The outbox is empty.\n');
  out(
    formatTable(
      ['STATE', 'TITLE', 'SITE', 'LAST ERROR', 'ID'],
      items.map((item) => [item.state, item.draftTitle, item.siteName, item.lastError ?? '', item.id]),
    ),
  );
};

export const outboxCommand: Command<typeof options> = {
  name: 'outbox',
  summary: 'list, send or cancel releases queued while their site was unreachable',
  help,
  options,
  maxPositionals: 2,
  async execute(line, io) {
    const [action = 'list', id] = line.positionals;
    const json = line.flag('json');
    if (action === 'list') {
      const outbox = await cliOutbox({ online: false });
      await outbox.stop();
      print(outbox.list(), json, io.out);
      return EXIT_OK;
    }
    if (action === 'cancel') {
      if (!id) throw usageError('"pressroom outbox cancel" needs the id shown by "pressroom outbox list"');
      const outbox = await cliOutbox({ online: false });
      const cancelled = await outbox.cancel(id);
      await outbox.stop();
      if (!cancelled) throw usageError(`nothing to cancel with id ${id} (see "pressroom outbox list")`);
      if (json) printJson(io, { cancelled: id });
      else io.out(`Cancelled ${id}.\n`);
      return EXIT_OK;
    }
    if (action !== 'run')
      throw usageError(`unknown action "${action}"; the actions are list, run and cancel`);

    const outbox = await cliOutbox({ online: true });
    const due = outbox.list().filter(active);
    io.note(`Sending ${due.length} queued release${due.length === 1 ? '' : 's'}…\n`);
    for (const item of due) await outbox.retryNow(item.id);
    // Each item is tried once; a transient failure leaves it waiting for the next run.
    const settled = () => outbox.list().every((item) => item.state !== 'queued' && item.state !== 'sending');
    while (!settled()) await new Promise((resolve) => setTimeout(resolve, 100));
    await outbox.stop();
    const items = outbox.list();
    print(items, json, io.out);
    const touched = items.filter((item) => due.some((done) => done.id === item.id));
    if (touched.some((item) => item.state === 'failed')) return EXIT_FAILURE;
    return touched.some((item) => item.state === 'waiting') ? EXIT_QUEUED : EXIT_OK;
  },
};
