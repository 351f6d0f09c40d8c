/** Settings, the OS dark theme and Arabic right-to-left, as a user meets them in Chromium. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { useChromium, openPage, screenshot } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('settings, theme and language', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('moves the draft library to another folder, typed in settings', async () => {
    const folder = await tempFolder();
    const app = await launchApp(folder);
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);

    await ui.newDraftButton.click();
    await ui.titleField.fill('Kept in the first library');
    await page.keyboard.press('Control+s');
    await ui.draftOption('Kept in the first library').waitFor();

    await page.getByRole('button', { name: 'Settings' }).click();
    const field = page.getByRole('textbox', { name: 'Draft library folder' });
    await expect.poll(() => field.inputValue()).toBe(join(folder, 'Documents', 'Pressroom'));
    await field.fill('relative/path');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.getByRole('alert').filter({ hasText: 'Enter the full path of a folder' }).waitFor();
    await screenshot(page, 'settings-refuses-relative-path');

    const elsewhere = join(folder, 'Shared drive', 'Press releases');
    await field.fill(elsewhere);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Drafts now come from' }).waitFor();
    await page.getByText('No drafts yet').waitFor();
    await screenshot(page, 'settings-library-moved');
    expect(await readdir(elsewhere)).toEqual([]);

    await field.fill(join(folder, 'Documents', 'Pressroom'));
    await page.keyboard.press('Enter');
    await ui.draftOption('Kept in the first library').waitFor();

    // New releases are dated in the newsroom's zone, chosen here.
    await page.getByRole('combobox', { name: 'Newsroom time zone' }).selectOption('America/New_York');
    await page.getByRole('combobox', { name: 'Language of new releases' }).selectOption('fr');
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved\.$/ })
      .waitFor();
    await ui.newDraftButton.click();
    await expect.poll(() => ui.titleField.inputValue()).toBe('');
    const newest = (await readdir(join(folder, 'Documents', 'Pressroom'))).filter((name) =>
      name.endsWith('.pressroom'),
    );
    const documents = await Promise.all(
      newest.map(async (name) =>
        JSON.parse(await readFile(join(folder, 'Documents', 'Pressroom', name, 'release.json'), 'utf8')),
      ),
    );
    expect(documents.find((document) => document.title === '')).toMatchObject({
      schedule: { timeZone: 'America/New_York' },
      language: 'fr',
    });
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });

  it('follows the OS dark theme', async () => {
    const app = await launchApp(await tempFolder());
    const { page, context } = await openPage(browser(), { colorScheme: 'dark' });
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.newDraftButton.click();
    await ui.titleField.fill('Read in the dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [red = 255, green = 255, blue = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red + green + blue).toBeLessThan(150);
    await screenshot(page, 'dark-theme');
    await context.close();
    await app.quit();
  });

  it('speaks Arabic and lays the window out right to left, and remembers the choice', async () => {
    const folder = await tempFolder();
    let app = await launchApp(folder);
    const { page, context, problems } = await openPage(browser());
    // A slow machine: every settings read answers late. A late answer must never undo the choice
    // the user has just made (it once switched the window back to English).
    let lateReads = 0;
    await page.route('**/rpc/settings.get', async (route) => {
      lateReads += 1;
      const response = await route.fetch(); // read now, answer late
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.fulfill({ response });
      lateReads -= 1;
    });
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]))
      .toEqual(['rtl', 'ar']);
    await page.getByRole('button', { name: 'مسودة جديدة' }).click();
    await page
      .getByRole('textbox', { name: 'العنوان' })
      .fill('الأمين العام يلتقي قيادة منظمة التجديد الطلابي');
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'تم الحفظ' }).waitFor();
    await expect.poll(() => lateReads, { timeout: 5_000 }).toBe(0);
    await page.waitForFunction(() => document.readyState === 'complete');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('button', { name: 'مسودة جديدة' }).waitFor({ timeout: 1_000 });
    await screenshot(page, 'arabic-right-to-left');
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();

    app = await launchApp(folder);
    const again = await openPage(browser());
    await again.page.goto(app.url);
    await again.page.getByRole('heading', { name: 'المسودات' }).waitFor();
    expect(await again.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await again.context.close();
    await app.quit();
  });
});
