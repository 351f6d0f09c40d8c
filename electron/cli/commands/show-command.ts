/** `pressroom show DRAFT`: every field of one draft, or with `--json` the document itself. */
import { EXIT_OK, usageError } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions } from '../command-line.js';
import { locateDraft } from '../drafts/locate-draft.js';
import { draftText } from '../format/draft-text.js';
import type { Command } from './command.js';

const options = { ...commonOptions, library: { type: 'string' } } as const;

const help = `Usage: pressroom show DRAFT [--library DIR] [--json]

Prints every field of a draft. DRAFT is the draft's folder (or its release.json), or its id
together with --library DIR.

  --library DIR   the library folder, to name the draft by its id
  --json          print the draft document (release.json, brought up to date) as JSON
`;

export const showCommand: Command<typeof options> = {
  name: 'show',
  summary: 'print every field of a draft',
  help,
  options,
  maxPositionals: 1,
  async execute(line, io) {
    const [argument] = line.positionals;
    if (argument === undefined)
      throw usageError('"pressroom show" needs DRAFT: a draft folder, or an id with --library');
    const { folder, document } = await locateDraft(argument, line.string('library'), io.cwd);
    if (line.flag('json')) printJson(io, document);
    else io.out(draftText(document, folder));
    return EXIT_OK;
  },
};
