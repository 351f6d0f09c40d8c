/**
 * Featured thumbnails of a site's cached posts, for the "Posts on this site" browser. The renderer
 * may neither fetch remote addresses nor show them (its CSP allows data: images only), so the core
 * downloads the small copy WordPress made, shrinks it with sharp to a WebP and answers a data: URL,
 * as the library's thumbnails do.
 *
 * Each thumbnail made is kept on disk (`<folder>/<siteId>/<hash of its address>.webp`, written
 * atomically) so the list shows it offline afterwards. That folder is a cache of what the site
 * has, not user data: forgetting the site deletes it.
 *
 * The address comes from the site cache, a file on disk someone could edit, so only http(s)
 * addresses on the site's own host (or its subdomains) are fetched, redirects included, with a
 * time limit and a size limit; sharp must decode the bytes, within a pixel limit. Any problem
 * (offline, refused, not an image) answers null, never an error: the list shows a placeholder.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { URL } from 'node:url';
import type { SiteCache as SiteCacheData } from '../../../shared/sites/site-cache.js';
import { type Site, siteIdSchema } from '../../../shared/sites/site.js';
import { writeFileAtomically } from '../fs/atomic-file.js';
import { THUMBNAIL_SIZE } from '../images/thumbnails.js';
import { type Logger, silentLogger } from '../logger.js';

export interface SiteThumbnailsOptions {
  /** The app data folder for thumbnails (beside the site cache); created when first written. */
  folder: string;
  /** The sites known here: a site removed meanwhile gets no thumbnails. */
  sites: { list(): Site[] };
  /** The site cache, where each post's thumbnail address was stored at the last refresh. */
  cache: { get(siteId: string): Promise<SiteCacheData | null> };
  fetch?: typeof fetch;
  logger?: Logger;
  timeoutMs?: number;
  maxBytes?: number;
  /** Downloads at once: a list of hundreds of posts must not open hundreds of connections. */
  concurrency?: number;
  /** A thumbnail that could not be had is not asked again before this long (each row asks). */
  retryAfterMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** WordPress's 150 px copy weighs a few KB; an original of several MB is not worth a list's row. */
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** 100 megapixels, as for the library's thumbnails: far below a decompression bomb. */
const MAX_SOURCE_PIXELS = 100_000_000;
const MAX_REDIRECTS = 3;

export class SiteThumbnails {
  private readonly fetch: typeof fetch;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly retryAfterMs: number;
  private readonly limit: <T>(task: () => Promise<T>) => Promise<T>;
  /** Answers being made, by file: two rows asking for the same picture share one download. */
  private readonly pending = new Map<string, Promise<string | null>>();
  /** When each address last failed. */
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly options: SiteThumbnailsOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.limit = limiter(options.concurrency ?? 4);
  }

  /** The thumbnail of post `postId` of site `siteId` as a data: URL, or null when there is none to show. */
  async of(siteId: string, postId: number): Promise<string | null> {
    const site = this.options.sites.list().find((known) => known.id === siteId);
    if (!site) return null;
    const cached = await this.options.cache.get(site.id).catch(() => null);
    const address = cached?.posts.find((post) => post.id === postId)?.thumbnailUrl;
    if (!address) return null;
    if (!isOnSite(address, site.url)) {
      this.logger.warn('sites: a thumbnail address is not on the site; not fetched', { siteId, postId });
      return null;
    }
    const file = join(
      this.siteFolder(site.id),
      `${createHash('sha256').update(address).digest('hex').slice(0, 32)}.webp`,
    );
    const running = this.pending.get(file);
    if (running) return running;
    const answer = this.load(site, address, file).finally(() => this.pending.delete(file));
    this.pending.set(file, answer);
    return answer;
  }

  /** The site was removed: its thumbnails go too (a copy of what the site has). Never fails. */
  async forget(siteId: string): Promise<void> {
    try {
      await rm(this.siteFolder(siteId), { recursive: true, force: true });
    } catch (error) {
      this.logger.warn('sites: could not delete the thumbnails of a removed site', { siteId, error });
    }
  }

  private siteFolder(siteId: string): string {
    // Also checked by the contract; here so no caller can make it name a folder outside.
    if (!siteIdSchema.safeParse(siteId).success) throw new Error(`"${siteId}" is not a site id.`);
    return join(this.options.folder, siteId);
  }

  private async load(site: Site, address: string, file: string): Promise<string | null> {
    const stored = await readFile(file).catch(() => null);
    if (stored && stored.length > 0) return dataUrl(stored);
    const failed = this.failedAt.get(address);
    if (failed !== undefined && Date.now() - failed < this.retryAfterMs) return null;
    const made = await this.limit(() => this.download(address, site.url));
    if (!made) {
      this.failedAt.set(address, Date.now());
      return null;
    }
    this.failedAt.delete(address);
    // Removed while downloading: do not bring its folder back.
    if (!this.options.sites.list().some((known) => known.id === site.id)) return dataUrl(made);
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFileAtomically(file, made);
    } catch (error) {
      this.logger.warn('sites: could not keep a thumbnail on disk', { file, error });
    }
    return dataUrl(made);
  }

  /** The picture at `address`, shrunk to a small WebP; null for any failure. */
  private async download(address: string, siteUrl: string): Promise<Buffer | null> {
    try {
      const signal = AbortSignal.timeout(this.timeoutMs);
      let current = address;
      for (let redirects = 0; ; redirects += 1) {
        // Redirects followed by hand, so each hop is checked against the site's host too.
        const response = await this.fetch(current, {
          signal,
          redirect: 'manual',
          headers: { Accept: 'image/webp,image/*;q=0.9' },
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          await response.body?.cancel();
          const next = new URL(location, current).href;
          if (redirects >= MAX_REDIRECTS || !isOnSite(next, siteUrl)) return this.refuse(address, 'redirect');
          current = next;
          continue;
        }
        if (!response.ok) {
          await response.body?.cancel();
          return this.refuse(address, `status ${response.status}`);
        }
        const bytes = await readAtMost(response, this.maxBytes);
        if (!bytes) return this.refuse(address, 'too large');
        return await shrink(bytes);
      }
    } catch (error) {
      // Offline, timed out, or not an image sharp can decode.
      this.logger.warn('sites: no thumbnail for a post', { address, error });
      return null;
    }
  }

  private refuse(address: string, reason: string): null {
    this.logger.warn('sites: thumbnail refused', { address, reason });
    return null;
  }
}

/**
 * Whether `address` may be fetched for a site at `siteUrl`: http(s), no credentials, and the site's
 * host or one of its subdomains ("www." of the site's address left aside, so www.example.org may
 * use cdn.example.org). A site at an IP address allows exactly that address.
 */
export const isOnSite = (address: string, siteUrl: string): boolean => {
  let url: URL;
  let site: URL;
  try {
    url = new URL(address);
    site = new URL(siteUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  const siteHost = site.hostname.toLowerCase();
  if (isIP(siteHost.replace(/^\[|\]$/g, '')) !== 0) return host === siteHost;
  const base = siteHost.replace(/^www\./, '');
  return host === base || host === siteHost || host.endsWith(`.${base}`);
};

/** The body, or null as soon as it is known to exceed `max` bytes (nothing more is read). */
const readAtMost = async (response: Response, max: number): Promise<Buffer | null> => {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};

const shrink = async (bytes: Buffer): Promise<Buffer> => {
  // Loaded on first use, as for the library's thumbnails: a missing native module loses only pictures.
  const { default: sharp } = await import('sharp');
  return sharp(bytes, { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'cover', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
};

const dataUrl = (webp: Buffer): string => `data:image/webp;base64,${webp.toString('base64')}`;

/** At most `max` tasks at once; the others wait their turn in order. */
const limiter = (max: number) => {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < max) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next task, so a newcomer cannot slip in between.
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
};
