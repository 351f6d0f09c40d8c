/** The `pressroom` command's help, version and usage errors, and its launcher without a build. */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliBin, ensureCliBuilt, repoRoot, runCli, stderrLines } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';

describe('pressroom usage', () => {
  const tempFolder = useTempFolder();
  beforeAll(ensureCliBuilt, 60_000);

  it('prints help on stdout for --help and -h, for the command and for each subcommand', async () => {
    const all = [
      ['--help'],
      ['-h'],
      ['new', '--help'],
      ['list', '-h'],
      ['show', '--help'],
      ['check', '--help'],
    ];
    const runs = await Promise.all(all.map((args) => runCli(args)));
    expect(
      runs.map((run, index) => ({
        args: all[index],
        code: run.code,
        stderr: run.stderr,
        stdout: run.stdout,
      })),
    ).toEqual(
      all.map((args) => ({ args, code: 0, stderr: '', stdout: expect.stringMatching(/^Usage: pressroom /) })),
    );
  });

  it('prints the version', async () => {
    const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('exits 2 with one line for no command, an unknown command or an unknown flag', async () => {
    const all = [
      [],
      ['publish'],
      ['--colour'],
      ['list', '--library', '.', '--colour', 'blue'],
      ['show', 'a', 'b'],
      ['list', '--json=yes', '--library', '.'],
    ];
    const runs = await Promise.all(all.map((args) => runCli(args)));
    expect(
      runs.map((run, index) => ({
        args: all[index],
        code: run.code,
        stdout: run.stdout,
        stderr: stderrLines(run),
      })),
    ).toEqual(
      all.map((args) => ({ args, code: 2, stdout: '', stderr: [expect.stringMatching(/^pressroom: /)] })),
    );
  });

  it('says to run the build when the bundle is missing', async () => {
    const copy = await tempFolder();
    await mkdir(join(copy, 'bin'));
    await copyFile(cliBin, join(copy, 'bin', 'pressroom.mjs'));
    const run = await runCli(['--help'], { bin: join(copy, 'bin', 'pressroom.mjs'), cwd: copy });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^pressroom: .*run `npm run build`/)]);
  });
});
