/**
 * A site's posts as the app offers them: the cached list (offline), refreshed on demand, and any of
 * them opened as a new draft. Wraps SiteCache and pullPost behind what the Sites page needs.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import type { CachedPost, SearchPostsQuery } from '../../../shared/sites/site-cache.js';
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

export class SitePosts {
  constructor(
    private readonly sites: SiteService,
    private readonly cache: SiteCache,
    private readonly drafts: DraftLibrary,
    private readonly events: EventSink,
  ) {}

  async list(siteId: string, query: SearchPostsQuery): Promise<SitePostsListing> {
    const site = this.sites.list().find((known) => known.id === siteId);
    if (!site) throw new AppFailure('not-found', 'That site is no longer in the list of sites.');
    const cached = await this.cache.get(site.id);
    return {
      posts: await this.cache.searchPosts(site.id, { limit: 500, ...query }),
      refreshedAt: cached?.refreshedAt ?? null,
      scope: cached?.postScope ?? 'all',
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
}
