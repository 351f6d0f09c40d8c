/**
 * `pressroom`: finds the command, reads its flags, runs it, and turns every failure into one line on
 * stderr and the exit code scripts rely on (cli-errors.ts). No stack trace reaches the user.
 */
import { version } from '../../package.json';
import { CliError, EXIT_FAILURE, EXIT_OK, type ExitCode, usageError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import { parseCommandLine } from './command-line.js';
import { checkCommand } from './commands/check-command.js';
import type { Command } from './commands/command.js';
import { listCommand } from './commands/list-command.js';
import { newCommand } from './commands/new-command.js';
import { publishCommand } from './commands/publish-command.js';
import { pullCommand } from './commands/pull-command.js';
import { showCommand } from './commands/show-command.js';
import { siteCommand } from './commands/site-command.js';
import { outboxCommand } from './commands/outbox-command.js';

const commands: Command[] = [
  newCommand,
  listCommand,
  showCommand,
  checkCommand,
  publishCommand,
  pullCommand,
  siteCommand,
  outboxCommand,
];

const generalHelp = `Usage: pressroom <command> [options]

Creates, lists, shows and checks press release drafts in a Pressroom library folder, publishes
them to WordPress and pulls posts back, for scripts and batch work. Data goes to stdout, progress
and errors to stderr.

Commands:
${commands.map((command) => `  ${command.name.padEnd(9)}${command.summary}`).join('\n')}

Every command takes --json (its data as JSON) and --help.
DRAFT is a draft's folder, or its id together with --library DIR.

Exit codes: 0 ok, 1 other failure (such as the disk or the site), 2 wrong usage or input file,
3 the draft cannot be read or has blocking preflight problems, 4 publish stopped: the post was
changed on the site.
Run "pressroom <command> --help" for its flags; docs/cli.md has the details.
`;

/** A message that keeps to one line, however a path or a reason was written. */
const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

const run = async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
  const [first, ...rest] = args;
  if (first === undefined) throw usageError('no command given; run "pressroom --help" for the commands');
  if (first === '--help' || first === '-h' || first === '--version') {
    if (rest.length) throw usageError(`unexpected argument "${rest[0] ?? ''}" after ${first}`);
    io.out(first === '--version' ? `${version}\n` : generalHelp);
    return EXIT_OK;
  }
  if (first.startsWith('-')) {
    throw usageError(`unknown option ${first}; the command comes first: pressroom <command> [options]`);
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    const names = commands.map((candidate) => candidate.name).join(', ');
    throw usageError(`unknown command "${first}"; the commands are ${names} (see pressroom --help)`);
  }
  const line = parseCommandLine(command.name, rest, command.options, command.maxPositionals);
  if (line.flag('help')) {
    io.out(command.help);
    return EXIT_OK;
  }
  return command.execute(line, io);
};

export const runCli = async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.note(`pressroom: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.note(`pressroom: unexpected error: ${oneLine(message)}\n`);
    return EXIT_FAILURE;
  }
};
