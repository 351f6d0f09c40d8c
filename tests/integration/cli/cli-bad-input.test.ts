/**
 * Bad input to the real `pressroom` command: each case exits with its documented code, says what is
 * wrong in exactly one line on stderr, prints nothing on stdout, and leaves the library folder as it
 * was: no draft, and no hidden staging folder either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, entriesOf, runCli, stderrLines, writeJpeg } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';

/** Input files each case may name. */
interface Files {
  missing: string;
  docx: string;
  fakeImage: string;
  image: string;
}

interface BadCase {
  name: string;
  args: (files: Files) => string[];
  code: number;
  message: RegExp;
}

/** Grouped by theme; the cases of a group run at the same time (each in its own library). */
const groups: Record<string, BadCase[]> = {
  'input files': [
    {
      name: 'a missing body file',
      args: (f) => ['--body', f.missing],
      code: 2,
      message: /--body .*no such file/,
    },
    {
      name: 'a body of another kind',
      args: (f) => ['--body', f.docx],
      code: 2,
      message: /\.md, \.html or \.txt/,
    },
    {
      name: 'a text file as an image',
      args: (f) => ['--featured-image', f.fakeImage, '--alt', 'A photo'],
      code: 2,
      message: /not an image/,
    },
    {
      name: 'an image without --alt',
      args: (f) => ['--featured-image', f.image],
      code: 2,
      message: /needs --alt/,
    },
    {
      name: '--alt without an image',
      args: () => ['--alt', 'A photo'],
      code: 2,
      message: /give --featured-image/,
    },
    {
      name: 'a missing image',
      args: (f) => ['--featured-image', f.missing, '--alt', 'A photo'],
      code: 2,
      message: /no such file/,
    },
  ],
  'dates and zones': [
    {
      name: 'an unknown zone',
      args: () => ['--date', '2030-01-01T10:00', '--timezone', 'Mars/Olympus'],
      code: 2,
      message: /unknown time zone "Mars\/Olympus"/,
    },
    {
      name: 'a time skipped by daylight saving',
      args: () => ['--date', '2026-03-08T02:30', '--timezone', 'America/New_York'],
      code: 2,
      message: /does not exist in America\/New_York/,
    },
    {
      name: 'February 30',
      args: () => ['--date', '2026-02-30T10:00'],
      code: 2,
      message: /does not exist in the calendar/,
    },
    {
      name: 'a date in another format',
      args: () => ['--date', '1 June 2030'],
      code: 2,
      message: /must be YYYY-MM-DDTHH:MM/,
    },
  ],
  'related posts and text fields': [
    {
      name: 'a related post without a title',
      args: () => ['--related', 'https://example.org/post'],
      code: 2,
      message: /URL=TITLE/,
    },
    {
      name: 'a related post off the web',
      args: () => ['--related', 'ftp://example.org/a=Old'],
      code: 2,
      message: /not a web address/,
    },
    {
      name: 'a related post on 29 February 2025',
      args: () => ['--related', 'https://example.org/?p=1=Old@2025-02-29'],
      code: 2,
      message: /2025-02-29 does not exist/,
    },
    { name: 'an invalid slug', args: () => ['--slug', 'Not A Slug'], code: 2, message: /--slug/ },
    { name: 'an invalid language', args: () => ['--language', 'english!'], code: 2, message: /--language/ },
  ],
  flags: [
    {
      name: 'an unknown flag',
      args: () => ['--colour', 'blue'],
      code: 2,
      message: /unknown option --colour/,
    },
    {
      name: 'a flag without its value',
      args: () => ['--excerpt'],
      code: 2,
      message: /--excerpt needs a value/,
    },
    {
      name: 'a flag given twice',
      args: () => ['--slug', 'a', '--slug', 'b'],
      code: 2,
      message: /--slug was given more than once/,
    },
  ],
};

describe('pressroom new with bad input', () => {
  const tempFolder = useTempFolder();
  beforeAll(ensureCliBuilt, 60_000);

  const prepare = async () => {
    const work = await tempFolder();
    const library = join(work, 'library');
    await mkdir(library);
    const files: Files = {
      missing: join(work, 'no-such-file.md'),
      docx: join(work, 'release.docx'),
      fakeImage: join(work, 'photo.jpg'),
      image: join(work, 'real.jpg'),
    };
    await writeFile(files.docx, 'PK');
    await writeFile(files.fakeImage, 'This is a text file, not a photo.\n');
    await writeJpeg(files.image, 64, 64);
    return { work, library, files };
  };

  it.each(Object.entries(groups))('rejects bad %s', async (_group, cases) => {
    const outcomes = await Promise.all(
      cases.map(async ({ name, args }) => {
        const { library, files } = await prepare();
        const run = await runCli(['new', '--library', library, '--title', 'A release', ...args(files)]);
        return {
          name,
          code: run.code,
          stdout: run.stdout,
          stderr: run.stderr,
          library: await entriesOf(library),
        };
      }),
    );
    // One object per case, so a failure names the case it is about.
    expect(outcomes).toEqual(
      cases.map(({ name, code, message }) => ({
        name,
        code,
        stdout: '',
        stderr: expect.stringMatching(new RegExp(`^pressroom: [^\\n]*${message.source}[^\\n]*\\n$`)),
        library: [],
      })),
    );
  });

  it('does not even create a library folder that did not exist', async () => {
    const { work, files } = await prepare();
    const library = join(work, 'new-library');
    const run = await runCli(['new', '--library', library, '--title', 'A release', '--body', files.missing]);
    expect(run.code).toBe(2);
    expect(await entriesOf(work)).not.toContain('new-library');
  });

  it('needs --library and --title', async () => {
    const { library } = await prepare();
    const all = [
      ['new', '--title', 'A release'],
      ['new', '--library', library],
      ['new', '--library', library, '--title', '  '],
    ];
    const runs = await Promise.all(all.map((args) => runCli(args)));
    expect(runs.map((run) => [run.code, stderrLines(run).length])).toEqual(all.map(() => [2, 1]));
    expect(await entriesOf(library)).toEqual([]);
  });

  it('refuses a library that is a file (2), and exits 1 when the disk refuses the write', async () => {
    const { work, files } = await prepare();
    const asFile = await runCli(['new', '--library', files.docx, '--title', 'A release']);
    expect(asFile.code).toBe(2);
    expect(asFile.stderr).toMatch(/this is a file, not a folder/);

    // A folder below a file cannot be created: the failure comes from the disk, not from the input.
    const blocked = await runCli(['new', '--library', join(files.docx, 'library'), '--title', 'A release']);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toBe('');
    expect(stderrLines(blocked)).toHaveLength(1);
    expect(blocked.stderr).toMatch(/^pressroom: Pressroom could not create the library folder/);
    expect(await entriesOf(work)).toEqual(['library', 'photo.jpg', 'real.jpg', 'release.docx']);
  });
});
