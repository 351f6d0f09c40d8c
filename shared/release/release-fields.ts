/**
 * The parts of a release beyond its title and body: when it goes out, its featured image, related
 * posts, and the record of where it was published. Values a user is still typing (a related post
 * without a title, an unusual URL) are allowed here and reported by preflight, so that a draft can
 * always be saved half-written.
 */
import { z } from 'zod';

export const intendedStatuses = ['publish', 'schedule', 'draft', 'review'] as const;
export type IntendedStatus = (typeof intendedStatuses)[number];

/** A file inside the draft's own `assets/` folder: one plain name, never a path that leaves it. */
export const assetPathSchema = z
  .string()
  .regex(/^assets\/[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/, 'An asset is a file directly inside assets/.');

export const isSafeAssetPath = (value: unknown): boolean => assetPathSchema.safeParse(value).success;

export const scheduleSchema = z.object({
  /** Wall-clock "YYYY-MM-DDTHH:MM" in `timeZone`, or null while no date is set. */
  local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .nullable(),
  /** IANA zone name, such as Europe/Istanbul. */
  timeZone: z.string().min(1).max(64),
});

export const featuredImageSchema = z.object({
  file: assetPathSchema,
  alt: z.string().max(1000),
  caption: z.string().max(2000),
  credit: z.string().max(500),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Hash of the file's bytes: lets publishing reuse an upload and detect a changed image. */
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
});

export const relatedPostSchema = z.object({
  url: z.string().max(2048),
  title: z.string().max(1000),
  /** "YYYY-MM-DD" as the site shows it. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  thumbnailUrl: z.string().max(2048).optional(),
  remoteId: z.number().int().positive().optional(),
});

export const publishRecordSchema = z.object({
  site: z.string().min(1),
  remoteId: z.number().int().positive(),
  link: z.string(),
  remoteModifiedGmt: z.string(),
  /** Hash of exactly what was sent, to tell "changed since published". */
  contentHash: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
});

export type Schedule = z.infer<typeof scheduleSchema>;
export type FeaturedImage = z.infer<typeof featuredImageSchema>;
export type RelatedPost = z.infer<typeof relatedPostSchema>;
export type PublishRecord = z.infer<typeof publishRecordSchema>;
