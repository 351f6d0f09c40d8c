/** Finding a release among many: search as you type, filter by status, sort, by keyboard and mouse. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';
import { paragraph, testLibrary } from '../support/test-library.js';

describe('searching, filtering and sorting the library', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('narrows the list as the user types, filters by status and sorts by title', async () => {
    const folder = await tempFolder();
    const library = testLibrary(join(folder, 'Documents', 'Pressroom'));
    await library.create({
      title: 'Le secrétaire général à Rabat',
      body: paragraph('Coopération avec OREMA'),
    });
    await library.create({
      title: 'Scholarship ceremony in Dhaka',
      intendedStatus: 'schedule',
      schedule: { local: '2026-12-10T10:00', timeZone: 'Asia/Dhaka' },
    });
    await library.create({ title: 'Annual report', tags: ['students'] });

    const app = await launchApp(folder);
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.options.nth(2).waitFor();

    const search = page.getByRole('searchbox', { name: 'Search drafts' });
    await search.click();
    await page.keyboard.type('secretaire');
    await expect.poll(() => ui.listedTitles()).toEqual(['Le secrétaire général à Rabat']);
    await screenshot(page, 'library-search');
    await search.fill('students');
    await expect.poll(() => ui.listedTitles()).toEqual(['Annual report']);
    await search.fill('no such release');
    await page.getByText('No drafts match.').waitFor();
    await search.fill('');

    await page.getByRole('combobox', { name: 'Show' }).selectOption('scheduled');
    await expect.poll(() => ui.listedTitles()).toEqual(['Scholarship ceremony in Dhaka']);
    // The release's own date, as written in its own zone (not converted to this machine's zone).
    await ui
      .draftOption('Scholarship ceremony in Dhaka')
      .getByText('Release Dec 10, 2026, 10:00 AM (Dhaka)')
      .waitFor();
    await page.getByRole('combobox', { name: 'Show' }).selectOption('');

    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await expect
      .poll(() => ui.listedTitles())
      .toEqual(['Annual report', 'Le secrétaire général à Rabat', 'Scholarship ceremony in Dhaka']);
    await screenshot(page, 'library-sorted-by-title');

    // The list stays keyboard-driven after filtering: arrows and Enter open the draft.
    await ui.library.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.titleField.inputValue()).toBe('Scholarship ceremony in Dhaka');
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });
});
