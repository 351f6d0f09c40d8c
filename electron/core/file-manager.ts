/**
 * "Show in Finder / Explorer": the desktop app uses Electron's shell.showItemInFolder; browser mode
 * and the CLI use the platform's own file manager command. The path is passed as one argument, never
 * through a shell, so no file name can inject a command.
 */
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';

export interface FileManager {
  reveal(path: string): Promise<void>;
}

type Run = (command: string, args: string[]) => Promise<void>;

const run: Run = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, args, (error) => (error ? reject(error) : resolve()));
  });

/** The OS command that shows `path` selected (macOS, Windows) or its folder (Linux desktops). */
export const revealCommand = (platform: NodeJS.Platform, path: string): [string, string[]] =>
  platform === 'darwin'
    ? ['open', ['-R', path]]
    : platform === 'win32'
      ? ['explorer.exe', [`/select,${path}`]]
      : ['xdg-open', [dirname(path)]];

export const systemFileManager = (
  platform: NodeJS.Platform = process.platform,
  runCommand: Run = run,
): FileManager => ({
  reveal: async (path) => {
    const [command, args] = revealCommand(platform, path);
    try {
      await runCommand(command, args);
    } catch (error) {
      // Explorer answers 1 even when it worked; elsewhere a failure means no file manager to open.
      if (platform !== 'win32') throw error;
    }
  },
});
