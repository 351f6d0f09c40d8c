/**
 * A site's posts as the app offers them: the cached list (offline), refreshed on demand, and any of
 * them opened as a new draft; and the cached category and tag names the details panel suggests.
 * Wraps SiteCache and pullPost behind what the Sites page and the editor need.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import type { CachedPost, SearchPostsQuery } from '../../../shared/sites/site-cache.js';
import type { Site } from '../../../shared/sites/site.js';
import type { DraftLibrary } from '../drafts/draft-library.js';
import type { EventSink } from '../events.js';
import { pullPost, type PulledDraft } from '../publishing/pull-post.js';
import type { SiteCache } from './site-cache.js';
import type { SiteService } from './site-service.js';

export interface SitePostsListing {
  posts: CachedPost[];
  /** When the list was read from the site; null when it never was (refresh first). */
  refreshedAt: string | null;
  /** 'published' when this user may only see published posts. */
  scope: 'all' | 'published';
}

export interface SiteTermNames {
  /** Each name once, in alphabetical order for the user's language. */
  categories: string[];
  tags: string[];
  /** The site's own zone; null before the first refresh or for a fractional UTC offset. */
  timeZone: string | null;
  /** When they were read from the site; null when they never were (refresh first). */
  refreshedAt: string | null;
}

export class SitePosts {
  constructor(
    private readonly sites: SiteService,
    private readonly cache: SiteCache,
    private readonly drafts: DraftLibrary,
    private readonly events: EventSink,
  ) {}

  async list(siteId: string, query: SearchPostsQuery): Promise<SitePostsListing> {
    const site = this.known(siteId);
    const cached = await this.cache.get(site.id);
    return {
      posts: await this.cache.searchPosts(site.id, { limit: 500, ...query }),
      refreshedAt: cached?.refreshedAt ?? null,
      scope: cached?.postScope ?? 'all',
    };
  }

  /** The site's category and tag names as last read, offline; empty lists before the first refresh. */
  async terms(siteId: string): Promise<SiteTermNames> {
    const cached = await this.cache.get(this.known(siteId).id);
    return {
      categories: sortedNames(cached?.categories ?? []),
      tags: sortedNames(cached?.tags ?? []),
      timeZone: cached?.timeZone ?? null,
      refreshedAt: cached?.refreshedAt ?? null,
    };
  }

  /** Reads categories, tags, settings and posts again from the site. */
  async refresh(
    siteId: string,
  ): Promise<{ refreshedAt: string; posts: number; categories: number; tags: number }> {
    const { site, client } = await this.sites.client(siteId);
    const fresh = await this.cache.refresh(site, client);
    return {
      refreshedAt: fresh.refreshedAt,
      posts: fresh.posts.length,
      categories: fresh.categories.length,
      tags: fresh.tags.length,
    };
  }

  /** Opens one of the site's posts as a new draft, ready to edit offline and publish back as an update. */
  async open(siteId: string, postId: number): Promise<PulledDraft> {
    const { site, client } = await this.sites.client(siteId);
    const pulled = await pullPost({ client, site, postId, library: this.drafts });
    this.events.emit('library.changed', { reason: 'created' });
    return pulled;
  }

  /** The site was removed: its cached posts go too (a cache, not user data). */
  forget(siteId: string): Promise<void> {
    return this.cache.forget(siteId);
  }

  /** A site in the list of sites; an id from a stale screen gets a plain "not found". */
  private known(siteId: string): Site {
    const site = this.sites.list().find((known) => known.id === siteId);
    if (!site) throw new AppFailure('not-found', 'That site is no longer in the list of sites.');
    return site;
  }
}

/**
 * Names as the user picks them: a release names its categories and tags, and publishing matches
 * them by name, so two categories of the same name (under different parents) are one suggestion.
 */
const sortedNames = (terms: readonly { name: string }[]): string[] =>
  [...new Set(terms.map((term) => term.name))].sort((a, b) => a.localeCompare(b));
