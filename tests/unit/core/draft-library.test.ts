import { mkdir, readFile, readdir, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftLibrary } from '../../../electron/core/drafts/draft-library.js';
import { EventHub } from '../../../electron/core/events.js';
import { AppFailure } from '../../../shared/contract/result.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { istanbul, listLibrary, paragraph } from '../../support/test-library.js';

describe('the draft library', () => {
  const tempFolder = useTempFolder();

  const makeLibrary = async () => {
    const folder = join(await tempFolder(), 'Documents', 'Pressroom');
    const events = new EventHub();
    const heard: string[] = [];
    events.subscribe((_event, payload) => heard.push((payload as { reason: string }).reason));
    return {
      folder,
      heard,
      library: new DraftLibrary({ folder: () => folder, events, releaseDefaults: istanbul }),
    };
  };

  it('lists nothing for a library folder that does not exist yet, and creates it with the first draft', async () => {
    const { folder, library } = await makeLibrary();
    expect(await listLibrary(folder)).toEqual({ folder, drafts: [], unreadable: [] });
    await library.create({ title: 'First' });
    expect(await readdir(folder)).toHaveLength(1);
  });

  it('creates a draft as a self-contained folder holding release.json', async () => {
    const { folder, library, heard } = await makeLibrary();
    const created = await library.create({ title: 'Meeting with OREMA' });
    const entries = await readdir(folder);
    expect(entries).toEqual([`${created.document.id}.pressroom`]);
    const stored = JSON.parse(await readFile(join(folder, entries[0]!, 'release.json'), 'utf8'));
    expect(stored).toMatchObject({
      format: 'pressroom.release',
      schemaVersion: 2,
      title: 'Meeting with OREMA',
      slug: '',
      schedule: { local: null, timeZone: 'Europe/Istanbul' },
      intendedStatus: 'draft',
      featuredImage: null,
      relatedPosts: [],
      language: 'en',
      direction: 'ltr',
      publishRecord: null,
    });
    expect(heard).toEqual(['created']);
  });

  it('saves title and body, and reads them back after a restart', async () => {
    const { folder, library } = await makeLibrary();
    const created = await library.create();
    await library.save({
      id: created.document.id,
      title: 'Visit',
      body: paragraph('Body text'),
      baseEtag: created.etag,
    });

    const reopened = new DraftLibrary({
      folder: () => folder,
      events: new EventHub(),
      releaseDefaults: istanbul,
    });
    const listing = await listLibrary(folder);
    expect(listing.drafts).toMatchObject([{ id: created.document.id, title: 'Visit', snippet: 'Body text' }]);
    const opened = await reopened.open(created.document.id);
    expect(opened.document.title).toBe('Visit');
    expect(opened.document.body).toEqual(paragraph('Body text'));
  });

  it('lists the most recently edited draft first', async () => {
    const { folder } = await makeLibrary();
    let clock = Date.parse('2026-11-01T10:00:00Z');
    const library = new DraftLibrary({
      folder: () => folder,
      events: new EventHub(),
      releaseDefaults: istanbul,
      now: () => new Date((clock += 60_000)),
    });
    const older = await library.create({ title: 'Older' });
    const newer = await library.create({ title: 'Newer' });
    expect((await listLibrary(folder)).drafts.map((draft) => draft.title)).toEqual(['Newer', 'Older']);
    await library.save({
      id: older.document.id,
      title: 'Older, edited',
      body: paragraph('x'),
      baseEtag: older.etag,
    });
    expect((await listLibrary(folder)).drafts.map((draft) => draft.id)).toEqual([
      older.document.id,
      newer.document.id,
    ]);
  });

  it('refuses to save over a draft that was changed outside Pressroom, and leaves that file as it is', async () => {
    const { folder, library } = await makeLibrary();
    const created = await library.create({ title: 'Original' });
    const file = join(folder, `${created.document.id}.pressroom`, 'release.json');
    const theirs = (await readFile(file, 'utf8')).replace('"Original"', '"Edited on another computer"');
    await writeFile(file, theirs);

    const attempt = library.save({
      id: created.document.id,
      title: 'Mine',
      body: paragraph('mine'),
      baseEtag: created.etag,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });

  it('chains saves so each one presents the fingerprint of the one before', async () => {
    const { library } = await makeLibrary();
    const created = await library.create();
    const first = await library.save({
      id: created.document.id,
      title: 'One',
      body: paragraph('1'),
      baseEtag: created.etag,
    });
    const second = await library.save({
      id: created.document.id,
      title: 'Two',
      body: paragraph('2'),
      baseEtag: first.etag,
    });
    expect(second.etag).not.toBe(first.etag);
    await expect(
      library.save({ id: created.document.id, title: 'Stale', body: paragraph('3'), baseEtag: first.etag }),
    ).rejects.toBeInstanceOf(AppFailure);
    expect((await library.open(created.document.id)).document.title).toBe('Two');
  });

  it('keeps fields written by a newer minor version when saving', async () => {
    const { folder, library } = await makeLibrary();
    const created = await library.create({ title: 'Keep extras' });
    const file = join(folder, `${created.document.id}.pressroom`, 'release.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...stored, futureField: { kept: true } }));
    const opened = await library.open(created.document.id);
    await library.save({
      id: created.document.id,
      title: 'Saved',
      body: paragraph('b'),
      baseEtag: opened.etag,
    });
    expect(JSON.parse(await readFile(file, 'utf8')).futureField).toEqual({ kept: true });
  });

  it('lists unreadable drafts with a plain reason and never changes them', async () => {
    const { folder, library } = await makeLibrary();
    await library.create({ title: 'Good one' });
    const cases: Record<string, string | null> = {
      'corrupt.pressroom': '{"format": "pressroom.release", "title": "cut off',
      'newer.pressroom': JSON.stringify({ format: 'pressroom.release', schemaVersion: 99 }),
      'stranger.pressroom': JSON.stringify({ hello: 'world' }),
      'empty.pressroom': null,
    };
    for (const [name, content] of Object.entries(cases)) {
      await mkdir(join(folder, name));
      if (content !== null) await writeFile(join(folder, name, 'release.json'), content);
    }
    await symlink('/etc', join(folder, 'link.pressroom'));

    const listing = await listLibrary(folder);
    expect(listing.drafts.map((draft) => draft.title)).toEqual(['Good one']);
    const reasons = Object.fromEntries(listing.unreadable.map((entry) => [entry.folder, entry.reason]));
    expect(reasons['corrupt.pressroom']).toMatch(/damaged or incomplete/);
    expect(reasons['newer.pressroom']).toMatch(/newer version of Pressroom/);
    expect(reasons['stranger.pressroom']).toMatch(/not a Pressroom draft/);
    expect(reasons['empty.pressroom']).toMatch(/no release\.json/);
    expect(reasons['link.pressroom']).toMatch(/link/);
    expect(await readFile(join(folder, 'corrupt.pressroom', 'release.json'), 'utf8')).toBe(
      cases['corrupt.pressroom'],
    );
  });

  it('answers not-found for a draft that is gone', async () => {
    const { library } = await makeLibrary();
    await expect(library.open('0123456789abcdef')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('opens a version 1 draft as the current model, and writes it as version 2 only when saved', async () => {
    const { folder, library } = await makeLibrary();
    const v1 = {
      format: 'pressroom.release',
      schemaVersion: 1,
      id: 'aaaaaaaa-1111',
      title: 'Written by the first Pressroom',
      body: paragraph('Old body'),
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
    const file = join(folder, 'aaaaaaaa-1111.pressroom', 'release.json');
    await mkdir(join(folder, 'aaaaaaaa-1111.pressroom'), { recursive: true });
    await writeFile(file, JSON.stringify(v1));
    const opened = await library.open('aaaaaaaa-1111');
    expect(opened.document).toMatchObject({
      schemaVersion: 2,
      title: v1.title,
      schedule: { timeZone: 'Europe/Istanbul' },
    });
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(1); // reading never writes
    await library.save({ id: 'aaaaaaaa-1111', title: v1.title, body: v1.body, baseEtag: opened.etag });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ schemaVersion: 2, body: v1.body });
  });

  it('refuses drafts whose image path leaves the folder, or whose image is missing or a link', async () => {
    const { folder, library } = await makeLibrary();
    const good = await library.create({ title: 'Template' });
    const template = JSON.parse(
      await readFile(join(folder, `${good.document.id}.pressroom`, 'release.json'), 'utf8'),
    );
    const image = { alt: 'x', caption: '', credit: '', width: 10, height: 10, sha256: 'a'.repeat(64) };
    const cases: Record<string, string> = {
      'escape.pressroom': '../../../etc/passwd',
      'absolute.pressroom': '/etc/passwd',
      'missing.pressroom': 'assets/photo.jpg',
      'linked.pressroom': 'assets/linked.jpg',
    };
    for (const [name, file] of Object.entries(cases)) {
      await mkdir(join(folder, name, 'assets'), { recursive: true });
      await writeFile(
        join(folder, name, 'release.json'),
        JSON.stringify({ ...template, featuredImage: { ...image, file } }),
      );
    }
    await symlink('/etc/hostname', join(folder, 'linked.pressroom', 'assets', 'linked.jpg'));
    const reasons = Object.fromEntries(
      (await listLibrary(folder)).unreadable.map((entry) => [entry.folder, entry.reason]),
    );
    expect(reasons['escape.pressroom']).toMatch(/outside its own folder/);
    expect(reasons['absolute.pressroom']).toMatch(/outside its own folder/);
    expect(reasons['missing.pressroom']).toMatch(/image assets\/photo\.jpg is missing/);
    expect(reasons['linked.pressroom']).toMatch(/link/);
  });

  it('creates a draft with its fields and files in one step, or refuses it whole', async () => {
    const { folder, library } = await makeLibrary();
    const created = await library.create({
      title: 'With a photo',
      tags: ['students'],
      assets: [{ file: 'assets/photo.jpg', bytes: new Uint8Array([1, 2, 3]) }],
    });
    const draftFolder = join(folder, `${created.document.id}.pressroom`);
    expect(created.document.tags).toEqual(['students']);
    expect([...(await readFile(join(draftFolder, 'assets', 'photo.jpg')))]).toEqual([1, 2, 3]);

    await expect(library.create({ intendedStatus: 'whenever' as never })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await expect(
      library.create({ assets: [{ file: '../outside.jpg', bytes: new Uint8Array([1]) }] }),
    ).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await readdir(folder)).toEqual([`${created.document.id}.pressroom`]);
  });

  it('refuses a 200 MB draft file without reading it into memory, and leaves it alone', async () => {
    const { folder } = await makeLibrary();
    const huge = join(folder, 'huge.pressroom');
    await mkdir(huge, { recursive: true });
    await writeFile(join(huge, 'release.json'), '');
    await truncate(join(huge, 'release.json'), 200 * 1024 * 1024); // sparse: no real 200 MB on disk
    const listing = await listLibrary(folder);
    expect(listing.unreadable).toEqual([
      { folder: 'huge.pressroom', reason: expect.stringMatching(/far too large/) },
    ]);
    expect((await stat(join(huge, 'release.json'))).size).toBe(200 * 1024 * 1024);
  });
});
