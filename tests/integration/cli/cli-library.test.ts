/**
 * `pressroom list`, `show` and `check` on a real library folder, run as the real command: drafts
 * that cannot be read are listed with their reason and left byte for byte as they were; DRAFT works
 * as a path and as an id with --library; check exits 3 exactly when preflight finds a blocking problem.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { ensureCliBuilt, runCli, stderrLines, writeJpeg } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';

interface Listing {
  folder: string;
  drafts: { id: string; title: string; status: string; releaseDate: string | null }[];
  unreadable: { folder: string; reason: string }[];
}

interface CheckResult {
  ok: boolean;
  problems: { code: string; severity: string; field: string; message: string }[];
}

describe('pressroom list, show and check', () => {
  const tempFolder = useTempFolder();
  beforeAll(ensureCliBuilt, 60_000);

  /** A library with a draft ready to go out (featured image with `alt`), and its id. */
  const readyDraft = async (library: string, alt: string, title = 'Harbour reopens to ships') => {
    const image = join(library, '..', `photo-${randomUUID()}.jpg`);
    await writeJpeg(image, 320, 200);
    const body = join(library, '..', `body-${randomUUID()}.txt`);
    await writeFile(body, 'The harbour reopens on Monday.\n');
    const run = await runCli([
      'new',
      '--library',
      library,
      '--json',
      '--title',
      title,
      '--date',
      '2031-03-02T09:00',
      '--body',
      body,
      '--featured-image',
      image,
      '--alt',
      alt,
      '--tag',
      'harbour',
    ]);
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as { id: string }).id;
  };

  const newLibrary = async () => {
    const library = join(await tempFolder(), 'library');
    await mkdir(library);
    return library;
  };

  it('lists drafts and an unreadable one with its reason, leaving it untouched', async () => {
    const library = await newLibrary();
    const [harbour, budget] = await Promise.all([
      readyDraft(library, 'Ships in the harbour at dawn'),
      runCli([
        'new',
        '--library',
        library,
        '--json',
        '--title',
        'Council approves budget',
        '--tag',
        'budget',
      ]).then((run) => (JSON.parse(run.stdout) as { id: string }).id),
    ]);
    const corruptFolder = `${randomUUID()}.pressroom`;
    await mkdir(join(library, corruptFolder));
    await writeFile(join(library, corruptFolder, 'release.json'), 'not json');

    const listJson = async (...args: string[]) =>
      JSON.parse((await runCli(['list', '--library', library, '--json', ...args])).stdout) as Listing;
    const [run, table, searched, drafts, scheduled, badStatus, missing] = await Promise.all([
      runCli(['list', '--library', library, '--json']),
      runCli(['list', '--library', library]),
      listJson('--search', 'harbor'),
      listJson('--status', 'draft'),
      listJson('--status', 'scheduled'),
      runCli(['list', '--library', library, '--status', 'later']),
      runCli(['list', '--library', join(library, 'nope')]),
    ]);
    expect(run.code).toBe(0);
    expect(stderrLines(run)).toEqual([`Reading 3 drafts in ${library}…`]);
    const listing = JSON.parse(run.stdout) as Listing;
    expect(listing.folder).toBe(library);
    expect(listing.drafts.map((draft) => draft.id).sort()).toEqual([harbour, budget].sort());
    expect(listing.drafts.find((draft) => draft.id === harbour)).toMatchObject({
      title: 'Harbour reopens to ships',
      status: 'draft',
      releaseDate: '2031-03-02T09:00',
    });
    expect(listing.unreadable).toEqual([
      { folder: corruptFolder, reason: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(await readFile(join(library, corruptFolder, 'release.json'), 'utf8')).toBe('not json');

    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^TITLE\s+STATUS\s+RELEASE DATE\s+ID\n/);
    expect(table.stdout).toContain('Council approves budget');
    expect(table.stdout).toContain('2031-03-02 09:00 Europe/Istanbul');
    expect(table.stdout).toContain(`${corruptFolder}: The draft file is damaged`);

    expect(searched.drafts.map((draft) => draft.id)).toEqual([harbour]);
    expect(drafts.drafts).toHaveLength(2);
    expect(scheduled.drafts).toEqual([]);

    expect(badStatus.code).toBe(2);
    expect(stderrLines(badStatus)).toEqual([
      expect.stringMatching(/^pressroom: --status "later" must be one of/),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
  });

  it('shows a draft by path and by id, the same document either way', async () => {
    const library = await newLibrary();
    const id = await readyDraft(library, 'Ships in the harbour at dawn');
    const [byPath, byId, text] = await Promise.all([
      runCli(['show', join(library, `${id}.pressroom`), '--json']),
      runCli(['show', id, '--library', library, '--json']),
      runCli(['show', join(library, `${id}.pressroom`, 'release.json')]),
    ]);
    expect(byPath.code).toBe(0);
    expect(byId.code).toBe(0);
    expect(byPath.stdout).toBe(byId.stdout);
    const onDisk = JSON.parse(
      await readFile(join(library, `${id}.pressroom`, 'release.json'), 'utf8'),
    ) as DraftDocument;
    expect(JSON.parse(byId.stdout)).toEqual(onDisk);

    expect(text.code).toBe(0);
    for (const expected of [
      'Harbour reopens to ships',
      id,
      '2031-03-02T09:00 Europe/Istanbul',
      'Ships in the harbour at dawn',
      'assets/featured.jpg (320×200)',
      'The harbour reopens on Monday.',
    ]) {
      expect(text.stdout).toContain(expected);
    }
  });

  it('reports a draft that is missing (2) or unreadable (3) in one line', async () => {
    const library = await newLibrary();
    const corrupt = randomUUID();
    await mkdir(join(library, `${corrupt}.pressroom`));
    await writeFile(join(library, `${corrupt}.pressroom`, 'release.json'), 'not json');
    const expectations: [string[], number][] = [
      [['show', randomUUID(), '--library', library], 2],
      [['show', randomUUID()], 2],
      [['show'], 2],
      [['show', corrupt, '--library', library], 3],
      [['check', join(library, `${corrupt}.pressroom`), '--json'], 3],
    ];
    const runs = await Promise.all(expectations.map(([args]) => runCli(args)));
    expect(
      runs.map((run, index) => ({
        args: expectations[index]?.[0],
        code: run.code,
        stdout: run.stdout,
        lines: stderrLines(run).length,
      })),
    ).toEqual(expectations.map(([args, code]) => ({ args, code, stdout: '', lines: 1 })));
  });

  it('check passes a ready draft, warns about an alt text like a file name, and exits 3 on a blocking problem', async () => {
    const library = await newLibrary();
    const [ready, fileNamed, bare] = await Promise.all([
      readyDraft(library, 'Ships in the harbour at dawn'),
      readyDraft(library, 'Artboard 2 (9)'),
      runCli(['new', '--library', library, '--title', 'No picture', '--json']).then(
        (run) => (JSON.parse(run.stdout) as { id: string }).id,
      ),
    ]);

    const [good, warned, blocked] = await Promise.all([
      runCli(['check', ready, '--library', library, '--json']),
      runCli(['check', fileNamed, '--library', library, '--json']),
      runCli(['check', bare, '--library', library, '--json']),
    ]);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({ ok: true, problems: [] });

    expect(warned.code).toBe(0);
    expect((JSON.parse(warned.stdout) as CheckResult).problems).toEqual([
      expect.objectContaining({
        code: 'alt-text-looks-like-file-name',
        severity: 'warning',
        field: 'featuredImage.alt',
      }),
    ]);

    expect(blocked.code).toBe(3);
    const result = JSON.parse(blocked.stdout) as CheckResult;
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => [problem.code, problem.severity])).toEqual(
      expect.arrayContaining([
        ['featured-image-missing', 'blocking'],
        ['body-empty', 'blocking'],
      ]),
    );

    // The title is required by `new`, so a draft without one is edited on disk, as another tool might.
    const file = join(library, `${ready}.pressroom`, 'release.json');
    await writeFile(
      file,
      JSON.stringify({ ...(JSON.parse(await readFile(file, 'utf8')) as DraftDocument), title: '' }),
    );
    const untitled = await runCli(['check', join(library, `${ready}.pressroom`)]);
    expect(untitled.code).toBe(3);
    expect(untitled.stdout).toMatch(
      /^SEVERITY\s+CODE\s+FIELD\s+MESSAGE\nblocking\s+title-missing\s+title\s+The release has no title/,
    );
    expect(untitled.stdout).toMatch(/Not ready: 1 blocking problem, 0 warnings\.\n$/);
  });
});
