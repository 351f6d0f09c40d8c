/**
 * Following a publish as it happens, and stopping it: the progress dialog names the step (here the
 * site is slow to answer an upload), Cancel stops the run with a plain message and leaves at most a
 * draft on the site, and publishing again finishes that same post.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { WpClient } from '../../electron/core/wordpress/wp-client.js';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';
import { testLibrary } from '../support/test-library.js';
import { startFaultProxy } from '../support/wordpress/fault-proxy.js';
import { sampleRelease } from '../support/wordpress/sample-release.js';

describe('publish progress', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('shows each step, cancels on request without a half-published post, and publishes on the next try', async () => {
    const site = inject('wordpress');
    const admin = new WpClient({ url: site.url, user: site.user, password: site.appPassword });
    // The site takes its time answering the first upload, as a busy host does.
    const relay = await startFaultProxy(site.url, [
      { method: 'POST', route: '/wp/v2/media', fault: 'slow-answer', delayMs: 30_000 },
    ]);
    const folder = await tempFolder();
    const suffix = `progress-${Date.now().toString(36)}`;
    const { document } = await testLibrary(join(folder, 'Documents', 'Pressroom')).create(
      await sampleRelease(suffix),
    );
    const postsOnSite = async () =>
      (
        await admin.call<{ id: number; status: string }[]>('wp/v2/posts', {
          query: { search: suffix, status: 'any', context: 'edit' },
        })
      ).data;

    const app = await launchApp(folder, { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.addSiteByHand({ name: 'Newsroom', url: relay.url, user: site.user, password: site.appPassword });

    await ui.draftOption(document.title.slice(0, 40)).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('dialog', { name: 'Publish to WordPress' });
    await panel.getByLabel('Create categories and tags the site does not have yet').check();
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();

    // Every byte is out; the site is still working on the image.
    const progress = panel.getByRole('status').filter({ hasText: 'the site is processing the image' });
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.locator('progress').getAttribute('value')).toBe(
      await progress.locator('progress').getAttribute('max'),
    );
    await screenshot(page, 'publish-progress');

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText('Publishing was cancelled', { exact: false }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'publish-cancelled');
    const half = await postsOnSite();
    expect(half.length).toBeLessThanOrEqual(1);
    expect(half.every((post) => post.status === 'draft')).toBe(true);

    // The next try (the site is quick again) finishes the same post: one post, published.
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: 'Published:' })
      .getByRole('link')
      .waitFor({ timeout: 60_000 });
    const after = await postsOnSite();
    expect(after.map((post) => post.status)).toEqual(['publish']);
    if (half.length === 1) expect(after[0]!.id).toBe(half[0]!.id);

    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
    await relay.close();
  });
});
