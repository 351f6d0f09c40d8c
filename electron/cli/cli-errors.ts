/**
 * The command line's exit codes and the one error type that carries one. They are part of the
 * interface scripts rely on (docs/cli.md), so they never change meaning:
 *   0 ok, 1 anything else (I/O failure, a bug), 2 usage (bad flags or input files),
 *   3 an invalid draft (unreadable, or preflight found blocking problems),
 *   4 a publish stopped because the post was changed on the site since the last publish,
 *   5 a publish queued in the outbox because the site could not be reached.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_INVALID_DRAFT = 3;
export const EXIT_CONFLICT = 4;
export const EXIT_QUEUED = 5;

export type ExitCode =
  | typeof EXIT_OK
  | typeof EXIT_FAILURE
  | typeof EXIT_USAGE
  | typeof EXIT_INVALID_DRAFT
  | typeof EXIT_CONFLICT
  | typeof EXIT_QUEUED;

/** An error meant for the user: its message is printed as one line on stderr, then the process exits. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Bad flags, flag values or input files: the user can fix the command line. */
export const usageError = (message: string): CliError => new CliError(EXIT_USAGE, message);

/** A draft that cannot be read or is not ready to go out. */
export const invalidDraftError = (message: string): CliError => new CliError(EXIT_INVALID_DRAFT, message);
