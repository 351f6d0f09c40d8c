/**
 * Featured thumbnails of a site's posts from the real test WordPress, through the handler table as
 * the "Posts on this site" browser reaches it: after a refresh, a post with a featured image gets a
 * small WebP made from the copy WordPress serves, kept beside the site cache, and removed with the site.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { THUMBNAIL_SIZE } from '../../../electron/core/images/thumbnails.js';
import { cameraPhoto } from '../../support/images.js';
import { realCore } from '../../support/real-core.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { adminClient, testSite, unique } from '../../support/wordpress/site-admin.js';

describe('thumbnails of the posts of a real site', () => {
  const tempFolder = useTempFolder();

  it('shows the featured image of a published post as a small WebP, kept until the site is removed', async () => {
    const admin = adminClient();
    const name = unique('thumb');
    const { data: media } = await admin.call<{ id: number }>('wp/v2/media', {
      method: 'POST',
      body: await cameraPhoto({ width: 1200, height: 800 }),
      headers: { 'Content-Type': 'image/jpeg', 'Content-Disposition': `attachment; filename="${name}.jpg"` },
    });
    const { data: post } = await admin.call<{ id: number }>('wp/v2/posts', {
      method: 'POST',
      json: { title: `With a picture ${name}`, status: 'publish', featured_media: media.id },
    });
    const { data: plain } = await admin.call<{ id: number }>('wp/v2/posts', {
      method: 'POST',
      json: { title: `Without a picture ${name}`, status: 'publish' },
    });

    const root = await tempFolder();
    const { handlers, userData } = realCore(root);
    const { site } = await handlers['sites.add']({
      name: 'Newsroom thumbnails',
      url: testSite().url,
      user: testSite().user,
      password: testSite().appPassword,
    });
    await handlers['sites.refresh']({ siteId: site.id });

    const dataUrl = await handlers['sites.postThumbnail']({ siteId: site.id, postId: post.id });
    expect(dataUrl).toMatch(/^data:image\/webp;base64,/);
    const image = sharp(Buffer.from(dataUrl!.replace(/^data:image\/webp;base64,/, ''), 'base64'));
    expect(await image.metadata()).toMatchObject({
      format: 'webp',
      width: THUMBNAIL_SIZE,
      height: THUMBNAIL_SIZE,
    });
    // The photo is red on top and blue below; the thumbnail is too (WordPress's crop, then ours).
    const { data: top } = await image
      .clone()
      .extract({ left: 48, top: 4, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(top[0]).toBeGreaterThan(200);
    expect(await handlers['sites.postThumbnail']({ siteId: site.id, postId: plain.id })).toBeNull();

    const kept = join(userData, 'site-cache', 'thumbnails', site.id);
    expect(await readdir(kept)).toHaveLength(1);
    await handlers['sites.remove']({ id: site.id });
    await expect(readdir(kept)).rejects.toMatchObject({ code: 'ENOENT' });
  }, 120_000);
});
