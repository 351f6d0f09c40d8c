/**
 * The site cache without a WordPress: reading damaged or foreign files, searching a hand-made cache,
 * and refreshing from a scripted site (refusals, many pages, a failure half-way).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText, siteTimeZone, toThumbnails } from '../../../../electron/core/sites/site-cache-schema.js';
import { SiteCache } from '../../../../electron/core/sites/site-cache.js';
import { WpClient } from '../../../../electron/core/wordpress/wp-client.js';
import {
  type CachedPost,
  SITE_CACHE_VERSION,
  type SiteCache as SiteCacheData,
} from '../../../../shared/sites/site-cache.js';
import { siteSchema } from '../../../../shared/sites/site.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const post = (id: number, title: string, dateGmt: string, status: CachedPost['status']): CachedPost => ({
  id,
  title,
  link: `https://news.example.org/?p=${id}`,
  dateGmt,
  status,
  thumbnailUrl: null,
  modifiedGmt: dateGmt,
});

const handMade: SiteCacheData = {
  version: SITE_CACHE_VERSION,
  siteId: 'haber',
  refreshedAt: '2026-11-25T10:00:00.000Z',
  title: 'Haber',
  timeZone: 'Europe/Istanbul',
  dateFormat: 'j F Y',
  categories: [{ id: 1, name: 'Eğitim', parent: 0, count: 3 }],
  tags: [{ id: 7, name: 'Ödül', count: 1 }],
  // Deliberately not in date order: searchPosts orders them itself.
  posts: [
    post(11, 'Bilim ödülü açıklandı', '2026-03-01T09:00:00Z', 'publish'),
    post(12, 'ISTANBUL’DA BİLİM FUARI', '2026-05-01T09:00:00Z', 'publish'),
    post(13, 'Bilim haftası taslağı', '2026-04-01T09:00:00Z', 'draft'),
    post(14, 'Yarınki bilim duyurusu', '2027-01-01T09:00:00Z', 'future'),
    post(15, 'Another day', '2026-05-01T09:00:00Z', 'private'),
  ],
  truncated: false,
  postScope: 'all',
};

const site = siteSchema.parse({
  id: 'haber',
  name: 'Haber',
  url: 'https://news.example.org',
  user: 'editor',
  addedAt: '2026-11-25T00:00:00Z',
});

describe('reading the cache', () => {
  const tempFolder = useTempFolder();
  const stored = async (content: string) => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'haber.json'), content);
    return { folder, cache: new SiteCache({ folder }) };
  };

  it('answers null for a damaged file, and leaves it where it is', async () => {
    const damaged = JSON.stringify(handMade).slice(0, 200);
    const { folder, cache } = await stored(damaged);
    expect(await cache.get('haber')).toBeNull();
    expect(await cache.searchPosts('haber', { search: 'bilim' })).toEqual([]);
    expect(await readFile(join(folder, 'haber.json'), 'utf8')).toBe(damaged);
  });

  it("answers null for another format version, or another site's file under this name", async () => {
    expect(await (await stored(JSON.stringify({ ...handMade, version: 99 }))).cache.get('haber')).toBeNull();
    expect(
      await (await stored(JSON.stringify({ ...handMade, siteId: 'other' }))).cache.get('haber'),
    ).toBeNull();
  });

  it('answers null for a site never refreshed, and refuses an id that is not one', async () => {
    const cache = new SiteCache({ folder: await tempFolder() });
    expect(await cache.get('haber')).toBeNull();
    await expect(cache.get('../settings')).rejects.toMatchObject({ code: 'invalid-request' });
  });

  it('forgets a site by deleting its file', async () => {
    const { folder, cache } = await stored(JSON.stringify(handMade));
    expect(await cache.get('haber')).toEqual(handMade);
    await cache.forget('haber');
    expect(await cache.get('haber')).toBeNull();
    await expect(readFile(join(folder, 'haber.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await cache.forget('haber'); // already gone: nothing to do
  });
});

describe('searching the cached posts', () => {
  const tempFolder = useTempFolder();
  const search = async (query: Parameters<SiteCache['searchPosts']>[1]) => {
    const folder = await tempFolder();
    await writeFile(join(folder, 'haber.json'), JSON.stringify(handMade));
    return (await new SiteCache({ folder }).searchPosts('haber', query)).map(({ id }) => id);
  };

  it('lists every post newest first, the later id first on the same date', async () => {
    expect(await search({})).toEqual([14, 15, 12, 13, 11]);
  });

  it('matches every word of the title, whatever the case and accents', async () => {
    expect(await search({ search: 'BILIM' })).toEqual([14, 12, 13, 11]);
    expect(await search({ search: 'odulu bilim' })).toEqual([11]);
    expect(await search({ search: 'istanbul’da' })).toEqual([12]);
    expect(await search({ search: '  fuarı   İstanbul ' })).toEqual([12]);
    expect(await search({ search: 'bilim ödül yok' })).toEqual([]);
  });

  it('filters by one status or several, and limits', async () => {
    expect(await search({ status: 'publish' })).toEqual([12, 11]);
    expect(await search({ search: 'bilim', status: ['draft', 'future'] })).toEqual([14, 13]);
    expect(await search({ limit: 2 })).toEqual([14, 15]);
  });

  it('finds a post by its id or by an address pasted from the browser', async () => {
    expect(await search({ search: '13' })).toEqual([13]);
    expect(await search({ search: 'https://news.example.org/?p=12' })).toEqual([12]);
    expect(await search({ search: 'http://www.news.example.org/?p=12' })).toEqual([12]);
    expect(
      await search({ search: 'https://news.example.org/wp-admin/post.php?post=11&action=edit' }),
    ).toEqual([11]);
  });
});

describe('what WordPress sends, as the cache keeps it', () => {
  it('turns rendered titles into plain text', () => {
    expect(htmlToText('Tom &#038; Jerry&#8217;s <em>big</em> day &#8211; &quot;live&quot;')).toBe(
      'Tom & Jerry’s big day – "live"',
    );
    expect(htmlToText('Caf&eacute; &hellip; &#x1F4F0;&nbsp;news')).toBe('Caf&eacute; … 📰 news');
  });

  it('names the time zone of a site set to a bare UTC offset', () => {
    expect(siteTimeZone({ timezone_string: 'Europe/Istanbul', gmt_offset: 3 })).toBe('Europe/Istanbul');
    expect(siteTimeZone({ timezone_string: '', gmt_offset: '3' })).toBe('Etc/GMT-3');
    expect(siteTimeZone({ timezone_string: '', gmt_offset: -5 })).toBe('Etc/GMT+5');
    expect(siteTimeZone({ timezone_string: '', gmt_offset: 0 })).toBe('UTC');
    expect(siteTimeZone({ timezone_string: '', gmt_offset: 5.5 })).toBeNull();
  });

  it('takes the thumbnail, else the medium copy, else the original', () => {
    const media = (id: number, sizes: unknown) => ({
      id,
      source_url: `https://x.org/${id}.jpg`,
      media_details: { sizes },
    });
    const found = toThumbnails([
      media(1, { thumbnail: { source_url: 'https://x.org/1-150x150.jpg' }, medium: { source_url: 'm' } }),
      media(2, { medium: { source_url: 'https://x.org/2-300x200.jpg' } }),
      media(3, []), // a small image: WordPress made no copies
      { id: 4 },
    ]);
    expect(Object.fromEntries(found)).toEqual({
      1: 'https://x.org/1-150x150.jpg',
      2: 'https://x.org/2-300x200.jpg',
      3: 'https://x.org/3.jpg',
    });
  });
});

/** A scripted WordPress: `route(path, query)` answers [status, body, headers?]. */
const scriptedClient = (route: (path: string, query: URLSearchParams) => [number, unknown, number?]) => {
  const requests: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    const url = new URL(String(input));
    const path = url.searchParams.get('rest_route') ?? '';
    requests.push(`${path}?${url.searchParams.toString()}`);
    const [status, body, total] = route(path, url.searchParams);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (total !== undefined) {
      headers['X-WP-Total'] = String(total);
      headers['X-WP-TotalPages'] = String(Math.max(1, Math.ceil(total / 100)));
    }
    return new Response(JSON.stringify(body), { status, headers });
  };
  return { requests, client: new WpClient({ url: site.url, user: 'u', password: 'p' }, fetchImpl) };
};

const wpPost = (id: number) => ({
  id,
  title: { rendered: `Post ${id}` },
  link: `https://news.example.org/?p=${id}`,
  date_gmt: new Date(Date.UTC(2026, 0, 1) + id * 60_000).toISOString().slice(0, 19),
  modified_gmt: '2026-02-01T00:00:00',
  status: 'publish',
  featured_media: 0,
});

/** A site of `count` posts (ids count…1, newest first) that refuses drafts to this user. */
const publishedOnlySite = (count: number) =>
  scriptedClient((path, query) => {
    if (path === '/') return [200, { name: 'Haber', timezone_string: '', gmt_offset: 2 }];
    if (path === '/wp/v2/settings') return [403, { code: 'rest_forbidden', message: 'No.' }];
    if (path === '/wp/v2/categories' || path === '/wp/v2/tags') return [200, [], 0];
    if (path === '/wp/v2/posts') {
      if (query.get('status') !== 'publish')
        return [400, { code: 'rest_invalid_param', message: 'Invalid parameter(s): status' }];
      const page = Number(query.get('page'));
      const ids = Array.from({ length: count }, (_, index) => count - index).slice(
        (page - 1) * 100,
        page * 100,
      );
      return [200, ids.map(wpPost), count];
    }
    return [404, { code: 'rest_no_route', message: 'No route.' }];
  });

describe('refreshing', () => {
  const tempFolder = useTempFolder();

  it('falls back to the published posts when the user may not list the others', async () => {
    const { client, requests } = publishedOnlySite(3);
    const cache = await new SiteCache({
      folder: await tempFolder(),
      now: () => new Date('2026-11-25T10:00:00Z'),
    }).refresh(site, client);
    expect(cache).toMatchObject({
      refreshedAt: '2026-11-25T10:00:00.000Z',
      timeZone: 'Etc/GMT-2',
      dateFormat: null,
      postScope: 'published',
      truncated: false,
    });
    expect(cache.posts.map(({ id }) => id)).toEqual([3, 2, 1]);
    expect(cache.posts[0]).toMatchObject({
      dateGmt: '2026-01-01T00:03:00Z',
      modifiedGmt: '2026-02-01T00:00:00Z',
    });
    // No media asked for: none of the posts has a featured image.
    expect(requests.filter((request) => request.startsWith('/wp/v2/media'))).toEqual([]);
  });

  it('keeps the newest posts of a big archive, says it did, and reads no page beyond', async () => {
    const { client, requests } = publishedOnlySite(450);
    const cache = await new SiteCache({ folder: await tempFolder(), maxPosts: 250 }).refresh(site, client);
    expect(cache.truncated).toBe(true);
    expect(cache.posts).toHaveLength(250);
    expect(cache.posts[0]!.id).toBe(450);
    expect(cache.posts.at(-1)!.id).toBe(201);
    const pages = requests
      .map((request) => new URLSearchParams(request.slice(request.indexOf('?') + 1)))
      .filter((query) => query.get('status') === 'publish')
      .map((query) => query.get('page'));
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('reads on past a page whose posts this user may not read (WordPress sends it empty)', async () => {
    const { client } = scriptedClient((path, query) => {
      if (path !== '/wp/v2/posts') return [200, [], path === '/' ? undefined : 0];
      const page = Number(query.get('page'));
      return [200, page === 2 ? [] : [wpPost(page)], 300];
    });
    const cache = await new SiteCache({ folder: await tempFolder() }).refresh(site, client);
    expect(cache.posts.map(({ id }) => id)).toEqual([3, 1]);
    expect(cache.postScope).toBe('all');
  });

  it('leaves the previous cache in place when a refresh fails half-way', async () => {
    const folder = await tempFolder();
    const siteCache = new SiteCache({ folder });
    const before = await siteCache.refresh(site, publishedOnlySite(120).client);
    const failing = scriptedClient((path, query) =>
      path === '/wp/v2/posts' && query.get('page') === '2'
        ? [502, 'Bad gateway']
        : [200, path === '/wp/v2/posts' ? [wpPost(500)] : [], path === '/' ? undefined : 150],
    );
    await expect(siteCache.refresh(site, failing.client)).rejects.toMatchObject({ problem: 'server-error' });
    expect(await new SiteCache({ folder }).get('haber')).toEqual(before);
  });
});
