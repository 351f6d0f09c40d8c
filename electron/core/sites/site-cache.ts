/**
 * Each site's terms, time zone, date format and posts, kept on this computer so drafting, choosing
 * categories and tags, and picking related posts work offline; refreshed when the user asks.
 *
 * One JSON file per site (`<folder>/<siteId>.json`), replaced atomically and only once a refresh has
 * read everything: a refresh that fails or is cancelled leaves the previous cache as it was. The file
 * is a copy of what the site has, not user data, so a damaged one simply reads as "no cache" (it is
 * left in place for diagnosis, and the next refresh replaces it) and forgetting a site deletes it.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { URL } from 'node:url';
import { AppFailure } from '../../../shared/contract/result.js';
import {
  type CachedPost,
  foldForSearch,
  type PostStatus,
  postStatuses,
  type RefreshProgress,
  SITE_CACHE_VERSION,
  type SearchPostsQuery,
  type SiteCache as SiteCacheData,
  siteCacheSchema,
} from '../../../shared/sites/site-cache.js';
import { type Site, siteIdSchema } from '../../../shared/sites/site.js';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { type Logger, silentLogger } from '../logger.js';
import { SiteFailure, type WpClient, type WpRequest } from '../wordpress/wp-client.js';
import {
  fetchPage,
  type Page,
  PER_PAGE,
  type PostWithMedia,
  type Query,
  restOf,
  siteTimeZone,
  toCategories,
  toPosts,
  toTags,
  toThumbnails,
  wpIndexSchema,
} from './site-cache-schema.js';

export interface SiteCacheOptions {
  /** The app data folder for caches; created when first written. */
  folder: string;
  now?: () => Date;
  /** A refresh keeps at most this many posts, the newest: a big archive must not take minutes. */
  maxPosts?: number;
  logger?: Logger;
}

export interface RefreshOptions {
  signal?: AbortSignal;
  onProgress?: (progress: RefreshProgress) => void;
}

export const DEFAULT_MAX_POSTS = 5_000;

const POST_FIELDS = 'id,title,link,date_gmt,modified_gmt,status,featured_media';

export class SiteCache {
  private readonly now: () => Date;
  private readonly maxPosts: number;
  private readonly logger: Logger;
  /** The last file read or written per site, reused while the file is unchanged (searches run per keystroke). */
  private readonly loaded = new Map<string, { mtimeMs: number; size: number; cache: SiteCacheData }>();
  private readonly foldedTitles = new WeakMap<CachedPost, string>();

  constructor(private readonly options: SiteCacheOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxPosts = options.maxPosts ?? DEFAULT_MAX_POSTS;
    this.logger = options.logger ?? silentLogger;
  }

  /** Reads everything from the site and replaces its cache; answers the new cache. */
  async refresh(site: Site, client: WpClient, options: RefreshOptions = {}): Promise<SiteCacheData> {
    const file = this.fileOf(site.id);
    const request: WpRequest = options.signal ? { signal: options.signal } : {};
    const progress = options.onProgress ?? (() => {});

    // Only these fields: the whole index describes every route of the site (hundreds of KB).
    const { data: rawIndex } = await client.call<unknown>('', {
      ...request,
      query: { _fields: 'name,timezone_string,gmt_offset' },
    });
    const index = wpIndexSchema.safeParse(rawIndex);
    const dateFormat = await readDateFormat(client, request);

    progress({ step: 'terms', done: 0, total: null });
    const { categories, tags } = await readTerms(client, request, progress);

    progress({ step: 'posts', done: 0, total: null });
    const posts = await this.readPosts(client, request, progress);
    await addThumbnails(client, request, posts.items, progress);

    const cache: SiteCacheData = {
      version: SITE_CACHE_VERSION,
      siteId: site.id,
      refreshedAt: this.now().toISOString(),
      title: index.success ? (index.data.name ?? null) : null,
      timeZone: index.success ? siteTimeZone(index.data) : null,
      dateFormat,
      categories,
      tags,
      posts: posts.items.map(({ post }) => post).sort(newestFirst),
      truncated: posts.truncated,
      postScope: posts.scope,
    };
    // Cancelled after the last answer: still nothing written, as the user asked.
    if (options.signal?.aborted) throw new AppFailure('internal', 'Cancelled.');
    await mkdir(this.options.folder, { recursive: true });
    await writeFileAtomically(file, JSON.stringify(cache));
    const { mtimeMs, size } = await stat(file);
    this.loaded.set(site.id, { mtimeMs, size, cache });
    return cache;
  }

  /**
   * The stored cache, or null when the site was never refreshed here or its file is damaged. The
   * answer is shared with later calls while the file is unchanged: treat it as read-only.
   */
  async get(siteId: string): Promise<SiteCacheData | null> {
    const file = this.fileOf(siteId);
    let found: { mtimeMs: number; size: number };
    try {
      found = await stat(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const known = this.loaded.get(siteId);
    if (known && known.mtimeMs === found.mtimeMs && known.size === found.size) return known.cache;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // forgotten meanwhile
      throw error;
    }
    const parsed = siteCacheSchema.safeParse(parseJson(text));
    if (!parsed.success || parsed.data.siteId !== siteId) {
      this.logger.warn('site cache unreadable; it will be replaced on the next refresh', { file });
      return null;
    }
    this.loaded.set(siteId, { mtimeMs: found.mtimeMs, size: found.size, cache: parsed.data });
    return parsed.data;
  }

  /**
   * Cached posts matching `query`, newest first; none when there is no cache (get() tells which).
   * The search matches every word of the title, ignoring case and accents, or a post's id or
   * address as pasted from the browser (its link, `?p=123`, or an edit link's `post=123`).
   */
  async searchPosts(siteId: string, query: SearchPostsQuery = {}): Promise<CachedPost[]> {
    const cache = await this.get(siteId);
    if (!cache) return [];
    const statuses = new Set<PostStatus>(
      query.status === undefined ? postStatuses : Array.isArray(query.status) ? query.status : [query.status],
    );
    const matches = this.matcher(query.search ?? '');
    const found = cache.posts.filter((post) => statuses.has(post.status) && matches(post)).sort(newestFirst);
    return query.limit === undefined ? found : found.slice(0, query.limit);
  }

  /** Deletes the site's cache (the site was removed). Nothing of the user's is lost: it is a copy. */
  async forget(siteId: string): Promise<void> {
    const file = this.fileOf(siteId);
    this.loaded.delete(siteId);
    await rm(file, { force: true });
  }

  private matcher(search: string): (post: CachedPost) => boolean {
    const text = search.trim();
    if (text === '') return () => true;
    const address = addressOf(text);
    if (address) {
      const id = postIdIn(text);
      return (post) => post.id === id || addressOf(post.link) === address;
    }
    const words = foldForSearch(text).split(' ');
    const id = /^\d+$/.test(text) ? Number(text) : null;
    return (post) => post.id === id || words.every((word) => this.folded(post).includes(word));
  }

  private folded(post: CachedPost): string {
    let folded = this.foldedTitles.get(post);
    if (folded === undefined) {
      folded = foldForSearch(post.title);
      this.foldedTitles.set(post, folded);
    }
    return folded;
  }

  private fileOf(siteId: string): string {
    // The id comes from the renderer too: never let it name a path outside the folder.
    if (!siteIdSchema.safeParse(siteId).success) {
      throw new AppFailure('invalid-request', `"${siteId}" is not a site id.`);
    }
    return join(this.options.folder, `${siteId}.json`);
  }

  /**
   * Every post the user may see, newest first, up to maxPosts. Listing drafts, scheduled and
   * private posts needs the right to edit posts; without it (a subscriber) WordPress refuses, and
   * the published posts are what this user can pick from.
   *
   * Not `context=edit`: with it WordPress lists only the posts the user may edit, so an author or
   * contributor would silently get none of their colleagues' published posts. The view context
   * gives every field kept here, and leaves out just the posts this user may not read.
   */
  private async readPosts(
    client: WpClient,
    request: WpRequest,
    progress: (progress: RefreshProgress) => void,
  ): Promise<{ items: PostWithMedia[]; truncated: boolean; scope: 'all' | 'published' }> {
    const base = { _fields: POST_FIELDS, orderby: 'date', order: 'desc' };
    let scope: 'all' | 'published' = 'all';
    let query: Query = { ...base, status: postStatuses.join(',') };
    let first: Page;
    try {
      first = await fetchPage(client, 'wp/v2/posts', query, 1, request);
    } catch (error) {
      if (!(error instanceof SiteFailure && [400, 401, 403].includes(error.status ?? 0))) throw error;
      scope = 'published';
      query = { ...base, status: 'publish' };
      first = await fetchPage(client, 'wp/v2/posts', query, 1, request);
    }
    const maxPages = Math.ceil(this.maxPosts / PER_PAGE);
    // WordPress counts the posts it then leaves out as unreadable, so progress goes by pages read.
    const total = first.total === null ? null : Math.min(first.total, this.maxPosts);
    const report = (pages: number) =>
      progress({ step: 'posts', done: Math.min(pages * PER_PAGE, total ?? Infinity), total });
    report(1);
    const raw = await restOf(client, 'wp/v2/posts', query, { first, maxPages, request, onPage: report });
    // Posts published while paging shift later pages by one: the same post can come twice.
    const byId = new Map<number, PostWithMedia>();
    for (const item of toPosts(raw)) if (!byId.has(item.post.id)) byId.set(item.post.id, item);
    const items = [...byId.values()];
    const truncated = first.pages > maxPages || items.length > this.maxPosts;
    return { items: items.slice(0, this.maxPosts), truncated, scope };
  }
}

/** All categories and tags. The first page of each is asked at once, so the total is known from the start. */
const readTerms = async (
  client: WpClient,
  request: WpRequest,
  progress: (progress: RefreshProgress) => void,
) => {
  const categoryQuery = { _fields: 'id,name,parent,count' };
  const tagQuery = { _fields: 'id,name,count' };
  const [firstCategories, firstTags] = await Promise.all([
    fetchPage(client, 'wp/v2/categories', categoryQuery, 1, request),
    fetchPage(client, 'wp/v2/tags', tagQuery, 1, request),
  ]);
  const total =
    firstCategories.total === null || firstTags.total === null
      ? null
      : firstCategories.total + firstTags.total;
  let categoriesDone = firstCategories.items.length;
  let tagsDone = firstTags.items.length;
  const report = () => progress({ step: 'terms', done: categoriesDone + tagsDone, total });
  report();
  const categories = await restOf(client, 'wp/v2/categories', categoryQuery, {
    first: firstCategories,
    request,
    onPage: (_page, done) => ((categoriesDone = done), report()),
  });
  const tags = await restOf(client, 'wp/v2/tags', tagQuery, {
    first: firstTags,
    request,
    onPage: (_page, done) => ((tagsDone = done), report()),
  });
  return { categories: toCategories(categories), tags: toTags(tags) };
};

/** The date format is in the settings only administrators may read; for anyone else it is null. */
const readDateFormat = async (client: WpClient, request: WpRequest): Promise<string | null> => {
  try {
    const { data } = await client.call<{ date_format?: unknown }>('wp/v2/settings', {
      ...request,
      query: { _fields: 'date_format' },
    });
    return typeof data.date_format === 'string' && data.date_format !== '' ? data.date_format : null;
  } catch (error) {
    if (error instanceof SiteFailure && [401, 403, 404].includes(error.status ?? 0)) return null;
    throw error;
  }
};

/** Sets each post's thumbnailUrl from its featured image, asking for 100 images at a time. */
const addThumbnails = async (
  client: WpClient,
  request: WpRequest,
  posts: PostWithMedia[],
  progress: (progress: RefreshProgress) => void,
): Promise<void> => {
  const ids = [...new Set(posts.map(({ mediaId }) => mediaId).filter((id) => id > 0))];
  const urls = new Map<number, string>();
  progress({ step: 'thumbnails', done: 0, total: ids.length });
  for (let start = 0; start < ids.length; start += PER_PAGE) {
    const batch = ids.slice(start, start + PER_PAGE);
    try {
      const { data } = await client.call<unknown>('wp/v2/media', {
        ...request,
        query: { include: batch, per_page: PER_PAGE, _fields: 'id,media_details,source_url' },
      });
      for (const [id, url] of toThumbnails(data)) urls.set(id, url);
    } catch (error) {
      // A site that hides its media library from this user: the posts are still worth having.
      if (!(error instanceof SiteFailure && (error.status === 401 || error.status === 403))) throw error;
    }
    progress({ step: 'thumbnails', done: Math.min(start + PER_PAGE, ids.length), total: ids.length });
  }
  for (const item of posts) item.post.thumbnailUrl = urls.get(item.mediaId) ?? null;
};

const newestFirst = (a: CachedPost, b: CachedPost): number =>
  Date.parse(b.dateGmt) - Date.parse(a.dateGmt) || b.id - a.id;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A pasted address reduced for comparison: no scheme, no "www.", no trailing slash, lower case. */
const addressOf = (text: string): string | null => {
  if (!/^https?:\/\/\S+$/i.test(text)) return null;
  try {
    const url = new URL(text);
    const host = url.host.replace(/^www\./, '');
    return `${host}${url.pathname.replace(/\/+$/, '')}${url.search}`.toLowerCase();
  } catch {
    return null;
  }
};

/** The post id in a pasted `?p=123` link or a `wp-admin/post.php?post=123` edit link. */
const postIdIn = (text: string): number | null => {
  try {
    const params = new URL(text).searchParams;
    const id = params.get('p') ?? params.get('post');
    return id !== null && /^\d+$/.test(id) ? Number(id) : null;
  } catch {
    return null;
  }
};
