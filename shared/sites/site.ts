/** A WordPress site Pressroom publishes to, as stored in settings (never with its password). */
import { z } from 'zod';

export const siteIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** The site's address as typed, reduced to its root: https://news.example.org (no trailing slash). */
export const normaliseSiteUrl = (typed: string): string | null => {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed.trim()) ? typed.trim() : `https://${typed.trim()}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || url.search || url.hash) return null;
    const path = url.pathname.replace(/\/(wp-admin|wp-json|wp-login\.php)(\/.*)?$/, '').replace(/\/+$/, '');
    return `${url.protocol}//${url.host}${path}`;
  } catch {
    return null;
  }
};

export const siteSchema = z
  .object({
    id: siteIdSchema,
    /** What the user calls it: "Newsroom", "Arabic site". */
    name: z.string().trim().min(1).max(100),
    url: z.string().refine((value) => normaliseSiteUrl(value) === value, 'not a normalised site address'),
    user: z.string().trim().min(1).max(200),
    /** Where related posts go: a block section at the end of the body, or a named post meta field. */
    relatedPosts: z
      .discriminatedUnion('to', [
        z.object({ to: z.literal('body') }),
        z.object({ to: z.literal('meta'), key: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }),
      ])
      .default({ to: 'body' }),
    /** Longest image edge sent to the site, in pixels. */
    maxImageEdge: z.number().int().min(320).max(10_000).default(2560),
    addedAt: z.string(),
  })
  .loose();

export type Site = z.infer<typeof siteSchema>;

/** What "Test connection" found. */
export const siteCheckSchema = z.object({
  ok: z.boolean(),
  /** The site's own title, time zone and date format, when it answered. */
  title: z.string().nullable(),
  timeZone: z.string().nullable(),
  dateFormat: z.string().nullable(),
  /** Signed in as this user, with what they may do. */
  canPublish: z.boolean(),
  canUpload: z.boolean(),
  /** Plain http: passwords travel readable by anyone on the network. */
  insecure: z.boolean(),
  /** The first problem found, when not ok. */
  problem: z.string().nullable(),
  message: z.string().nullable(),
});

export type SiteCheck = z.infer<typeof siteCheckSchema>;
