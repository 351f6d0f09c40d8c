/**
 * Featured thumbnails of a site's posts from the real test WordPress, through the handler table as
 * the "Posts on this site" browser reaches it: after a refresh, a post with a featured image gets a
 * small WebP made from the copy WordPress serves, kept beside the site cache, and removed with the site.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeCore } from '../../../electron/core/compose.js';
import { createHandlers } from '../../../electron/core/handlers.js';
import { THUMBNAIL_SIZE } from '../../../electron/core/images/thumbnails.js';
import { silentLogger } from '../../../electron/core/logger.js';
import { memorySecrets } from '../../../electron/core/sites/secret-store.js';
import { cameraPhoto } from '../../support/images.js';
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
    const userData = join(root, 'user-data');
    const { core } = composeCore({
      store: new Conf<Record<string, unknown>>({ projectName: 'pressroom-test', cwd: userData }),
      documentsFolder: join(root, 'Documents'),
      userDataFolder: userData,
      folderPicker: null,
      logger: silentLogger,
      info: { name: 'Pressroom', version: 'test', shell: 'web', canPickFolders: false, platform: 'linux' },
      secrets: memorySecrets(),
    });
    const handlers = createHandlers(core);
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
