/**
 * Runs Pressroom as a user would on this machine: the built browser-mode server (dist/web) as its own
 * process, with its settings and Documents folder in a temporary place. Stopping it is quitting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll } from 'vitest';

export interface RunningApp {
  url: string;
  origin: string;
  quit(): Promise<void>;
}

const SERVER = join(process.cwd(), 'dist', 'web', 'start-web.js');

/** Every app this test file started: a failed test must not leave its server running. */
const running = new Set<ChildProcess>();
// Registered when a test file imports this module, so it runs when that file's tests end.
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

export interface LaunchOptions {
  /** How long a delete stays undoable (the app's default is 10 s). */
  undoWindowMs?: number;
  /** Keep site passwords in the app's memory (this machine has no keychain). */
  memorySecrets?: boolean;
}

/**
 * Starts the app with everything it writes under `folder`, including the OS trash
 * (`folder/data/Trash` through XDG_DATA_HOME), so a test never touches the machine's own trash.
 */
export const launchApp = async (folder: string, options: LaunchOptions = {}): Promise<RunningApp> => {
  if (!existsSync(SERVER)) throw new Error('dist/web/start-web.js is missing: run `npm run build` first.');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      SERVER,
      '--user-data',
      join(folder, 'user-data'),
      '--documents',
      join(folder, 'Documents'),
      ...(options.undoWindowMs === undefined ? [] : ['--undo-window-ms', String(options.undoWindowMs)]),
      ...(options.memorySecrets ? ['--memory-secrets'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_DATA_HOME: join(folder, 'data') } },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${stderr}`)));
  });
  const { url, origin } = JSON.parse(firstLine) as { url: string; origin: string };
  return {
    url,
    origin,
    quit: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};
