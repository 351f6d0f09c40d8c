/**
 * A release's details (slug, schedule, featured image, categories, tags…) saved with its title and
 * body: merged over the stored document, checked whole before anything is written, kept in the
 * recovery journal when the save is refused, and carried through a conflict resolution.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecoveryJournal } from '../../../../electron/core/drafts/recovery-journal.js';
import { resolveConflict } from '../../../../electron/core/drafts/resolve-conflict.js';
import { restoreRecovered } from '../../../../electron/core/drafts/restore-recovered.js';
import type { FeaturedImage } from '../../../../shared/release/release-fields.js';
import { cameraPhoto } from '../../../support/images.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { paragraph, testLibrary } from '../../../support/test-library.js';
import { realCore } from '../../../support/real-core.js';

const MISSING_IMAGE = "The featured image file is missing from the draft's folder; choose the picture again.";

/** What the details panel records for `file` holding `bytes` (a 600×400 camera photo). */
const featuredImage = (file: string, bytes: Uint8Array): FeaturedImage => ({
  file,
  alt: 'Students at the opening',
  caption: 'The opening of the new library',
  credit: 'Staff Photographer',
  width: 600,
  height: 400,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

const readJson = async (path: string): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;

describe('saving a release’s details', () => {
  const tempFolder = useTempFolder();

  /** A draft with tags, a slug and a photo in its assets folder, in a fresh library. */
  const draftWithPhoto = async () => {
    const folder = await tempFolder();
    const journal = new RecoveryJournal(join(folder, 'user-data', 'recovery'));
    const library = testLibrary(join(folder, 'library'), { journal });
    const photo = await cameraPhoto();
    const opened = await library.create({
      title: 'Visit',
      slug: 'visit',
      tags: ['students'],
      assets: [{ file: 'assets/photo.jpg', bytes: photo }],
    });
    const id = opened.document.id;
    return { library, journal, photo, opened, id, file: join(library.folderOf(id), 'release.json') };
  };

  /** The draft changed on "another computer" through the synced folder since it was opened here. */
  const changeElsewhere = async (file: string) => {
    const stored = await readJson(file);
    await writeFile(
      file,
      JSON.stringify({ ...stored, title: 'Visit (edited by a colleague)', body: paragraph('Theirs') }),
    );
  };

  it('merges the given details over the stored ones; fields left out and fields unknown to this build stay', async () => {
    const { core, handlers, folderOf } = realCore(await tempFolder());
    const created = await handlers['drafts.create']({ title: 'Visit' });
    const id = created.document.id;
    const file = join(folderOf(id), 'release.json');
    await writeFile(file, JSON.stringify({ ...(await readJson(file)), tags: ['students'], futureField: 7 }));
    const opened = await core.drafts.open(id);

    await handlers['drafts.save']({
      id,
      title: 'Visit of the students',
      body: paragraph('Forty students visited.'),
      details: {
        slug: 'student-visit',
        categories: ['Campus'],
        schedule: { local: '2026-12-01T10:00', timeZone: 'Europe/Istanbul' },
        excerpt: undefined,
      },
      baseEtag: opened.etag,
    });

    expect(await readJson(file)).toMatchObject({
      title: 'Visit of the students',
      body: paragraph('Forty students visited.'),
      slug: 'student-visit',
      categories: ['Campus'],
      schedule: { local: '2026-12-01T10:00', timeZone: 'Europe/Istanbul' },
      tags: ['students'],
      excerpt: '',
      futureField: 7,
    });
  });

  it('refuses details that would not read back, names the field, and writes nothing', async () => {
    const { library, journal, opened, id, file } = await draftWithPhoto();
    const before = await readFile(file, 'utf8');
    const attempt = library.save({
      id,
      title: 'Visit',
      body: paragraph('x'),
      details: { slug: 'x'.repeat(201) },
      baseEtag: opened.etag,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/not valid \(slug\)/),
    });
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await journal.list()).toEqual([]); // nothing worth keeping: it could never be saved
  });

  it('sets a featured image that is a file of the draft’s own folder', async () => {
    const { library, photo, opened, id } = await draftWithPhoto();
    const image = featuredImage('assets/photo.jpg', photo);
    await library.save({
      id,
      title: 'Visit',
      body: paragraph('x'),
      details: { featuredImage: image },
      baseEtag: opened.etag,
    });
    expect((await library.open(id)).document.featuredImage).toEqual(image);
  });

  it('refuses a featured image missing from the draft’s folder, or only a link to a file, and writes nothing', async () => {
    const { library, photo, opened, id, file } = await draftWithPhoto();
    const outside = join(library.folderOf(id), '..', 'outside.jpg');
    await writeFile(outside, photo);
    await symlink(outside, join(library.folderOf(id), 'assets', 'linked.jpg'));
    const before = await readFile(file, 'utf8');

    for (const name of ['assets/missing.jpg', 'assets/linked.jpg']) {
      const attempt = library.save({
        id,
        title: 'Visit',
        body: paragraph('x'),
        details: { featuredImage: featuredImage(name, photo) },
        baseEtag: opened.etag,
      });
      await expect(attempt).rejects.toMatchObject({ code: 'invalid-request', message: MISSING_IMAGE });
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('keeps the details of a save refused by a conflict in the recovery journal, and restoring applies them', async () => {
    const { core, handlers, folderOf } = realCore(await tempFolder());
    const photo = await cameraPhoto();
    const created = await core.drafts.create({
      title: 'Visit',
      tags: ['students'],
      assets: [{ file: 'assets/photo.jpg', bytes: photo }],
    });
    const id = created.document.id;
    await changeElsewhere(join(folderOf(id), 'release.json'));
    const details = {
      slug: 'student-visit',
      categories: ['Campus'],
      featuredImage: featuredImage('assets/photo.jpg', photo),
    };
    const save = handlers['drafts.save']({
      id,
      title: 'Visit (mine)',
      body: paragraph('Mine'),
      details,
      baseEtag: created.etag,
    });
    await expect(save).rejects.toMatchObject({ code: 'conflict' });
    expect(await core.journal.get(id)).toMatchObject({ title: 'Visit (mine)', details });

    const restored = await handlers['drafts.restoreRecovered']({ id, copySuffix: '(recovered)' });
    expect(restored.document).toMatchObject({
      title: 'Visit (mine) (recovered)',
      body: paragraph('Mine'),
      ...details,
      // The editor sends only the details it changed: the others come from the original draft.
      tags: ['students'],
    });
    // The new draft holds its own copy of the picture, so it opens on its own.
    const copied = await readFile(join(folderOf(restored.document.id), 'assets', 'photo.jpg'));
    expect(copied.equals(photo)).toBe(true);
    expect((await core.drafts.open(restored.document.id)).document.featuredImage).toEqual(
      details.featuredImage,
    );
    expect(await handlers['drafts.recovered']({})).toEqual([]);
  });

  it('restores kept work without a featured image whose file has since left the original draft', async () => {
    const { library, journal, photo, opened, id, file } = await draftWithPhoto();
    await changeElsewhere(file);
    const image = featuredImage('assets/photo.jpg', photo);
    const mine = {
      id,
      title: 'Mine',
      body: paragraph('Mine'),
      details: { featuredImage: image, slug: 'mine' },
    };
    await expect(library.save({ ...mine, baseEtag: opened.etag })).rejects.toMatchObject({
      code: 'conflict',
    });
    await writeFile(join(library.folderOf(id), 'assets', 'photo.jpg'), 'replaced by another picture');

    const restored = await restoreRecovered(library, journal, { id, copySuffix: '(recovered)' });
    expect(restored.document).toMatchObject({ title: 'Mine (recovered)', slug: 'mine', featuredImage: null });
    expect(await journal.list()).toEqual([]);
  });

  it('restores journal entries written before details existed', async () => {
    const root = await tempFolder();
    const { handlers, userData } = realCore(root);
    await mkdir(join(userData, 'recovery'), { recursive: true });
    await writeFile(
      join(userData, 'recovery', 'old-entry-0001.json'),
      JSON.stringify({
        id: 'old-entry-0001',
        title: 'Typed last year',
        body: paragraph('Old work'),
        keptAt: '2025-11-25T10:00:00.000Z',
        reason: 'storage',
      }),
    );
    expect(await handlers['drafts.recovered']({})).toHaveLength(1);
    const restored = await handlers['drafts.restoreRecovered']({ id: 'old-entry-0001', copySuffix: '' });
    expect(restored.document).toMatchObject({
      title: 'Typed last year',
      body: paragraph('Old work'),
      slug: '',
    });
  });
});

describe('resolving a conflict with details', () => {
  const tempFolder = useTempFolder();

  const conflicted = async () => {
    const root = await tempFolder();
    const { core, handlers, folderOf } = realCore(root);
    const photo = await cameraPhoto();
    const opened = await core.drafts.create({
      title: 'Visit',
      tags: ['students'],
      assets: [{ file: 'assets/photo.jpg', bytes: photo }],
    });
    const id = opened.document.id;
    const file = join(folderOf(id), 'release.json');
    await writeFile(
      file,
      JSON.stringify({ ...(await readJson(file)), title: 'Visit (theirs)', slug: 'their-slug' }),
    );
    const details = { slug: 'my-slug', featuredImage: featuredImage('assets/photo.jpg', photo) };
    await expect(
      core.drafts.save({
        id,
        title: 'Visit (mine)',
        body: paragraph('Mine'),
        details,
        baseEtag: opened.etag,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    return { core, handlers, id, details, library: core.drafts };
  };

  it('keeping mine writes my details into the draft; the copy keeps theirs', async () => {
    const { handlers, id, details, library } = await conflicted();
    const result = await handlers['drafts.resolveConflict']({
      id,
      title: 'Visit (mine)',
      body: paragraph('Mine'),
      details,
      keep: 'mine',
      copySuffix: '(conflict copy)',
    });
    expect(result.draft.document).toMatchObject({ title: 'Visit (mine)', tags: ['students'], ...details });
    expect((await library.open(result.copyId)).document).toMatchObject({
      title: 'Visit (theirs) (conflict copy)',
      slug: 'their-slug',
      featuredImage: null,
    });
  });

  it('keeping theirs puts my details, and the picture they name, into the conflict copy', async () => {
    const { id, details, library } = await conflicted();
    const result = await resolveConflict(library, {
      id,
      title: 'Visit (mine)',
      body: paragraph('Mine'),
      details,
      keep: 'theirs',
      copySuffix: '(conflict copy)',
    });
    expect(result.draft.document).toMatchObject({
      title: 'Visit (theirs)',
      slug: 'their-slug',
      featuredImage: null,
    });
    expect((await library.open(result.copyId)).document).toMatchObject({
      title: 'Visit (mine) (conflict copy)',
      tags: ['students'],
      ...details,
    });
  });

  it('refuses my featured image if the draft’s folder does not hold it, before making any copy', async () => {
    const { id, details, library } = await conflicted();
    const libraryFolder = join(library.folderOf(id), '..');
    const before = await readdir(libraryFolder);
    for (const keep of ['mine', 'theirs'] as const) {
      const attempt = resolveConflict(library, {
        id,
        title: 'Visit (mine)',
        body: paragraph('Mine'),
        details: { featuredImage: { ...details.featuredImage, file: 'assets/gone.jpg' } },
        keep,
        copySuffix: '(conflict copy)',
      });
      await expect(attempt).rejects.toMatchObject({ code: 'invalid-request', message: MISSING_IMAGE });
    }
    expect(await readdir(libraryFolder)).toEqual(before);
  });
});
