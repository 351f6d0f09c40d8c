/**
 * The Sites page against the real test WordPress: add a site by hand, see the connection tested,
 * get a hint for a password that is not an application password, remove a site; and where the
 * computer cannot keep passwords safely, a plain explanation instead of a form that pretends.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('the Sites page', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('adds the newsroom site, tests it, explains a refused password, and removes a site', async () => {
    const site = inject('wordpress');
    const app = await launchApp(await tempFolder(), { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);

    await page.getByRole('button', { name: 'Sites' }).click();
    await page.getByText('No sites yet.', { exact: false }).waitFor();
    const form = page.getByRole('form', { name: 'Add a site' });
    await form.getByLabel('Name', { exact: true }).fill('Newsroom');
    await form.getByLabel('Site address').fill(site.url);
    await form.getByLabel('WordPress user name').fill(site.user);
    await form.getByLabel('Application password').fill('Pressroom');
    await page.getByText('This does not look like an application password', { exact: false }).waitFor();
    await form.getByLabel('Application password').fill(site.appPassword);
    await form.getByRole('button', { name: 'Add and test' }).click();

    const newsroom = page.getByRole('listitem').filter({ has: page.getByText('Newsroom', { exact: true }) });
    await newsroom
      .getByText(
        'Connected to “Pressroom Test Newsroom”: this user may publish posts and upload images. Site time zone: Europe/Istanbul.',
      )
      .waitFor();
    await newsroom.getByText('This site uses plain http', { exact: false }).waitFor();
    await screenshot(page, 'sites-added');
    expect(await page.content()).not.toContain(site.appPassword);

    // A second site whose password is refused: the problem in plain words.
    await form.getByLabel('Name', { exact: true }).fill('Old site');
    await form.getByLabel('Site address').fill(site.url);
    await form.getByLabel('WordPress user name').fill(site.user);
    await form.getByLabel('Application password').fill('abcd efgh ijkl mnop qrst uvwx');
    await form.getByRole('button', { name: 'Add and test' }).click();
    const oldSite = page.getByRole('listitem').filter({ hasText: 'Old site' });
    await oldSite.getByText('The user name or application password was not accepted.').waitFor();
    await screenshot(page, 'sites-refused-password');

    // Edit the old site: the right password this time; saved, then tested again.
    await oldSite.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit Old site' });
    await edit.getByLabel('Name', { exact: true }).fill('Old site (fixed)');
    await edit.getByLabel('New application password', { exact: false }).fill(site.appPassword);
    await edit.getByRole('button', { name: 'Save and test' }).click();
    const fixed = page.getByRole('listitem').filter({ hasText: 'Old site (fixed)' });
    await fixed.getByText('Connected to', { exact: false }).waitFor();

    // Test again by keyboard, then remove the old site (confirmed).
    await newsroom.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    await newsroom.getByText('Connected to', { exact: false }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await fixed.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Old site' }).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });

  it("connects a site through WordPress's own approval screen, with no password typed into Pressroom", async () => {
    const site = inject('wordpress');
    const app = await launchApp(await tempFolder(), { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await page.getByRole('button', { name: 'Sites' }).click();

    const form = page.getByRole('form', { name: 'Connect with WordPress' });
    await form.getByLabel('Name', { exact: true }).fill('Approved newsroom');
    await form.getByLabel('Site address').fill(site.url);
    const popupOpened = context.waitForEvent('page');
    await form.getByRole('button', { name: 'Connect…' }).click();
    await form.getByText('Waiting for your approval on the site', { exact: false }).waitFor();

    // In the browser: WordPress asks the user to sign in, then to approve Pressroom.
    const wordpress = await popupOpened;
    await wordpress.waitForLoadState();
    await wordpress.locator('#user_login').fill(site.user);
    await wordpress.locator('#user_pass').fill(site.password);
    await wordpress.locator('#wp-submit').click();
    await wordpress.getByRole('button', { name: 'Yes, I approve of this connection' }).click();
    await wordpress.getByRole('heading', { name: 'Connected' }).waitFor();
    await screenshot(wordpress, 'sites-approved-on-wordpress');

    const approved = page.getByRole('listitem').filter({ hasText: 'Approved newsroom' });
    await approved.getByText('Connected to “Pressroom Test Newsroom”', { exact: false }).waitFor();
    await screenshot(page, 'sites-connected-by-approval');

    // The approval link cannot be used twice.
    const reused = await fetch(wordpress.url());
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('not one Pressroom asked for');
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });

  it('says plainly that sites cannot be added where passwords cannot be kept safely', async () => {
    const app = await launchApp(await tempFolder());
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await page.getByRole('button', { name: 'Sites' }).click();
    await page.getByText('Passwords cannot be kept safely on this computer', { exact: false }).waitFor();
    await screenshot(page, 'sites-no-keychain');
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });
});
