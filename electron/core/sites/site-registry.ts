/**
 * The sites Pressroom publishes to, kept in the settings store (never their passwords: see
 * secret-store.ts). Names are unique, case-insensitively, because the command line and the UI pick a
 * site by name; ids are made from the name once and never change, so drafts can refer to them.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import { slugFromTitle } from '../../../shared/release/slug.js';
import { normaliseSiteUrl, type Site, siteSchema } from '../../../shared/sites/site.js';
import type { KeyValueStore } from '../settings/settings-service.js';

const SITES_KEY = 'sites';

export interface SiteInput {
  name: string;
  url: string;
  user: string;
}

export class SiteRegistry {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Site[] {
    const stored = this.store.get(SITES_KEY);
    if (!Array.isArray(stored)) return [];
    // A hand-edited settings file must not break the app: keep the entries that are still valid.
    return stored.flatMap((entry) => {
      const parsed = siteSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** By id, or by name (any case), as the command line's --site gives it. */
  find(idOrName: string): Site | null {
    const wanted = idOrName.trim().toLocaleLowerCase();
    return (
      this.list().find((site) => site.id === idOrName || site.name.toLocaleLowerCase() === wanted) ?? null
    );
  }

  get(idOrName: string): Site {
    const site = this.find(idOrName);
    if (!site) {
      const names = this.list().map((known) => `"${known.name}"`);
      throw new AppFailure(
        'not-found',
        names.length
          ? `There is no site called "${idOrName}". The sites are ${names.join(', ')}.`
          : `There is no site called "${idOrName}": no site has been added yet.`,
      );
    }
    return site;
  }

  add(input: SiteInput): Site {
    const fields = this.checked(input, null);
    const taken = new Set(this.list().map((site) => site.id));
    const base = slugFromTitle(fields.name).slice(0, 40) || 'site';
    let id = base;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
    const site = siteSchema.parse({ id, ...fields, addedAt: this.now().toISOString() });
    this.write([...this.list(), site]);
    return site;
  }

  update(id: string, input: Partial<SiteInput>): Site {
    const current = this.get(id);
    const fields = this.checked({ ...current, ...input }, current.id);
    const site = siteSchema.parse({ ...current, ...fields });
    this.write(this.list().map((known) => (known.id === current.id ? site : known)));
    return site;
  }

  remove(id: string): Site {
    const site = this.get(id);
    this.write(this.list().filter((known) => known.id !== site.id));
    return site;
  }

  private checked(input: SiteInput, selfId: string | null): SiteInput {
    const name = input.name.trim();
    const user = input.user.trim();
    const url = normaliseSiteUrl(input.url);
    if (!name) throw new AppFailure('invalid-request', 'Give the site a name, such as "Newsroom".');
    if (!user) throw new AppFailure('invalid-request', 'Enter the WordPress user name to sign in with.');
    if (!url) {
      throw new AppFailure(
        'invalid-request',
        `"${input.url}" is not a web address. Enter the site's address, such as https://news.example.org.`,
      );
    }
    const clash = this.find(name);
    if (clash && clash.id !== selfId) {
      throw new AppFailure(
        'conflict',
        `There is already a site called "${clash.name}". Choose another name.`,
      );
    }
    return { name, url, user };
  }

  private write(sites: Site[]): void {
    this.store.set(SITES_KEY, sites);
  }
}
