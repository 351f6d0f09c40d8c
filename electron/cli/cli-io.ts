/**
 * Where a command writes: data on stdout, progress and errors on stderr, so a script can pipe
 * stdout (often JSON) without progress lines mixed in.
 */
export interface CliIo {
  /** Data: tables, documents, JSON. */
  out(text: string): void;
  /** Progress and notes for the person at the terminal. */
  note(text: string): void;
  /** The folder relative paths are resolved against. */
  cwd: string;
}

export const processIo = (): CliIo => {
  // `pressroom list | head -1` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text),
    note: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
};

/** Data as a script reads it: indented JSON and a final newline. */
export const printJson = (io: CliIo, value: unknown): void => io.out(`${JSON.stringify(value, null, 2)}\n`);
