/**
 * Running the real `pressroom` command in tests: bin/pressroom.mjs as its own process, over the
 * bundle `npm run build` makes (dist/cli/pressroom.js). The bundle is rebuilt first when a source
 * file is newer, with the build's own esbuild options, and written by rename so that test files
 * running in parallel never see half a bundle.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildOptions, OutputFile } from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const cliBin = join(repoRoot, 'bin', 'pressroom.mjs');
const bundle = join(repoRoot, 'dist', 'cli', 'pressroom.js');
const sources = ['electron/cli', 'electron/core', 'shared'];
const sourceFiles = ['package.json', 'scripts/esbuild-options.mjs'];

const newestSource = async (): Promise<number> => {
  const times: number[] = [];
  for (const folder of sources) {
    const entries = await readdir(join(repoRoot, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile()) times.push((await stat(join(entry.parentPath, entry.name))).mtimeMs);
    }
  }
  for (const file of sourceFiles) times.push((await stat(join(repoRoot, file))).mtimeMs);
  return Math.max(...times);
};

const writeByRename = async (file: OutputFile): Promise<void> => {
  await mkdir(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
};

/** Builds dist/cli/pressroom.js when it is missing or older than its sources (about a second). */
export const ensureCliBuilt = async (): Promise<void> => {
  const built = await stat(bundle).catch(() => null);
  if (built && built.mtimeMs >= (await newestSource())) return;
  const { build } = await import('esbuild');
  // Imported by URL: the build script is plain JavaScript without type declarations.
  const { cliOptions } = (await import(
    pathToFileURL(join(repoRoot, 'scripts', 'esbuild-options.mjs')).href
  )) as {
    cliOptions: BuildOptions;
  };
  const result = await build({ ...cliOptions, absWorkingDir: repoRoot, write: false });
  await Promise.all(result.outputFiles.map(writeByRename));
};

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `pressroom args…` and waits for it. The machine's zone is fixed to Istanbul (TZ) so that
 * defaults do not depend on where the tests run.
 */
export const runCli = (
  args: readonly string[],
  options: { cwd?: string; bin?: string; input?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> =>
  new Promise((done) => {
    const child = execFile(
      process.execPath,
      [options.bin ?? cliBin, ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, TZ: 'Europe/Istanbul', ...options.env },
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
    // What a pipe into the command would carry (a password for `site add`); closed either way.
    child.stdin?.end(options.input ?? '');
  });

/** The lines a run wrote to stderr (without the final empty one). */
export const stderrLines = (run: CliRun): string[] => run.stderr.split('\n').filter((line) => line !== '');

/** A real JPEG photo-sized picture, made with sharp, for --featured-image. */
export const writeJpeg = async (path: string, width = 640, height = 360): Promise<Buffer> => {
  const { default: sharp } = await import('sharp');
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })
    .jpeg()
    .toBuffer();
  await writeFile(path, bytes);
  return bytes;
};

/** Everything in a folder, hidden entries included (a left-over staging folder must show). */
export const entriesOf = async (folder: string): Promise<string[]> =>
  (await readdir(folder).catch(() => [])).sort();
