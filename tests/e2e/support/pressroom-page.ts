/** The app's screens as a user meets them: found by role and visible name, never by CSS internals. */
import type { Locator, Page } from 'playwright-core';

export class PressroomPage {
  constructor(readonly page: Page) {}

  get newDraftButton(): Locator {
    return this.page.getByRole('button', { name: 'New draft' });
  }
  get titleField(): Locator {
    return this.page.getByRole('textbox', { name: 'Title' });
  }
  get body(): Locator {
    return this.page.getByRole('textbox', { name: 'Body' });
  }
  get library(): Locator {
    return this.page.getByRole('listbox', { name: 'Drafts' });
  }
  get options(): Locator {
    return this.library.getByRole('option');
  }
  get saveStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Unsaved changes|Not saved)$/ });
  }
  /** The editor's release details panel (status and date, featured image, terms, related posts). */
  get details(): Locator {
    return this.page.getByRole('complementary', { name: 'Release details' });
  }
  draftOption(title: string): Locator {
    return this.options.filter({ hasText: title });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: 'Drafts' }).waitFor();
  }

  async waitUntilSaved(): Promise<void> {
    await this.saveStatus.filter({ hasText: /^Saved$/ }).waitFor();
  }

  /** Adds a site on the Sites page by hand, as a user types it, and waits for its connection test. */
  async addSiteByHand(site: { name: string; url: string; user: string; password: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Sites' }).click();
    const form = this.page.getByRole('form', { name: 'Add a site by hand' });
    await form.getByLabel('Name', { exact: true }).fill(site.name);
    await form.getByLabel('Site address').fill(site.url);
    await form.getByLabel('WordPress user name').fill(site.user);
    await form.getByLabel('Application password').fill(site.password);
    await form.getByRole('button', { name: 'Add and test' }).click();
    await this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByText(site.name, { exact: true }) })
      .getByText('Connected to', { exact: false })
      .waitFor();
  }

  /** Reads the site's posts, categories and tags again from the Sites page, as kept for offline use. */
  async refreshSitePosts(siteName: string): Promise<void> {
    const sitesButton = this.page.getByRole('button', { name: 'Sites' });
    // The button toggles: pressed means the Sites page is showing already.
    if ((await sitesButton.getAttribute('aria-pressed')) !== 'true') await sitesButton.click();
    await this.page.getByRole('button', { name: 'Posts on this site…' }).click();
    const posts = this.page.getByRole('region', { name: `Posts on ${siteName}` });
    await posts.getByRole('button', { name: 'Refresh from the site' }).click();
    await posts.getByText('Last read', { exact: false }).waitFor({ timeout: 30_000 });
  }

  /** The titles in the library list, top to bottom. */
  async listedTitles(): Promise<string[]> {
    return this.library.locator('.draft-title').allTextContents();
  }
}
