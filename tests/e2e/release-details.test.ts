/**
 * The release details panel, as staff fill it in before publishing: a new draft gets its status, date
 * and time zone, a featured image with alt text and caption, a category and a tag, and a related post
 * from the site; preflight clears as they go, and publishing sends every detail to the real test
 * WordPress. Reopened, the draft shows them all again (they rode in the autosave with the text).
 */
import { describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { openPage, screenshot, useChromium } from './support/browser.js';
import { PressroomPage } from './support/pressroom-page.js';
import { cameraPhoto } from '../support/images.js';
import { useTempFolder } from '../support/temp-folder.js';
import { adminClient, testSite, unique } from '../support/wordpress/site-admin.js';

interface EditedPost {
  id: number;
  status: string;
  title: { raw: string };
  date_gmt: string;
  featured_media: number;
  categories: number[];
  tags: number[];
  content: { raw: string };
}
interface EditedMedia {
  alt_text: string;
  caption: { raw: string };
}

describe('the release details panel', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();

  it('fills a new release’s details by keyboard, publishes them all, and keeps them in the draft', async () => {
    const site = testSite();
    const admin = adminClient();
    // One word: the site's search and Pressroom's both find it whole.
    const marker = unique('details').replaceAll('-', '');
    const category = `Campus ${marker}`;
    const tag = `youth-${marker}`;
    // An earlier release on the site, to be listed under the new one as related.
    const { data: earlier } = await admin.call<{ id: number; link: string }>('wp/v2/posts', {
      method: 'POST',
      json: {
        title: `Earlier forum ${marker}`,
        status: 'publish',
        date_gmt: '2026-06-01T09:00:00',
        content: '<!-- wp:paragraph -->\n<p>The forum met.</p>\n<!-- /wp:paragraph -->',
      },
    });

    const app = await launchApp(await tempFolder(), { memorySecrets: true });
    const { page, context, problems } = await openPage(browser());
    const ui = new PressroomPage(page);
    await ui.open(app.url);
    await ui.addSiteByHand({ name: 'Newsroom', url: site.url, user: site.user, password: site.appPassword });
    await ui.refreshSitePosts('Newsroom');

    // A new draft: title, then Enter to the body, as in the WordPress editor.
    await ui.newDraftButton.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    const title = `Students meet the minister ${marker}`;
    // The body editor is made just after the title field shows; Enter can move on only once it is there.
    await ui.body.waitFor();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect.poll(() => ui.body.evaluate((body) => body.contains(document.activeElement))).toBe(true);
    await page.keyboard.type('The minister met student leaders in Ankara on Tuesday.');

    // On a wide window the panel is open beside the text, and its button says so.
    const details = ui.details;
    expect(await page.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded')).toBe('true');
    await details.getByRole('heading', { name: 'Release details' }).waitFor();
    const blocking = () =>
      page.getByRole('dialog', { name: 'Publish to WordPress' }).locator('li.blocking').allTextContents();

    // Preflight, open beside it, lists what is missing and clears as the panel is filled.
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish to WordPress' });
    await expect
      .poll(blocking)
      .toEqual([
        'Must fix The release has no featured image. Add one: the site shows it at the top and in lists.',
      ]);

    // Status and date, by keyboard: Tab into each field and type.
    const status = details.getByLabel('Status', { exact: true });
    await status.focus();
    await status.selectOption('publish'); // "Publish on the date"
    await expect
      .poll(blocking)
      .toContain('Must fix The release has no date. Set the date and time it goes out.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-date');
    await details.getByLabel('Date and time').fill('2026-03-10T09:30');
    await details.getByLabel('Time zone', { exact: true }).selectOption('Asia/Tokyo');
    // "Publish as" follows the intended status chosen in the panel.
    expect(await publish.getByLabel('Publish as').inputValue()).toBe('publish');

    // The featured image, through the OS file picker the button opens.
    const chooser = page.waitForEvent('filechooser');
    await details.getByRole('button', { name: 'Choose image…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'IMG_2041.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraPhoto({ width: 1600, height: 1000 }),
    });
    // Added, previewed from its own bytes (a data: URL, as the CSP requires), and the cursor waits in
    // the alt text field, which is required.
    const alt = details.getByLabel('Alt text (required)');
    await expect
      .poll(() => alt.evaluate((field) => field === document.activeElement), { timeout: 30_000 })
      .toBe(true);
    expect(await details.getByRole('img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await details.getByText('1600 × 1000 pixels').waitFor();
    await expect
      .poll(blocking)
      .toEqual([
        'Must fix The featured image has no alt text. Describe what it shows for readers who cannot see it.',
      ]);
    await page.keyboard.type('Student leaders around a table with the minister');
    await details.getByLabel('Caption').fill('The minister with student leaders in Ankara.');
    await details.getByLabel('Credit').fill('Staff Photographer');

    // A category by Enter, a tag by comma; a stray tag goes again with Backspace.
    await details.getByRole('combobox', { name: 'Categories' }).focus();
    await page.keyboard.type(category);
    await page.keyboard.press('Enter');
    await details.getByRole('list', { name: 'Categories' }).getByText(category).waitFor();
    await details.getByRole('combobox', { name: 'Tags' }).focus();
    await page.keyboard.type(`${tag},stray,`);
    await details.getByRole('list', { name: 'Tags' }).getByText('stray').waitFor();
    await page.keyboard.press('Backspace');
    await expect
      .poll(() => details.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents())
      .toEqual([`${tag}×`]);
    // The site's own categories are suggested (read at the refresh above).
    expect(
      await details
        .locator('#details-categories-suggestions option')
        .evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
    ).toContain('Uncategorized');

    // A related post found among the site's posts, and one added by address, moved up, then removed.
    await details.getByRole('button', { name: 'Add from site…' }).click();
    await page.keyboard.type(`forum ${marker}`);
    const found = details.getByRole('list', { name: 'Posts found' }).getByRole('listitem');
    await expect.poll(() => found.count()).toBe(1);
    await found.getByRole('button', { name: 'Add' }).click();
    await found.getByRole('button', { name: 'Added' }).waitFor();
    await details.getByRole('button', { name: 'Add by address…' }).click();
    const byAddress = details.getByRole('form', { name: 'Add by address…' });
    await page.keyboard.type('https://example.org/archive/forum-2019');
    await byAddress.getByLabel('Title').fill('Forum 2019');
    await byAddress.getByRole('button', { name: 'Add', exact: true }).click();
    const related = details.getByRole('list', { name: 'Related posts' }).getByRole('listitem');
    await expect.poll(() => related.count()).toBe(2);
    await related.nth(1).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => related.first().textContent()).toContain('Forum 2019');
    // The focus stays with the post moved: its "Move down" now, since it is first.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Move down: Forum 2019');
    await related.first().getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => related.count()).toBe(1);
    expect(await related.first().textContent()).toContain(`Earlier forum ${marker}`);

    await expect.poll(blocking).toEqual([]);
    await publish.getByText('Ready to publish', { exact: false }).waitFor();
    await ui.waitUntilSaved();
    // Seen from the top (the preflight verdict, the panel's first fields), then the panel's end.
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await details.evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot(page, 'release-details');
    await page.locator('main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await details.evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
    await screenshot(page, 'release-details-terms-related');

    await publish.getByLabel('Create categories and tags the site does not have yet').check();
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    const link = publish.getByRole('status').filter({ hasText: 'Published:' }).getByRole('link');
    await link.waitFor({ timeout: 60_000 });
    await screenshot(page, 'release-details-published');

    // On the site: the title, the date in Tokyo's time, the image's texts, the terms, the related post.
    const { data: posts } = await admin.call<EditedPost[]>('wp/v2/posts', {
      query: { search: marker, status: 'any', context: 'edit' },
    });
    const post = posts.find((candidate) => candidate.id !== earlier.id);
    expect(post).toMatchObject({ status: 'publish', title: { raw: title } });
    // 09:30 in Tokyo (UTC+9, no daylight saving) is 00:30 UTC.
    expect(post?.date_gmt.slice(0, 16)).toBe('2026-03-10T00:30');
    const { data: media } = await admin.call<EditedMedia>(`wp/v2/media/${post?.featured_media}`, {
      query: { context: 'edit' },
    });
    expect(media.alt_text).toBe('Student leaders around a table with the minister');
    expect(media.caption.raw).toContain('The minister with student leaders in Ankara.');
    expect(media.caption.raw).toContain('Staff Photographer');
    const names = async (taxonomy: 'categories' | 'tags', ids: number[]) =>
      (
        await admin.call<{ name: string }[]>(`wp/v2/${taxonomy}`, {
          query: { include: ids.join(','), context: 'edit' },
        })
      ).data.map((term) => term.name);
    expect(await names('categories', post?.categories ?? [])).toEqual([category]);
    expect(await names('tags', post?.tags ?? [])).toEqual([tag]);
    expect(post?.content.raw).toContain(`href="${earlier.link}"`);
    expect(post?.content.raw).not.toContain('forum-2019');

    // Start again (a reload is a fresh window): the draft opens with every detail as it was left.
    await page.reload();
    await ui.draftOption(title.slice(0, 30)).click();
    await expect.poll(() => ui.titleField.inputValue()).toBe(title);
    expect(await details.getByLabel('Status', { exact: true }).inputValue()).toBe('publish');
    expect(await details.getByLabel('Date and time').inputValue()).toBe('2026-03-10T09:30');
    expect(await details.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Asia/Tokyo');
    expect(await alt.inputValue()).toBe('Student leaders around a table with the minister');
    expect(await details.getByLabel('Caption').inputValue()).toBe(
      'The minister with student leaders in Ankara.',
    );
    expect(await details.getByRole('list', { name: 'Categories' }).textContent()).toContain(category);
    expect(await details.getByRole('list', { name: 'Tags' }).textContent()).toContain(tag);
    expect(await related.allTextContents()).toEqual([expect.stringContaining(`Earlier forum ${marker}`)]);
    // The saved picture's preview is the small copy the core makes.
    await expect.poll(() => details.getByRole('img').getAttribute('src')).toMatch(/^data:image\//);

    // The same panel at night, and in Arabic, right to left.
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'release-details-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('option').filter({ hasText: marker }).click(); // the list's name is Arabic now
    await page.getByRole('complementary', { name: 'تفاصيل البيان' }).waitFor();
    await page.getByRole('button', { name: 'أضف من الموقع…' }).waitFor();
    await screenshot(page, 'release-details-arabic');

    expect(problems).toEqual([]);
    await context.close();
    await app.quit();
  });
});
