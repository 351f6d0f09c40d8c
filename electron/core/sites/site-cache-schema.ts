/**
 * Reading WordPress for SiteCache: its collections page by page, and its answers turned into cache
 * entries. Each item is checked on its own: one odd item (a plugin's post type leaking in, a term
 * without a count) is skipped rather than failing the whole refresh.
 */
import { z } from 'zod';
import { SiteFailure, type WpClient, type WpRequest } from '../wordpress/wp-client.js';
import {
  type CachedCategory,
  type CachedPost,
  type CachedTag,
  postStatusSchema,
} from '../../../shared/sites/site-cache.js';

export const PER_PAGE = 100;

export interface Page {
  items: unknown[];
  /** X-WP-Total, when the site sent it. */
  total: number | null;
  pages: number;
}

export type Query = Record<string, string | number | (string | number)[]>;

export const fetchPage = async (
  client: WpClient,
  route: string,
  query: Query,
  page: number,
  request: WpRequest,
): Promise<Page> => {
  const { data, headers } = await client.call<unknown>(route, {
    ...request,
    query: { ...query, per_page: PER_PAGE, page },
  });
  const total = headers.get('X-WP-Total');
  const pages = Number(headers.get('X-WP-TotalPages') ?? '1');
  return {
    items: Array.isArray(data) ? (data as unknown[]) : [],
    total: total === null || !Number.isFinite(Number(total)) ? null : Number(total),
    pages: Number.isFinite(pages) ? pages : 1,
  };
};

/** The items of `first` and of every later page (X-WP-TotalPages), up to maxPages. */
export const restOf = async (
  client: WpClient,
  route: string,
  query: Query,
  {
    first,
    maxPages = Infinity,
    request,
    onPage,
  }: { first: Page; maxPages?: number; request: WpRequest; onPage: (pages: number, items: number) => void },
): Promise<unknown[]> => {
  const items = [...first.items];
  for (let page = 2; page <= Math.min(first.pages, maxPages); page += 1) {
    let next: Page;
    try {
      next = await fetchPage(client, route, query, page, request);
    } catch (error) {
      // Items deleted while paging leave fewer pages than announced: WordPress refuses the last.
      if (
        error instanceof SiteFailure &&
        error.status === 400 &&
        /invalid_page_number/.test(error.wpCode ?? '')
      )
        break;
      throw error;
    }
    // No stop at an empty page: the posts of a page may all be ones this user may not read.
    items.push(...next.items);
    onPage(page, items.length);
  }
  return items;
};

const rendered = z.object({ rendered: z.string() });

export const wpIndexSchema = z.object({
  name: z.string().optional(),
  timezone_string: z.string().optional(),
  gmt_offset: z.union([z.number(), z.string()]).optional(),
});

const wpCategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  parent: z.number().int().default(0),
  count: z.number().int().default(0),
});

const wpTagSchema = z.object({ id: z.number().int(), name: z.string(), count: z.number().int().default(0) });

const wpPostSchema = z.object({
  id: z.number().int(),
  title: rendered,
  link: z.string(),
  date_gmt: z.string().nullable(),
  modified_gmt: z.string().nullable(),
  status: postStatusSchema,
  featured_media: z.number().int().default(0),
});

const mediaSize = z.object({ source_url: z.string() });
const wpMediaSchema = z.object({
  id: z.number().int(),
  source_url: z.string().optional(),
  // `sizes` is an empty array, not an object, when WordPress made no smaller copies (a small image).
  media_details: z
    .object({ sizes: z.union([z.record(z.string(), mediaSize.loose()), z.array(z.unknown())]).optional() })
    .loose()
    .optional(),
});

/** The items of `raw` that have the expected shape, parsed; the rest are left out. */
const each = <T>(schema: z.ZodType<T>, raw: unknown): T[] =>
  (Array.isArray(raw) ? raw : []).flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });

export const toCategories = (raw: unknown): CachedCategory[] =>
  each(wpCategorySchema, raw).map(({ id, name, parent, count }) => ({
    id,
    name: htmlToText(name),
    parent,
    count,
  }));

export const toTags = (raw: unknown): CachedTag[] =>
  each(wpTagSchema, raw).map(({ id, name, count }) => ({ id, name: htmlToText(name), count }));

/** A post, and the id of its featured image (0 for none), whose address is looked up afterwards. */
export interface PostWithMedia {
  post: CachedPost;
  mediaId: number;
}

export const toPosts = (raw: unknown): PostWithMedia[] =>
  each(wpPostSchema, raw).flatMap((item) => {
    // A draft's GMT date is shimmed by WordPress from its local date; only a broken row lacks both.
    const dateGmt = utc(item.date_gmt) ?? utc(item.modified_gmt);
    if (dateGmt === null) return [];
    return [
      {
        post: {
          id: item.id,
          title: htmlToText(item.title.rendered),
          link: item.link,
          dateGmt,
          status: item.status,
          thumbnailUrl: null,
          modifiedGmt: utc(item.modified_gmt) ?? dateGmt,
        },
        mediaId: item.featured_media,
      },
    ];
  });

/** Media id → the address of its smallest useful copy: the thumbnail, else medium, else the original. */
export const toThumbnails = (raw: unknown): Map<number, string> => {
  const found = new Map<number, string>();
  for (const media of each(wpMediaSchema, raw)) {
    const sizes = media.media_details?.sizes;
    const named = sizes && !Array.isArray(sizes) ? sizes : {};
    const url = named.thumbnail?.source_url ?? named.medium?.source_url ?? media.source_url;
    if (url) found.set(media.id, url);
  }
  return found;
};

/**
 * The site's zone: its named zone, or its UTC offset as an Etc/GMT zone ("+3" → "Etc/GMT-3": the
 * IANA sign is inverted). A fractional offset (+5:30 set as a bare offset) has no such zone: null.
 */
export const siteTimeZone = (index: z.infer<typeof wpIndexSchema>): string | null => {
  if (index.timezone_string) return index.timezone_string;
  const hours = Number(index.gmt_offset);
  if (index.gmt_offset === undefined || !Number.isInteger(hours) || Math.abs(hours) > 14) return null;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
};

/** WordPress's GMT dates come without a zone ("2026-11-25T10:00:00"); `new Date` would read them as local. */
const utc = (date: string | null): string | null => {
  if (!date || date.startsWith('0000')) return null;
  return /(Z|[+-]\d\d:?\d\d)$/.test(date) ? date : `${date}Z`;
};

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  deg: '°',
  times: '×',
};

/**
 * A rendered title or term name as plain text. WordPress's texturize turns quotes, dashes and `&`
 * into numeric entities (&#8217; &#8211; &#038;), and titles may hold inline tags (<em>); both are
 * what the picker must not show. Unknown named entities are left as written.
 */
export const htmlToText = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
