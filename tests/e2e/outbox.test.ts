/**
 * Publishing while the site is down: the release waits in the outbox (shown in the toolbar and in
 * the library), says why in the library when the site refuses it, and goes out when the site answers
 * again; nothing is lost or sent twice.
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

describe('the outbox', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('queues a release while the site is down and sends it once when the site is back', async () => {
    const site = inject('wordpress');
    const admin = new WpClient({ url: site.url, user: site.user, password: site.appPassword });
    // The site, reached through a relay this test can switch off and on, as a network would.
    let relay = await startFaultProxy(site.url, []);
    const port = Number(new URL(relay.url).port);
    const folder = await tempFolder();
    const suffix = `outbox-${Date.now().toString(36)}`;
    const { document } = await testLibrary(join(folder, 'Documents', 'Pressroom')).create(
      await sampleRelease(suffix),
    );

    const app = await launchApp(folder, { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.addSiteByHand({ name: 'Newsroom', url: relay.url, user: site.user, password: site.appPassword });

    await relay.close(); // the site goes down
    await ui.draftOption(document.title.slice(0, 40)).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const panel = page.getByRole('dialog', { name: 'Publish to WordPress' });
    await panel.getByLabel('Create categories and tags the site does not have yet').check();
    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    await panel
      .getByText('The release is in the outbox', { exact: false })
      .first()
      .waitFor({ timeout: 60_000 });
    await ui.draftOption(document.title.slice(0, 40)).getByText('Waiting to send').waitFor();
    await page.getByRole('button', { name: /Outbox: 1 waiting/ }).click();
    const outbox = page.getByRole('region', { name: 'Outbox' });
    await outbox.getByText(/next try at/).waitFor();
    await screenshot(page, 'outbox-waiting');

    // The site is back, but its firewall turns Pressroom away once: the item fails and says why,
    // in the outbox and in the library row itself.
    relay = await startFaultProxy(
      site.url,
      [{ method: 'GET', route: /^\/wp\/v2\//, fault: 'unauthorised-401' }],
      port,
    );
    await outbox.getByRole('button', { name: 'Try now' }).click();
    const row = ui.draftOption(document.title.slice(0, 40));
    await row.getByText('Sending failed').waitFor({ timeout: 60_000 });
    await row.getByText('did not accept the user name and application password', { exact: false }).waitFor();
    await screenshot(page, 'outbox-failed');

    // Fixed on the site's side: Try now sends it.
    await outbox.getByRole('button', { name: 'Try now' }).click();
    await outbox.getByText(/·\s*sent$/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'outbox-sent');
    const { data } = await admin.call<unknown[]>('wp/v2/posts', { query: { search: suffix, status: 'any' } });
    expect(data).toHaveLength(1);
    await expect
      .poll(() => ui.draftOption(document.title.slice(0, 40)).getByText('Published').count())
      .toBe(1);

    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
    await relay.close();
  });
});
