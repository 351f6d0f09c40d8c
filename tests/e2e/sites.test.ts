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

    const newsroom = page.getByRole('listitem').filter({ hasText: 'Newsroom' });
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

    // Test again by keyboard, then remove the old site (confirmed).
    await newsroom.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    await newsroom.getByText('Connected to', { exact: false }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await oldSite.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Old site' }).count()).toBe(0);

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
