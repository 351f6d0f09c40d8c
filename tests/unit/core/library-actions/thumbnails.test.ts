import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { THUMBNAIL_SIZE, Thumbnails } from '../../../../electron/core/images/thumbnails.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();

const decode = async (dataUrl: string) =>
  sharp(Buffer.from(dataUrl.replace(/^data:image\/webp;base64,/, ''), 'base64')).metadata();

describe('library thumbnails', () => {
  const tempFolder = useTempFolder();

  const draftWith = async (name: string, bytes: Buffer | string) => {
    const draft = join(await tempFolder(), 'x.pressroom');
    await mkdir(join(draft, 'assets'), { recursive: true });
    await writeFile(join(draft, 'assets', name), bytes);
    return draft;
  };

  it('scales the featured image down to a small WebP data URL', async () => {
    const draft = await draftWith('featured.jpg', await photo(1200, 800));
    const dataUrl = await new Thumbnails().of(draft, 'assets/featured.jpg');
    expect(dataUrl).toMatch(/^data:image\/webp;base64,/);
    const meta = await decode(dataUrl!);
    expect(meta).toMatchObject({ format: 'webp', width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE });
    expect(dataUrl!.length).toBeLessThan(10_000);
  });

  it('gives no thumbnail, and no error, for a file that is not an image', async () => {
    const draft = await draftWith('featured.jpg', 'this is text');
    expect(await new Thumbnails().of(draft, 'assets/featured.jpg')).toBeNull();
  });

  it('never follows a symlink or a path outside the draft', async () => {
    const draft = await draftWith('real.jpg', await photo(50, 50));
    await symlink(join(draft, 'assets', 'real.jpg'), join(draft, 'assets', 'link.jpg'));
    const thumbnails = new Thumbnails();
    expect(await thumbnails.of(draft, 'assets/link.jpg')).toBeNull();
    expect(await thumbnails.of(draft, '../x.pressroom/assets/real.jpg')).toBeNull();
    expect(await thumbnails.of(draft, 'assets/missing.jpg')).toBeNull();
  });

  it('makes a new thumbnail when the image file is replaced', async () => {
    const draft = await draftWith('featured.jpg', await photo(300, 100));
    const thumbnails = new Thumbnails();
    const first = await thumbnails.of(draft, 'assets/featured.jpg');
    await writeFile(
      join(draft, 'assets', 'featured.jpg'),
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#00f' } })
        .png()
        .toBuffer(),
    );
    const second = await thumbnails.of(draft, 'assets/featured.jpg');
    expect(second).not.toBe(first);
    expect((await decode(second!)).width).toBe(40); // never enlarged
  });
});
