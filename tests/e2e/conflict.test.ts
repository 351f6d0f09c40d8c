/**
 * A draft changed on disk while open (a colleague, another computer, a synced folder) is never
 * overwritten silently: the user chooses which version stays, and the other is kept as a copy.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { useChromium, openPage, screenshot } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('a draft changed outside Pressroom while open', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  const openConflict = async () => {
    const folder = await tempFolder();
    const app = await launchApp(folder);
    const watched = await openPage(browser());
    const ui = new PressroomPage(watched.page);
    await ui.open(app.url);
    await ui.newDraftButton.click();
    await expect.poll(() => watched.page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await watched.page.keyboard.type('Meeting in Rabat');
    await watched.page.keyboard.press('Control+s');
    await ui.draftOption('Meeting in Rabat').waitFor();

    // A colleague edits the same draft through the synced folder.
    const library = join(folder, 'Documents', 'Pressroom');
    const [name] = (await readdir(library)).filter((entry) => entry.endsWith('.pressroom'));
    const file = join(library, name!, 'release.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(
      file,
      JSON.stringify({ ...stored, title: 'Meeting in Rabat, edited by a colleague' }, null, 2),
    );

    await ui.titleField.fill('Meeting in Rabat, my edit');
    await watched.page.keyboard.press('Control+s');
    await watched.page.getByRole('heading', { name: 'This draft was changed outside Pressroom' }).waitFor();
    return { app, watched, ui, file, library };
  };

  it('keeps my version on request, and the colleague’s as a separate draft', async () => {
    const { app, watched, ui, file } = await openConflict();
    await screenshot(watched.page, 'conflict-prompt');
    await watched.page.getByRole('button', { name: 'Keep my version' }).click();
    await watched.page.getByText('Both versions are kept').waitFor();
    await ui.draftOption('(conflict copy)').waitFor();
    expect(JSON.parse(await readFile(file, 'utf8')).title).toBe('Meeting in Rabat, my edit');
    expect(await ui.listedTitles()).toContain('Meeting in Rabat, edited by a colleague (conflict copy)');
    await screenshot(watched.page, 'conflict-resolved');
    expect(watched.problems).toEqual([]);
    await watched.context.close();
    await app.quit();
  });

  it('takes the colleague’s version on request, and keeps mine as a separate draft', async () => {
    const { app, watched, ui, file } = await openConflict();
    await watched.page.getByRole('button', { name: 'Use the other version' }).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe('Meeting in Rabat, edited by a colleague');
    await ui.draftOption('Meeting in Rabat, my edit (conflict copy)').waitFor();
    expect(JSON.parse(await readFile(file, 'utf8')).title).toBe('Meeting in Rabat, edited by a colleague');
    await watched.context.close();
    await app.quit();
  });

  it('offers the edits back after a restart when the user quit without choosing', async () => {
    const first = await openConflict();
    const folder = join(first.library, '..', '..');
    await first.watched.context.close();
    await first.app.quit();

    const app = await launchApp(folder);
    const watched = await openPage(browser());
    const ui = new PressroomPage(watched.page);
    await ui.open(app.url);
    await watched.page
      .getByRole('heading', { name: 'Pressroom kept work that could not be saved' })
      .waitFor();
    await screenshot(watched.page, 'recovered-work-offered');
    await watched.page.getByRole('button', { name: 'Restore as a new draft' }).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe('Meeting in Rabat, my edit (recovered)');
    await ui.draftOption('Meeting in Rabat, my edit (recovered)').waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
    await app.quit();
  });
});
