/**
 * `drafts.importImage`: a picture chosen in the editor, checked and copied into the draft's own
 * assets folder under a name taken from its content, ready to be saved as the featured image.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { importImage } from '../../../../electron/core/images/import-image.js';
import { MAX_IMPORTED_IMAGE_BYTES } from '../../../../shared/release/release-details.js';
import { cameraPhoto, noisyJpeg, pngBomb } from '../../../support/images.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { paragraph } from '../../../support/test-library.js';
import { realCore } from '../../../support/real-core.js';

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('adding a picture to a draft', () => {
  const tempFolder = useTempFolder();

  /** The real core with one draft, and its assets folder. */
  const withDraft = async () => {
    const { core, handlers, folderOf } = realCore(await tempFolder());
    const draft = await handlers['drafts.create']({ title: 'Visit' });
    const id = draft.document.id;
    const assets = join(folderOf(id), 'assets');
    const add = (bytes: Uint8Array | string, fileName = 'photo.jpg') =>
      handlers['drafts.importImage']({ id, fileName, data: Buffer.from(bytes).toString('base64') });
    return { core, handlers, draft, id, folder: folderOf(id), assets, add };
  };

  it('copies a camera JPEG unchanged into the draft’s assets, named after its content, with its size and hash', async () => {
    const { add, assets, folder } = await withDraft();
    const releaseBefore = await readFile(join(folder, 'release.json'), 'utf8');
    const photo = await cameraPhoto();

    const imported = await add(photo);

    const sha256 = sha256Of(photo);
    expect(imported).toEqual({
      file: `assets/featured-${sha256.slice(0, 12)}.jpg`,
      width: 600,
      height: 400,
      sha256,
    });
    expect((await readFile(join(folder, imported.file))).equals(photo)).toBe(true);
    expect(await readdir(assets)).toEqual([`featured-${sha256.slice(0, 12)}.jpg`]);
    expect(await readFile(join(folder, 'release.json'), 'utf8')).toBe(releaseBefore);
  });

  it('becomes the featured image with the next save, and the draft still opens', async () => {
    const { add, handlers, draft, id } = await withDraft();
    const imported = await add(await cameraPhoto());
    const featuredImage = { ...imported, alt: 'Students at the opening', caption: '', credit: '' };
    await handlers['drafts.save']({
      id,
      title: 'Visit',
      body: paragraph('x'),
      details: { featuredImage },
      baseEtag: draft.etag,
    });
    expect((await handlers['drafts.open']({ id })).document.featuredImage).toEqual(featuredImage);
  });

  it('measures a photo as readers see it: one turned by its EXIF orientation has its sides swapped', async () => {
    const { add } = await withDraft();
    const imported = await add(await cameraPhoto({ width: 600, height: 400, orientation: 6 }));
    expect(imported).toMatchObject({ width: 400, height: 600 });
  });

  it('keeps one file for the same picture chosen twice', async () => {
    const { add, assets } = await withDraft();
    const photo = await cameraPhoto();
    const first = await add(photo, 'photo.jpg');
    const second = await add(photo, 'the same photo, renamed.jpg');
    expect(second).toEqual(first);
    expect(await readdir(assets)).toHaveLength(1);
  });

  it('never overwrites another file that already has the picture’s name, and takes the next name', async () => {
    const { add, assets } = await withDraft();
    const photo = await cameraPhoto();
    const name = `featured-${sha256Of(photo).slice(0, 12)}`;
    await writeFile(join(assets, `${name}.jpg`), 'a file someone put there');

    const imported = await add(photo);

    expect(imported.file).toBe(`assets/${name}-2.jpg`);
    expect(await readFile(join(assets, `${name}.jpg`), 'utf8')).toBe('a file someone put there');
  });

  it('names a PNG .png, whatever the chosen file is called', async () => {
    const { add } = await withDraft();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    expect((await add(png, 'logo.jpg')).file).toMatch(/^assets\/featured-[0-9a-f]{12}\.png$/);
  });

  describe('refuses, with nothing written to the draft', () => {
    const refused = async (bytes: Uint8Array | string, fileName: string, message: RegExp) => {
      const { add, assets } = await withDraft();
      await expect(add(bytes, fileName)).rejects.toMatchObject({ code: 'invalid-request', message });
      expect(await readdir(assets)).toEqual([]);
    };

    it('a text file', () =>
      refused('Minutes of the meeting', 'minutes.txt', /cannot read “minutes\.txt” as a picture/));

    it('a decompression bomb, from its header alone', () =>
      refused(pngBomb(20_000, 20_000), 'huge.png', /20000×20000 pixels \(400 megapixels\), too large/));

    it('a photo cut off halfway (an unfinished download)', async () => {
      const photo = await noisyJpeg();
      await refused(photo.subarray(0, photo.length / 2), 'half.jpg', /“half\.jpg” is damaged or incomplete/);
    });

    it('an SVG drawing, which can carry scripts', () =>
      refused('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'logo.svg', /SVG drawing/));
  });

  it('refuses a file larger than 50 MB before decoding it', async () => {
    const { handlers, id, assets } = await withDraft();
    // Base64 of MAX_IMPORTED_IMAGE_BYTES + 1 to + 3 bytes: just over the limit.
    const data = 'A'.repeat((Math.floor(MAX_IMPORTED_IMAGE_BYTES / 3) + 1) * 4);
    await expect(handlers['drafts.importImage']({ id, fileName: 'poster.tif', data })).rejects.toMatchObject({
      code: 'invalid-request',
      message: '“poster.tif” is larger than 50 MB, too large to add. Export it smaller and try again.',
    });
    expect(await readdir(assets)).toEqual([]);
  });

  it('refuses to write through an assets folder that is a link to another place', async () => {
    const { add, folder } = await withDraft();
    const elsewhere = join(folder, '..', 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(folder, 'assets'), { recursive: true });
    await symlink(elsewhere, join(folder, 'assets'));
    await expect(add(await cameraPhoto())).rejects.toMatchObject({
      code: 'unreadable',
      message: /is a link/,
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('refuses data that is not base64 (a damaged transfer)', async () => {
    const { handlers, id } = await withDraft();
    await expect(
      handlers['drafts.importImage']({ id, fileName: 'photo.jpg', data: '/9j/4AAQ not base64!' }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: /did not arrive whole/ });
  });

  it('refuses a draft that is not in the library, or is being deleted', async () => {
    const { handlers, core, id } = await withDraft();
    const data = (await cameraPhoto()).toString('base64');
    await expect(
      handlers['drafts.importImage']({ id: '0123456789abcdef', fileName: 'photo.jpg', data }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await handlers['drafts.delete']({ id });
    await expect(handlers['drafts.importImage']({ id, fileName: 'photo.jpg', data })).rejects.toMatchObject({
      code: 'not-found',
    });
    core.deletes.undo(id);
  });

  it('accepts a picture up to the publishing limit of pixels, and no more', async () => {
    const { core, id } = await withDraft();
    const photo = await cameraPhoto({ width: 100, height: 100 });
    const request = { id, fileName: 'photo.jpg', data: photo.toString('base64') };
    await expect(importImage(core.drafts, request, { maxPixels: 10_000 })).resolves.toMatchObject({
      width: 100,
    });
    await expect(importImage(core.drafts, request, { maxPixels: 9_999 })).rejects.toMatchObject({
      message: /too large to prepare safely/,
    });
  });
});
