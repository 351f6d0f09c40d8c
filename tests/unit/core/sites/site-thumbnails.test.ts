/**
 * Thumbnails of a site's cached posts, against a small local web server standing in for the site:
 * made once and kept on disk (shown offline afterwards), fetched only from the site's own host, and
 * null, never an error, for whatever is not a small, real picture.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { SiteCache } from '../../../../electron/core/sites/site-cache.js';
import {
  isOnSite,
  SiteThumbnails,
  type SiteThumbnailsOptions,
} from '../../../../electron/core/sites/site-thumbnails.js';
import { THUMBNAIL_SIZE } from '../../../../electron/core/images/thumbnails.js';
import {
  type CachedPost,
  SITE_CACHE_VERSION,
  type SiteCache as SiteCacheData,
} from '../../../../shared/sites/site-cache.js';
import { type Site, siteSchema } from '../../../../shared/sites/site.js';
import { cameraPhoto, pngBomb } from '../../../support/images.js';
import { realCore } from '../../../support/real-core.js';
import { useTempFolder } from '../../../support/temp-folder.js';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A web server answering `routes` by path, counting every request it gets and how many run at once. */
const useServer = () => {
  const servers: { close(): void }[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));
  return async (routes: Record<string, Route>) => {
    const hits: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const server = createServer((request, response) => {
      const path = request.url ?? '';
      hits.push(path);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      response.on('close', () => (running -= 1));
      const route = routes[path];
      if (route) route(request, response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const close = () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    servers.push({ close: () => void close() });
    return { url: `http://127.0.0.1:${port}`, port, hits, mostAtOnce: () => mostAtOnce, close };
  };
};

const serve =
  (body: Buffer | string, type = 'image/jpeg', delayMs = 0): Route =>
  (_request, response) => {
    const headers = { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)) };
    setTimeout(() => response.writeHead(200, headers).end(body), delayMs);
  };

/** Sent in pieces without a Content-Length, as a streaming server would. */
const stream =
  (body: Buffer): Route =>
  (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'image/jpeg' });
    for (let start = 0; start < body.length; start += 64 * 1024) {
      response.write(body.subarray(start, start + 64 * 1024));
    }
    response.end();
  };

const post = (id: number, thumbnailUrl: string | null): CachedPost => ({
  id,
  title: `Post ${id}`,
  link: `https://news.example.org/?p=${id}`,
  dateGmt: '2026-05-01T09:00:00Z',
  status: 'publish',
  thumbnailUrl,
  modifiedGmt: '2026-05-01T09:00:00Z',
});

const decode = (dataUrl: string) =>
  sharp(Buffer.from(dataUrl.replace(/^data:image\/webp;base64,/, ''), 'base64')).metadata();

describe('thumbnails of a site’s posts', () => {
  const tempFolder = useTempFolder();
  const server = useServer();

  /** A site at `siteUrl` whose cache lists `posts`, and thumbnails kept under the app's data folder. */
  const setUp = async (
    siteUrl: string,
    posts: CachedPost[],
    options: Partial<Pick<SiteThumbnailsOptions, 'timeoutMs'>> = {},
  ) => {
    const folder = join(await tempFolder(), 'site-cache');
    await mkdir(folder, { recursive: true });
    const cache: SiteCacheData = {
      version: SITE_CACHE_VERSION,
      siteId: 'haber',
      refreshedAt: '2026-11-25T10:00:00.000Z',
      title: 'Haber',
      timeZone: 'Europe/Istanbul',
      dateFormat: null,
      categories: [],
      tags: [],
      posts,
      truncated: false,
      postScope: 'all',
    };
    await writeFile(join(folder, 'haber.json'), JSON.stringify(cache));
    const sites: Site[] = [
      siteSchema.parse({
        id: 'haber',
        name: 'Haber',
        url: siteUrl,
        user: 'editor',
        addedAt: '2026-11-25T00:00:00Z',
      }),
    ];
    const thumbnailsFolder = join(folder, 'thumbnails');
    const make = () =>
      new SiteThumbnails({
        folder: thumbnailsFolder,
        sites: { list: () => sites },
        cache: new SiteCache({ folder }),
        ...options,
      });
    const kept = () => readdir(join(thumbnailsFolder, 'haber')).catch(() => []);
    return { thumbnails: make(), make, kept, sites, thumbnailsFolder };
  };

  it('makes a small WebP of the featured image, keeps it on disk, and shows it offline afterwards', async () => {
    const site = await server({ '/wp-content/uploads/photo-150x150.jpg': serve(await cameraPhoto()) });
    const { thumbnails, make, kept } = await setUp(site.url, [
      post(7, `${site.url}/wp-content/uploads/photo-150x150.jpg`),
    ]);

    const dataUrl = await thumbnails.of('haber', 7);
    expect(dataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(await decode(dataUrl!)).toMatchObject({
      format: 'webp',
      width: THUMBNAIL_SIZE,
      height: THUMBNAIL_SIZE,
    });
    expect(await kept()).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.webp$/)]);
    expect(site.hits).toHaveLength(1);

    // The site is gone (offline), and the app started again: the picture comes from disk.
    await site.close();
    expect(await make().of('haber', 7)).toBe(dataUrl);
    expect(await thumbnails.of('haber', 7)).toBe(dataUrl);
    expect(site.hits).toHaveLength(1);
  });

  it('fetches nothing that is not on the site’s own host, redirects included', async () => {
    const site = await server({
      '/photo.jpg': serve(await cameraPhoto()),
      '/elsewhere.jpg': (_request, response) =>
        response.writeHead(302, { Location: `http://localhost:${site.port}/photo.jpg` }).end(),
    });
    const { thumbnails, kept } = await setUp(site.url, [
      post(1, `http://localhost:${site.port}/photo.jpg`), // the same server under another host name
      post(2, 'file:///etc/passwd'),
      post(3, 'data:image/png;base64,iVBORw0KGgo='),
      post(4, `http://127.0.0.1.example.org:${site.port}/photo.jpg`),
      post(5, `http://user:secret@127.0.0.1:${site.port}/photo.jpg`),
      post(6, `${site.url}/elsewhere.jpg`),
    ]);
    for (const id of [1, 2, 3, 4, 5, 6]) expect(await thumbnails.of('haber', id)).toBeNull();
    expect(site.hits).toEqual(['/elsewhere.jpg']); // the redirect was not followed
    expect(await kept()).toEqual([]);
  });

  it('takes subdomains of the site (a CDN), and nothing that merely ends like it', () => {
    expect(isOnSite('https://cdn.news.example.org/a.jpg', 'https://news.example.org')).toBe(true);
    expect(isOnSite('https://news.example.org/a.jpg', 'https://www.news.example.org/')).toBe(true);
    expect(isOnSite('http://news.example.org:8080/a.jpg', 'https://news.example.org')).toBe(true);
    expect(isOnSite('https://evilnews.example.org/a.jpg', 'https://news.example.org')).toBe(false);
    expect(isOnSite('https://example.org/a.jpg', 'https://news.example.org')).toBe(false);
    expect(isOnSite('ftp://news.example.org/a.jpg', 'https://news.example.org')).toBe(false);
    expect(isOnSite('javascript:alert(1)', 'https://news.example.org')).toBe(false);
    expect(isOnSite('http://x.127.0.0.1/a.jpg', 'http://127.0.0.1:8080')).toBe(false);
  });

  it('answers null for what is not a picture, or a decompression bomb, and keeps nothing', async () => {
    const site = await server({
      '/text.jpg': serve('<html>Please log in</html>', 'image/jpeg'),
      '/bomb.png': serve(pngBomb(100_000, 100_000), 'image/png'),
      '/missing.jpg': (_request, response) => response.writeHead(404).end(),
    });
    const { thumbnails, kept } = await setUp(site.url, [
      post(1, `${site.url}/text.jpg`),
      post(2, `${site.url}/bomb.png`),
      post(3, `${site.url}/missing.jpg`),
    ]);
    expect(await thumbnails.of('haber', 1)).toBeNull();
    expect(await thumbnails.of('haber', 2)).toBeNull();
    expect(await thumbnails.of('haber', 3)).toBeNull();
    expect(site.hits.sort()).toEqual(['/bomb.png', '/missing.jpg', '/text.jpg']);
    expect(await kept()).toEqual([]);
  });

  it('answers null for a post not in the cache, a post without a featured image, or an unknown site', async () => {
    const site = await server({ '/photo.jpg': serve(await cameraPhoto()) });
    const { thumbnails } = await setUp(site.url, [post(1, `${site.url}/photo.jpg`), post(2, null)]);
    expect(await thumbnails.of('haber', 99)).toBeNull();
    expect(await thumbnails.of('haber', 2)).toBeNull();
    expect(await thumbnails.of('another-site', 1)).toBeNull();
    expect(site.hits).toEqual([]);
  });

  it('refuses a body over 5 MB, whether its size is announced or only seen while streaming', async () => {
    // A real JPEG with zeros after its end, which decoders ignore: only its size is wrong.
    const photo = await cameraPhoto();
    const big = Buffer.concat([photo, Buffer.alloc(5 * 1024 * 1024)]);
    const site = await server({
      '/announced.jpg': serve(big),
      '/streamed.jpg': stream(big),
      '/small.jpg': stream(Buffer.concat([photo, Buffer.alloc(1024)])),
    });
    const { thumbnails } = await setUp(site.url, [
      post(1, `${site.url}/announced.jpg`),
      post(2, `${site.url}/streamed.jpg`),
      post(3, `${site.url}/small.jpg`),
    ]);
    expect(await thumbnails.of('haber', 1)).toBeNull();
    expect(await thumbnails.of('haber', 2)).toBeNull();
    expect(await thumbnails.of('haber', 3)).toMatch(/^data:image\/webp;base64,/);
  });

  it('gives up on a site that does not answer in time', async () => {
    const site = await server({ '/slow.jpg': () => {} });
    const { thumbnails } = await setUp(site.url, [post(1, `${site.url}/slow.jpg`)], { timeoutMs: 200 });
    const started = Date.now();
    expect(await thumbnails.of('haber', 1)).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('downloads at most four at once, and a picture asked for twice only once', async () => {
    const photo = await cameraPhoto({ width: 200, height: 150 });
    const routes = Object.fromEntries(
      Array.from({ length: 10 }, (_, index) => [`/p${index}.jpg`, serve(photo, 'image/jpeg', 100)]),
    );
    const site = await server(routes);
    const posts = Array.from({ length: 10 }, (_, index) => post(index + 1, `${site.url}/p${index}.jpg`));
    // Two posts sharing one featured image, as a series of releases often does.
    posts.push(post(11, `${site.url}/p0.jpg`));
    const { thumbnails, kept } = await setUp(site.url, posts);

    const asked = [...posts.map(({ id }) => id), 1, 1, 11];
    const answers = await Promise.all(asked.map((id) => thumbnails.of('haber', id)));
    expect(answers.every((answer) => answer?.startsWith('data:image/webp;base64,'))).toBe(true);
    expect(site.mostAtOnce()).toBeLessThanOrEqual(4);
    expect(site.hits.filter((path) => path === '/p0.jpg')).toHaveLength(1);
    expect(site.hits).toHaveLength(10);
    expect(await kept()).toHaveLength(10);
  });

  it('deletes the thumbnails of a site that is forgotten, and only those', async () => {
    const site = await server({ '/photo.jpg': serve(await cameraPhoto()) });
    const { thumbnails, kept, thumbnailsFolder } = await setUp(site.url, [post(1, `${site.url}/photo.jpg`)]);
    await mkdir(join(thumbnailsFolder, 'other-site'), { recursive: true });
    expect(await thumbnails.of('haber', 1)).not.toBeNull();
    expect(await kept()).toHaveLength(1);
    await thumbnails.forget('haber');
    expect(await readdir(thumbnailsFolder)).toEqual(['other-site']);
    await thumbnails.forget('haber'); // already gone: nothing to do
    await thumbnails.forget('..'); // not a site id: never a folder outside, and no error for the caller
    expect(await readdir(thumbnailsFolder)).toEqual(['other-site']);
  });
});

describe('post thumbnails in the app', () => {
  const tempFolder = useTempFolder();
  const server = useServer();

  it('answer sites.postThumbnail from the cache beside the site cache, and go when the site is removed', async () => {
    const site = await server({ '/uploads/photo.jpg': serve(await cameraPhoto()) });
    const root = await tempFolder();
    const { core, handlers, userData } = realCore(root);
    const { site: added } = await core.sites.add(
      { name: 'Haber', url: site.url, user: 'editor', password: 'abcd EFGH 1234 ijkl MNOP 5678' },
      { requireSecretStore: true },
    );
    // As a refresh leaves it: the site cache in the app's data folder.
    const cache: SiteCacheData = {
      version: SITE_CACHE_VERSION,
      siteId: added.id,
      refreshedAt: '2026-11-25T10:00:00.000Z',
      title: null,
      timeZone: null,
      dateFormat: null,
      categories: [],
      tags: [],
      posts: [post(7, `${site.url}/uploads/photo.jpg`)],
      truncated: false,
      postScope: 'all',
    };
    await mkdir(join(userData, 'site-cache'), { recursive: true });
    await writeFile(join(userData, 'site-cache', `${added.id}.json`), JSON.stringify(cache));

    const dataUrl = await handlers['sites.postThumbnail']({ siteId: added.id, postId: 7 });
    expect(dataUrl).toMatch(/^data:image\/webp;base64,/);
    const kept = join(userData, 'site-cache', 'thumbnails', added.id);
    expect(await readdir(kept)).toHaveLength(1);

    await handlers['sites.remove']({ id: added.id });
    await expect(readdir(kept)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(join(userData, 'site-cache', 'thumbnails'))).toEqual([]);
  });
});
