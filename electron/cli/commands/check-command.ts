/**
 * `pressroom check DRAFT`: the app's preflight (shared/preflight/preflight.ts) on one draft. Exits 3
 * when a problem blocks publishing, so a script can stop a release that is not ready.
 */
import {
  hasBlockingProblems,
  preflight,
  type PreflightProblem,
} from '../../../shared/preflight/preflight.js';
import { EXIT_INVALID_DRAFT, EXIT_OK, usageError } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions } from '../command-line.js';
import { locateDraft } from '../drafts/locate-draft.js';
import { formatTable } from '../format/table.js';
import type { Command } from './command.js';

const options = { ...commonOptions, library: { type: 'string' } } as const;

const help = `Usage: pressroom check DRAFT [--library DIR] [--json]

Runs the preflight checks on a draft and prints each problem (severity, code, field, message).
Exits 3 when any problem is blocking. DRAFT is the draft's folder, or its id with --library DIR.

  --library DIR   the library folder, to name the draft by its id
  --json          print {"ok":true|false,"problems":[...]} as JSON
`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const summary = (problems: readonly PreflightProblem[]): string => {
  const blocking = problems.filter((problem) => problem.severity === 'blocking').length;
  const warnings = problems.length - blocking;
  if (blocking)
    return `Not ready: ${plural(blocking, 'blocking problem')}, ${plural(warnings, 'warning')}.\n`;
  return warnings ? `Ready, with ${plural(warnings, 'warning')}.\n` : 'Ready: no problems found.\n';
};

export const checkCommand: Command<typeof options> = {
  name: 'check',
  summary: 'run the preflight checks on a draft (exit 3 if any blocks)',
  help,
  options,
  maxPositionals: 1,
  async execute(line, io) {
    const [argument] = line.positionals;
    if (argument === undefined)
      throw usageError('"pressroom check" needs DRAFT: a draft folder, or an id with --library');
    const { document } = await locateDraft(argument, line.string('library'), io.cwd);
    const problems = preflight(document, { now: new Date() });
    const ok = !hasBlockingProblems(problems);

    if (line.flag('json')) {
      printJson(io, { ok, problems });
    } else {
      if (problems.length) {
        const rows = problems.map((problem) => [
          problem.severity,
          problem.code,
          problem.field,
          problem.message,
        ]);
        io.out(formatTable(['SEVERITY', 'CODE', 'FIELD', 'MESSAGE'], rows));
      }
      io.out(summary(problems));
    }
    return ok ? EXIT_OK : EXIT_INVALID_DRAFT;
  },
};
