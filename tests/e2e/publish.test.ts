/**
 * One-click publishing as staff do it, against the real test WordPress: add the site, open the
 * sample release, publish it and follow the link, edit and republish (the same post), and meet the
 * conflict dialog after a colleague edited the post on the site.
 */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { WpClient } from '../../electron/core/wordpress/wp-client.js';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';
import { testLibrary } from '../support/test-library.js';
import { sampleRelease } from '../support/wordpress/sample-release.js';

describe('publishing from the editor', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('publishes the sample, republishes an edit to the same post, and stops on a change made on the site', async () => {
    const site = inject('wordpress');
    const admin = new WpClient({ url: site.url, user: site.user, password: site.appPassword });
    const folder = await tempFolder();
    const suffix = `e2e-${Date.now().toString(36)}`;
    const created = await testLibrary(join(folder, 'Documents', 'Pressroom')).create(
      await sampleRelease(suffix),
    );
    const title = created.document.title;

    const app = await launchApp(folder, { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);

    await ui.addSiteByHand({ name: 'Newsroom', url: site.url, user: site.user, password: site.appPassword });

    // Open the release and publish it.
    await ui.draftOption(title.slice(0, 40)).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe(title);
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('dialog', { name: 'Publish to WordPress' });
    await panel
      .getByText('Ready to publish', { exact: false })
      .or(panel.getByRole('list', { name: 'Problems found' }))
      .first()
      .waitFor();
    await panel.getByLabel('Create categories and tags the site does not have yet').check();
    await screenshot(page, 'publish-panel');
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    const link = panel.getByRole('status').filter({ hasText: 'Published:' }).getByRole('link');
    await link.waitFor({ timeout: 60_000 });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(new RegExp(`^${site.url}/2023/07/`));
    await screenshot(page, 'publish-done');

    const { data: found } = await admin.call<{ id: number; title: { raw: string } }[]>('wp/v2/posts', {
      query: { search: suffix, status: 'any', context: 'edit' },
    });
    expect(found.map((post) => post.title.raw)).toEqual([title]);
    const postId = found[0]!.id;

    // Edit the title and publish again: the same post is updated.
    await ui.titleField.fill(`${title} (updated)`);
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: 'Published:' })
      .getByRole('link')
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(
        async () =>
          (
            await admin.call<{ title: { raw: string } }>(`wp/v2/posts/${postId}`, {
              query: { context: 'edit' },
            })
          ).data.title.raw,
      )
      .toBe(`${title} (updated)`);
    const again = await admin.call<unknown[]>('wp/v2/posts', { query: { search: suffix, status: 'any' } });
    expect(again.data).toHaveLength(1);

    // A colleague edits the post on the site; publishing again shows the conflict, the site's edit stays.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await admin.call(`wp/v2/posts/${postId}`, { method: 'POST', json: { title: 'Edited by a colleague' } });
    await ui.titleField.fill(`${title} (second edit)`);
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    const conflict = page.getByRole('alertdialog', { name: 'This post was changed on the site' });
    await conflict.waitFor({ timeout: 60_000 });
    await screenshot(page, 'publish-conflict');
    expect(
      (await admin.call<{ title: { raw: string } }>(`wp/v2/posts/${postId}`, { query: { context: 'edit' } }))
        .data.title.raw,
    ).toBe('Edited by a colleague');
    // First, the colleague's version opens as a draft of its own, to compare; nothing is sent.
    await conflict.getByRole('button', { name: "Open the site's version as a new draft" }).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe('Edited by a colleague');
    await screenshot(page, 'publish-site-version-opened');
    expect(
      (await admin.call<{ title: { raw: string } }>(`wp/v2/posts/${postId}`, { query: { context: 'edit' } }))
        .data.title.raw,
    ).toBe('Edited by a colleague');

    // Back to the release: publishing again meets the same conflict, and this time replaces it.
    await ui.draftOption(title.slice(0, 40)).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe(`${title} (second edit)`);
    await page.getByRole('button', { name: 'Publish…' }).click();
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await conflict.waitFor({ timeout: 60_000 });
    await conflict.getByRole('button', { name: "Replace the site's version with mine" }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: 'Published:' })
      .getByRole('link')
      .waitFor({ timeout: 60_000 });
    expect(
      (await admin.call<{ title: { raw: string } }>(`wp/v2/posts/${postId}`, { query: { context: 'edit' } }))
        .data.title.raw,
    ).toBe(`${title} (second edit)`);

    // The library shows it as published.
    await expect.poll(() => ui.draftOption(title.slice(0, 40)).getByText('Published').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });
});
