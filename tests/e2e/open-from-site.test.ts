/**
 * Opening a post from the site as a draft: read the site's posts (kept for offline use), find one,
 * open it, edit offline, and publish it back as an update of the same post.
 */
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { WpClient } from '../../electron/core/wordpress/wp-client.js';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('opening a post from the site', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('finds a published post, opens it as a draft, and publishes the edit back to the same post', async () => {
    const site = inject('wordpress');
    const admin = new WpClient({ url: site.url, user: site.user, password: site.appPassword });
    const marker = `pulled${Date.now().toString(36)}`;
    // A post as colleagues make them on the site: with a featured image and its alt text.
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c84' } })
      .jpeg()
      .toBuffer();
    const { data: media } = await admin.call<{ id: number }>('wp/v2/media', {
      method: 'POST',
      body: photo,
      headers: {
        'Content-Type': 'image/jpeg',
        'Content-Disposition': `attachment; filename="${marker}.jpg"`,
      },
    });
    await admin.call(`wp/v2/media/${media.id}`, {
      method: 'POST',
      json: { alt_text: 'Students celebrating' },
    });
    const { data: post } = await admin.call<{ id: number }>('wp/v2/posts', {
      method: 'POST',
      json: {
        featured_media: media.id,
        title: `Célébration de la jeunesse ${marker}`,
        status: 'publish',
        date_gmt: '2025-10-01T08:00:00',
        content: '<!-- wp:paragraph -->\n<p>Les étudiants ont célébré.</p>\n<!-- /wp:paragraph -->',
      },
    });

    const app = await launchApp(await tempFolder(), { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.addSiteByHand({ name: 'Newsroom', url: site.url, user: site.user, password: site.appPassword });

    await page.getByRole('button', { name: 'Posts on this site…' }).click();
    const posts = page.getByRole('region', { name: 'Posts on Newsroom' });
    await posts.getByRole('button', { name: 'Refresh from the site' }).click();
    await posts.getByText('Last read', { exact: false }).waitFor({ timeout: 30_000 });
    await posts.getByRole('searchbox').fill(`celebration ${marker}`);
    const row = posts.getByRole('listitem').filter({ hasText: marker });
    await row.waitFor();
    // Its featured image, made small by the main process and shown as a data: URL (the CSP allows no other).
    await expect
      .poll(() => row.locator('img.site-post-thumbnail').getAttribute('src'), { timeout: 30_000 })
      .toMatch(/^data:image\/webp;base64,/);
    await screenshot(page, 'open-from-site');
    await row.getByRole('button', { name: 'Open as a draft' }).click();
    await expect
      .poll(() => ui.titleField.inputValue(), { timeout: 30_000 })
      .toBe(`Célébration de la jeunesse ${marker}`);
    await ui.body.getByText('Les étudiants ont célébré.').waitFor();

    await ui.titleField.fill(`Célébration de la jeunesse ${marker} (mise à jour)`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('dialog', { name: 'Publish to WordPress' });
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: 'Published:' })
      .getByRole('link')
      .waitFor({ timeout: 60_000 });
    const { data } = await admin.call<{ title: { raw: string } }>(`wp/v2/posts/${post.id}`, {
      query: { context: 'edit' },
    });
    expect(data.title.raw).toBe(`Célébration de la jeunesse ${marker} (mise à jour)`);
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });
});
