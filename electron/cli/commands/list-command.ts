/**
 * `pressroom list`: the library as the app lists it (the same LibraryCatalog), including drafts that
 * cannot be read, each with the reason; those are reported, never touched, and do not fail the command.
 */
import { readdir } from 'node:fs/promises';
import { AppFailure } from '../../../shared/contract/result.js';
import { draftStatuses, type DraftStatus } from '../../../shared/release/draft-summary.js';
import { LibraryCatalog } from '../../core/catalog/library-catalog.js';
import { DRAFT_FOLDER_SUFFIX } from '../../core/drafts/draft-files.js';
import { CliError, EXIT_FAILURE, EXIT_OK, usageError } from '../cli-errors.js';
import { type CliIo, printJson } from '../cli-io.js';
import { commonOptions, required } from '../command-line.js';
import { cliDefaults } from '../drafts/cli-defaults.js';
import { resolveLibrary } from '../drafts/library-folder.js';
import { formatTable, truncate } from '../format/table.js';
import type { Command } from './command.js';

const options = {
  ...commonOptions,
  library: { type: 'string' },
  status: { type: 'string' },
  search: { type: 'string' },
} as const;

const MAX_SEARCH_LENGTH = 200;
const TITLE_COLUMN = 48;

const help = `Usage: pressroom list --library DIR [--status STATUS] [--search TEXT] [--json]

Lists the drafts in the library folder, newest edit first (best match first with --search), then
the drafts that cannot be read, with the reason.

  --library DIR     the library folder
  --status STATUS   only drafts that are ${draftStatuses.join(', ')}
  --search TEXT     only drafts whose title, text or tags match (accents ignored)
  --json            print {"folder","drafts":[...],"unreadable":[...]} as JSON
`;

const readStatus = (value: string | undefined): DraftStatus | undefined => {
  if (value === undefined) return undefined;
  const status = draftStatuses.find((known) => known === value);
  if (!status) throw usageError(`--status "${value}" must be one of ${draftStatuses.join(', ')}`);
  return status;
};

const readSearch = (value: string | undefined): string | undefined => {
  if (value !== undefined && value.length > MAX_SEARCH_LENGTH) {
    throw usageError(`--search is longer than ${MAX_SEARCH_LENGTH} characters`);
  }
  return value;
};

/** For the progress line only: how many draft folders the catalog is about to read. */
const countDraftFolders = async (folder: string): Promise<number> => {
  const entries = await readdir(folder).catch(() => []);
  return entries.filter((entry) => entry.endsWith(DRAFT_FOLDER_SUFFIX) && !entry.startsWith('.')).length;
};

const printListing = (io: CliIo, listing: Awaited<ReturnType<LibraryCatalog['query']>>): void => {
  if (listing.drafts.length) {
    const rows = listing.drafts.map((draft) => [
      truncate(draft.title.trim() || '(untitled)', TITLE_COLUMN),
      draft.status,
      draft.releaseDate ? `${draft.releaseDate.replace('T', ' ')} ${draft.timeZone}` : '-',
      draft.id,
    ]);
    io.out(formatTable(['TITLE', 'STATUS', 'RELEASE DATE', 'ID'], rows));
  } else {
    io.note('No drafts match.\n');
  }
  if (listing.unreadable.length) {
    io.out(`\nCannot be read (${listing.unreadable.length}):\n`);
    for (const entry of listing.unreadable) io.out(`  ${entry.folder}: ${entry.reason}\n`);
  }
};

export const listCommand: Command<typeof options> = {
  name: 'list',
  summary: 'list the drafts in a library folder',
  help,
  options,
  maxPositionals: 0,
  async execute(line, io) {
    const library = await resolveLibrary(required(line.string('library'), '--library DIR', 'list'), io.cwd, {
      mustExist: true,
    });
    const status = readStatus(line.string('status'));
    const search = readSearch(line.string('search'));

    const count = await countDraftFolders(library);
    io.note(`Reading ${count} draft${count === 1 ? '' : 's'} in ${library}…\n`);
    const catalog = new LibraryCatalog(() => library, cliDefaults);
    const listing = await catalog.query({ status, search }).catch((error: unknown) => {
      if (error instanceof AppFailure) throw new CliError(EXIT_FAILURE, error.message);
      throw error;
    });

    if (line.flag('json')) printJson(io, listing);
    else printListing(io, listing);
    return EXIT_OK;
  },
};
