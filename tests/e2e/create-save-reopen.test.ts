/**
 * The foundation's proof: a user creates a draft, types its title and body, saves, quits, starts
 * Pressroom again, finds the draft in the library and opens it, by keyboard and by mouse, in real
 * Chromium against the real core (browser mode's bridge). A screenshot of every screen visited is
 * saved to test-results/screens/.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app-process.js';
import { useChromium, openPage, screenshot, type WatchedPage } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('create, save, quit, reopen', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  const session = async (
    folder: string,
  ): Promise<{ app: RunningApp; watched: WatchedPage; ui: PressroomPage }> => {
    const app = await launchApp(folder);
    const watched = await openPage(browser());
    const ui = new PressroomPage(watched.page);
    await ui.open(app.url);
    return { app, watched, ui };
  };
  const quit = async ({ app, watched }: { app: RunningApp; watched: WatchedPage }) => {
    await watched.context.close();
    await app.quit();
  };

  it('keeps a draft written in one session and opens it in the next', async () => {
    const folder = await tempFolder();
    const library = join(folder, 'Documents', 'Pressroom');

    // Session 1: an empty library, then a new draft written entirely from the keyboard.
    const first = await session(folder);
    const { page } = first.watched;
    await page.getByText('No drafts yet').waitFor();
    await screenshot(page, 'empty-library');

    await page.keyboard.press('Control+n');
    await first.ui.titleField.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await page.keyboard.type('Secretary General meets the leadership of OREMA and JDP');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dr. Mostafa Faisal Parvez held a productive meeting in Rabat.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Both sides explored avenues of collaboration for students’ growth.');
    await page.keyboard.press('Control+s');
    await first.ui.waitUntilSaved();
    await first.ui.draftOption('Secretary General meets').waitFor();
    await screenshot(page, 'first-draft-saved');

    // A second draft by mouse, left to autosave (no explicit save).
    await first.ui.newDraftButton.click();
    // Wait for the new draft's own (empty, focused) title: the previous draft is on screen until then.
    await expect.poll(() => first.ui.titleField.inputValue()).toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await first.ui.titleField.fill('Visit of the Youth Impact Foundation');
    await first.ui.body.click();
    await page.keyboard.type('The office received a gracious visit.');
    await first.ui.waitUntilSaved();
    await first.ui.draftOption('Youth Impact').waitFor();
    await screenshot(page, 'second-draft-autosaved');
    expect(first.watched.problems).toEqual([]);
    await quit(first);

    // On disk: one self-contained folder per draft.
    const folders = await readdir(library);
    expect(folders.filter((name) => name.endsWith('.pressroom'))).toHaveLength(2);

    // Session 2: a new process; both drafts are listed, newest first, and open again.
    const second = await session(folder);
    const page2 = second.watched.page;
    await second.ui.options.nth(1).waitFor();
    expect(await second.ui.listedTitles()).toEqual([
      'Visit of the Youth Impact Foundation',
      'Secretary General meets the leadership of OREMA and JDP',
    ]);
    await screenshot(page2, 'library-after-restart');

    await second.ui.library.focus();
    await page2.keyboard.press('ArrowDown');
    await page2.keyboard.press('Enter');
    await expect
      .poll(() => second.ui.titleField.inputValue())
      .toBe('Secretary General meets the leadership of OREMA and JDP');
    await expect
      .poll(() => second.ui.body.innerText())
      .toBe(
        'Dr. Mostafa Faisal Parvez held a productive meeting in Rabat.\n\nBoth sides explored avenues of collaboration for students’ growth.',
      );
    await screenshot(page2, 'reopened-draft');

    // Editing the reopened draft saves over it (same folder, no copy).
    await second.ui.body.click();
    await page2.keyboard.press('Control+End');
    await page2.keyboard.type(' Edited.');
    await page2.keyboard.press('Control+s');
    await second.ui.waitUntilSaved();
    expect((await readdir(library)).filter((name) => name.endsWith('.pressroom'))).toHaveLength(2);
    expect(second.watched.problems).toEqual([]);
    await quit(second);
  });

  it('lists a damaged draft as one it cannot open, and leaves it byte for byte as it was', async () => {
    const folder = await tempFolder();
    const damaged = join(folder, 'Documents', 'Pressroom', 'damaged.pressroom');
    await mkdir(damaged, { recursive: true });
    const bytes = '{"format":"pressroom.release","schemaVersion":1,"title":"Half a fi';
    await writeFile(join(damaged, 'release.json'), bytes);

    const run = await session(folder);
    await run.watched.page.getByRole('heading', { name: 'Can’t open' }).waitFor();
    await run.watched.page
      .getByText(/damaged\.pressroom — The draft file is damaged or incomplete/)
      .waitFor();
    await screenshot(run.watched.page, 'damaged-draft-listed');
    await quit(run);
    expect(await readFile(join(damaged, 'release.json'), 'utf8')).toBe(bytes);
  });

  it('saves while the user keeps typing without a pause, so a crash loses at most ~2 seconds', async () => {
    const folder = await tempFolder();
    const run = await session(folder);
    const { page } = run.watched;
    await page.keyboard.press('Control+n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await page.keyboard.press('Enter'); // on to the body
    const library = join(folder, 'Documents', 'Pressroom');
    const [draftFolder] = (await readdir(library)).filter((name) => name.endsWith('.pressroom'));
    const onDisk = async () =>
      JSON.stringify(JSON.parse(await readFile(join(library, draftFolder!, 'release.json'), 'utf8')).body);

    // About 4.5 seconds of steady typing: one key every 60 ms, never the 1.2 s pause autosave waits for.
    const typing = page.keyboard.type('steady typing '.repeat(5), { delay: 60 });
    let savedWhileTyping = false;
    let typingDone = false;
    void typing.then(() => (typingDone = true));
    while (!typingDone) {
      const saved = (await onDisk()).includes('steady');
      if (saved && !typingDone) savedWhileTyping = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(savedWhileTyping).toBe(true);
    await run.ui.waitUntilSaved();
    await quit(run);
  });
});
