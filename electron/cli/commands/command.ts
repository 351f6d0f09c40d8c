/** What a subcommand of `pressroom` is: its flags, its help text, and what it does. */
import type { ExitCode } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import type { CommandLine, OptionSpecs } from '../command-line.js';

export interface Command<S extends OptionSpecs = OptionSpecs> {
  name: string;
  /** One line for the list of commands in `pressroom --help`. */
  summary: string;
  /** The full text of `pressroom <name> --help`. */
  help: string;
  options: S;
  /** How many arguments that are not flags it takes (DRAFT for show and check). */
  maxPositionals: number;
  // Method syntax on purpose: a command for specific flags is usable where any command is expected.
  execute(line: CommandLine<S>, io: CliIo): Promise<ExitCode>;
}
