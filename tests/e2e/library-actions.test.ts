/**
 * Managing releases in the library as staff do: duplicate, delete and undo, delete for real (to the
 * OS trash, not gone), reopen from "Open recent", thumbnails of featured images; by keyboard first.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';
import { paragraph, testLibrary } from '../support/test-library.js';

describe('duplicate, delete with undo, open recent, thumbnails', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('duplicates by keyboard, deletes and undoes, deletes to the OS trash, and reopens a recent draft', async () => {
    const folder = await tempFolder();
    const libraryFolder = join(folder, 'Documents', 'Pressroom');
    const library = testLibrary(libraryFolder);
    const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#1b6' } })
      .jpeg()
      .toBuffer();
    const forum = await library.create({
      title: 'Youth forum in Istanbul',
      body: paragraph('Two hundred students met.'),
      featuredImage: {
        file: 'assets/featured.jpg',
        alt: 'Students in the hall',
        caption: '',
        credit: '',
        width: 640,
        height: 400,
        sha256: 'd'.repeat(64),
      },
      assets: [{ file: 'assets/featured.jpg', bytes: photo }],
    });
    await library.create({ title: 'Annual report' });
    await library.create({ title: 'Old statement' });

    const app = await launchApp(folder, { undoWindowMs: 1_500 });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.options.nth(2).waitFor();

    // The featured image shows as a thumbnail made by the main process.
    const thumbnail = ui.draftOption('Youth forum in Istanbul').locator('img.draft-thumbnail');
    await expect.poll(() => thumbnail.getAttribute('src')).toMatch(/^data:image\/webp;base64,/);

    // Duplicate by keyboard: highlight the forum, Ctrl+D; the copy opens, images included.
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await ui.library.focus();
    await page.keyboard.press('End'); // Youth forum in Istanbul
    await page.keyboard.press('Control+D');
    await expect.poll(() => ui.titleField.inputValue()).toBe('Youth forum in Istanbul (copy)');
    await expect
      .poll(() => ui.listedTitles())
      .toEqual([
        'Annual report',
        'Old statement',
        'Youth forum in Istanbul',
        'Youth forum in Istanbul (copy)',
      ]);
    const copyFolder = (await readdir(libraryFolder)).find(
      (entry) => !entry.startsWith(forum.document.id) && entry.endsWith('.pressroom'),
    );
    expect(copyFolder).toBeDefined();
    await screenshot(page, 'library-duplicated');

    // Delete with the Delete key, then Undo: the draft is back and was never touched.
    const oldStatement = join(libraryFolder, (await draftFolderTitled(libraryFolder, 'Old statement'))!);
    const bytesBefore = await readFile(join(oldStatement, 'release.json'));
    await ui.library.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown'); // Old statement
    await page.keyboard.press('Delete');
    await page.getByRole('status').filter({ hasText: '“Old statement” was moved to the trash.' }).waitFor();
    await expect.poll(() => ui.listedTitles()).not.toContain('Old statement');
    await screenshot(page, 'library-delete-undo');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => ui.listedTitles()).toContain('Old statement');
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // past the undo window
    expect(await readFile(join(oldStatement, 'release.json'))).toEqual(bytesBefore);

    // Delete with the button and let the window pass: the folder is in the OS trash, restorable.
    await ui.draftOption('Annual report').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => ui.listedTitles()).not.toContain('Annual report');
    const trash = join(folder, 'data', 'Trash');
    await expect
      .poll(async () => (await readdir(join(trash, 'files')).catch(() => [])).length, { timeout: 10_000 })
      .toBe(1);
    const [trashed] = await readdir(join(trash, 'files'));
    expect(JSON.parse(await readFile(join(trash, 'files', trashed!, 'release.json'), 'utf8')).title).toBe(
      'Annual report',
    );
    expect(await draftFolderTitled(libraryFolder, 'Annual report')).toBeUndefined();

    // Open recent lists what was opened, newest first, and opens it by keyboard.
    await ui.draftOption('Youth forum in Istanbul').first().click();
    await expect.poll(() => ui.titleField.inputValue()).toBe('Youth forum in Istanbul');
    await page.getByRole('button', { name: 'Open recent' }).click();
    const menu = page.getByRole('menu', { name: 'Open recent' });
    await expect
      .poll(() => menu.getByRole('menuitem').allTextContents())
      .toEqual(['Youth forum in Istanbul', 'Youth forum in Istanbul (copy)']);
    await screenshot(page, 'library-open-recent');
    // The first item has the focus, as in any menu; the arrows move it.
    await menu
      .getByRole('menuitem', { name: 'Youth forum in Istanbul', exact: true })
      .and(page.locator(':focus'))
      .waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.titleField.inputValue()).toBe('Youth forum in Istanbul (copy)');

    expect(problems).toEqual([]);
    await context.close();
    await app.quit();

    // After a restart the deleted draft stays deleted and the others are all there.
    const again = await launchApp(folder);
    const second = await openPage(browser());
    const ui2 = new PressroomPage(second.page);
    await ui2.open(again.url);
    await second.page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await expect
      .poll(() => ui2.listedTitles())
      .toEqual(['Old statement', 'Youth forum in Istanbul', 'Youth forum in Istanbul (copy)']);
    expect(second.problems).toEqual([]);
    await second.context.close();
    await again.quit();
  });

  it('a delete still pending at quit goes to the trash then, not lost and not left behind', async () => {
    const folder = await tempFolder();
    const libraryFolder = join(folder, 'Documents', 'Pressroom');
    await testLibrary(libraryFolder).create({ title: 'Draft to delete' });
    const app = await launchApp(folder, { undoWindowMs: 60_000 });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.draftOption('Draft to delete').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No drafts yet', { exact: false }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
    expect(await readdir(libraryFolder)).toEqual([]);
    expect(await readdir(join(folder, 'data', 'Trash', 'files'))).toHaveLength(1);
  });
});

/** The folder name of the draft with this title, read from disk. */
const draftFolderTitled = async (libraryFolder: string, title: string): Promise<string | undefined> => {
  for (const entry of await readdir(libraryFolder)) {
    if (!entry.endsWith('.pressroom')) continue;
    const document = JSON.parse(await readFile(join(libraryFolder, entry, 'release.json'), 'utf8')) as {
      title: string;
    };
    if (document.title === title) return entry;
  }
  return undefined;
};
