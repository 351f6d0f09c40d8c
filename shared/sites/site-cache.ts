/**
 * What Pressroom keeps of a site for offline use: its terms, time zone, date format and posts, as
 * last refreshed. Stored as one JSON file per site by SiteCache (electron/core/sites/site-cache.ts)
 * and sent as is to the renderer, so the same schema checks the file and the bridge.
 */
import { z } from 'zod';
import { siteIdSchema } from './site.js';

export const postStatuses = ['publish', 'future', 'draft', 'pending', 'private'] as const;
export const postStatusSchema = z.enum(postStatuses);
export type PostStatus = z.infer<typeof postStatusSchema>;

export const cachedCategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** 0 for a top-level category. */
  parent: z.number().int(),
  count: z.number().int(),
});
export type CachedCategory = z.infer<typeof cachedCategorySchema>;

export const cachedTagSchema = z.object({ id: z.number().int(), name: z.string(), count: z.number().int() });
export type CachedTag = z.infer<typeof cachedTagSchema>;

export const cachedPostSchema = z.object({
  id: z.number().int(),
  /** As the site shows it, as plain text (entities decoded, tags removed). */
  title: z.string(),
  link: z.string(),
  /** ISO 8601 in UTC, with its "Z" (WordPress sends the GMT dates without one). */
  dateGmt: z.string(),
  status: postStatusSchema,
  thumbnailUrl: z.string().nullable(),
  modifiedGmt: z.string(),
});
export type CachedPost = z.infer<typeof cachedPostSchema>;

/** Bumped when the stored shape changes: an older file then reads as "no cache" and is refreshed. */
export const SITE_CACHE_VERSION = 1;

export const siteCacheSchema = z.object({
  version: z.literal(SITE_CACHE_VERSION),
  siteId: siteIdSchema,
  refreshedAt: z.string(),
  /** The site's own title, as its REST index gives it. */
  title: z.string().nullable(),
  /** An IANA zone; null when the site is set to a fractional UTC offset, which no IANA zone names. */
  timeZone: z.string().nullable(),
  /** PHP date format ("j F Y"); null when this user may not read the site's settings. */
  dateFormat: z.string().nullable(),
  categories: z.array(cachedCategorySchema),
  tags: z.array(cachedTagSchema),
  /** Newest first by date. */
  posts: z.array(cachedPostSchema),
  /** The site has more posts than a refresh keeps: only the newest are here. */
  truncated: z.boolean(),
  /** Posts the user may see in every status, or only published ones (the user may not edit posts). */
  postScope: z.enum(['all', 'published']),
});
export type SiteCache = z.infer<typeof siteCacheSchema>;

export const searchPostsQuerySchema = z.object({
  /** Words of the title (case- and accent-insensitive), a post id, or the post's address. */
  search: z.string().max(500).optional(),
  status: z.union([postStatusSchema, z.array(postStatusSchema)]).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});
export type SearchPostsQuery = z.infer<typeof searchPostsQuerySchema>;

export type RefreshStep = 'terms' | 'posts' | 'thumbnails';

export interface RefreshProgress {
  step: RefreshStep;
  done: number;
  /** Null until the site has said how many there are. */
  total: number | null;
}

/** Case- and accent-insensitive form of a title or query: "İstanbul'da  Ödül" → "istanbul'da odul". */
export const foldForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/ı/g, 'i')
    .toLocaleLowerCase('en')
    .replace(/\s+/g, ' ')
    .trim();
