/**
 * How the catalog stays both fast and true with thousands of drafts: it starts from the snapshot of
 * the last run, answers typed searches from memory, and still notices every change made elsewhere.
 */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSnapshots } from '../../../../electron/core/catalog/catalog-snapshot.js';
import { LibraryCatalog } from '../../../../electron/core/catalog/library-catalog.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { istanbul, testLibrary } from '../../../support/test-library.js';

describe('keeping the catalog fresh', () => {
  const tempFolder = useTempFolder();

  const library = async (...titles: string[]) => {
    const root = await tempFolder();
    const folder = join(root, 'Pressroom');
    const drafts = testLibrary(folder);
    const created: Awaited<ReturnType<typeof drafts.create>>[] = [];
    for (const title of titles) created.push(await drafts.create({ title }));
    const fileOf = (index: number) =>
      join(folder, `${created[index]!.document.id}.pressroom`, 'release.json');
    return { root, folder, drafts, fileOf, snapshotFile: join(root, 'user-data', 'catalog-cache.json') };
  };

  /** A whole-second modification time, which utimes can set back exactly. */
  const SECOND = new Date('2026-11-01T10:00:00Z');

  /** Rewrites a draft's title in place keeping its size and modification time, as no editor would. */
  const rewriteKeepingIdentity = async (file: string, from: string, to: string) => {
    expect((await stat(file)).mtime).toEqual(SECOND);
    await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
    await utimes(file, SECOND, SECOND);
  };

  it('starts from the last run’s snapshot, re-reading only drafts whose file changed', async () => {
    const { folder, fileOf, snapshotFile } = await library('Alpha', 'Bravo');
    await utimes(fileOf(0), SECOND, SECOND);
    const firstRun = fileSnapshots(snapshotFile);
    await new LibraryCatalog(() => folder, istanbul, { snapshots: firstRun }).query();
    await firstRun.flush();

    // Same identity: the snapshot is trusted (proving the draft was not re-read) ...
    await rewriteKeepingIdentity(fileOf(0), '"Alpha"', '"Xlpha"');
    // ... a real edit changes the file's identity, and is read.
    await writeFile(fileOf(1), (await readFile(fileOf(1), 'utf8')).replace('"Bravo"', '"Bravo edited"'));

    const secondRun = new LibraryCatalog(() => folder, istanbul, { snapshots: fileSnapshots(snapshotFile) });
    const titles = (await secondRun.query({ sort: 'title' })).drafts.map((draft) => draft.title);
    expect(titles).toEqual(['Alpha', 'Bravo edited']);
    await secondRun.ready();
    expect((await secondRun.query({ search: 'alpha' })).drafts.map((draft) => draft.title)).toEqual([
      'Alpha',
    ]);
  });

  it('at a start with a snapshot, lists at once, then checks the disk and reports what changed meanwhile', async () => {
    const { folder, fileOf, snapshotFile } = await library('Alpha');
    const firstRun = fileSnapshots(snapshotFile);
    await new LibraryCatalog(() => folder, istanbul, { snapshots: firstRun }).query();
    await firstRun.flush();
    await writeFile(
      fileOf(0),
      (await readFile(fileOf(0), 'utf8')).replace('"Alpha"', '"Edited while closed"'),
    );

    let externalChanges = 0;
    const secondRun = new LibraryCatalog(() => folder, istanbul, {
      snapshots: fileSnapshots(snapshotFile),
      rescanAfterMs: 2_000,
      onExternalChange: () => (externalChanges += 1),
    });
    expect((await secondRun.query()).drafts.map((draft) => draft.title)).toEqual(['Alpha']); // the snapshot
    await secondRun.ready();
    expect(externalChanges).toBe(1);
    expect((await secondRun.query()).drafts.map((draft) => draft.title)).toEqual(['Edited while closed']);
  });

  it('ignores a damaged snapshot or one of another folder, and reads the drafts instead', async () => {
    const { folder, snapshotFile, root } = await library('Alpha');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(root, 'user-data'), { recursive: true });
    for (const content of [
      '{"version":1,"folder":',
      JSON.stringify({ version: 1, folder: '/elsewhere', entries: {} }),
    ]) {
      await writeFile(snapshotFile, content);
      const catalog = new LibraryCatalog(() => folder, istanbul, { snapshots: fileSnapshots(snapshotFile) });
      expect((await catalog.query()).drafts.map((draft) => draft.title)).toEqual(['Alpha']);
    }
  });

  it('answers from memory between rescans, then notices a change made elsewhere and says so', async () => {
    const { folder, fileOf } = await library('Alpha');
    let now = 0;
    let externalChanges = 0;
    const catalog = new LibraryCatalog(() => folder, istanbul, {
      rescanAfterMs: 2_000,
      now: () => now,
      onExternalChange: () => (externalChanges += 1),
    });
    await catalog.query();
    await writeFile(
      fileOf(0),
      (await readFile(fileOf(0), 'utf8')).replace('"Alpha"', '"Changed on OneDrive"'),
    );

    now = 1_000; // within the window: no disk access at all
    expect((await catalog.query({ search: 'alpha' })).drafts).toHaveLength(1);
    now = 2_500; // stale: answered at once, and a rescan starts behind it
    expect((await catalog.query()).drafts[0]!.title).toBe('Alpha');
    await catalog.ready();
    expect(externalChanges).toBe(1);
    expect((await catalog.query()).drafts[0]!.title).toBe('Changed on OneDrive');
    expect((await catalog.query({ search: 'onedrive' })).drafts).toHaveLength(1);
  });

  it('after a change made by this app, the next listing waits for the disk and shows it', async () => {
    const { folder, drafts } = await library('Alpha');
    const catalog = new LibraryCatalog(() => folder, istanbul, { rescanAfterMs: 60_000 });
    await catalog.query();
    await drafts.create({ title: 'Bravo' });
    expect((await catalog.query()).drafts).toHaveLength(1); // not yet told
    catalog.invalidate();
    expect((await catalog.query({ sort: 'title' })).drafts.map((draft) => draft.title)).toEqual([
      'Alpha',
      'Bravo',
    ]);
  });
});
