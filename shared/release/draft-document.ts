/**
 * The release model: the document stored as `release.json` inside a draft's folder, and the single
 * source of truth for every field (docs/draft-format.md describes it for other tools).
 *
 * `schemaVersion` is the format's major version: a file with a higher one was written by a newer
 * Pressroom and is not opened. Within a major version, fields this build does not know are kept
 * (`.loose()`) and written back on save, so a newer minor version's data is never dropped. Older
 * major versions are brought up to date by `migrations.ts` when read.
 */
import { z } from 'zod';
import {
  featuredImageSchema,
  intendedStatuses,
  publishRecordSchema,
  relatedPostSchema,
  scheduleSchema,
} from './release-fields.js';

export const DRAFT_FORMAT = 'pressroom.release';
export const DRAFT_SCHEMA_VERSION = 2;

/** A TipTap / ProseMirror JSON node. Checked for shape here; the editor schema checks content. */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export const richTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(richTextNodeSchema).optional(),
      marks: z
        .array(
          z.object({
            type: z.string().min(1).max(64),
            attrs: z.record(z.string(), z.unknown()).optional(),
          }),
        )
        .optional(),
      text: z.string().optional(),
    })
    .loose(),
);

export const bodySchema = richTextNodeSchema.refine((node) => node.type === 'doc', {
  message: 'The body must be a document node.',
});

export const emptyBody = (): RichTextNode => ({ type: 'doc', content: [{ type: 'paragraph' }] });

export const draftIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{7,63}$/, 'A draft id is lowercase letters, digits and dashes.');

export const TITLE_MAX_LENGTH = 500;
export const EXCERPT_MAX_LENGTH = 5000;

export const draftDocumentSchema = z
  .object({
    format: z.literal(DRAFT_FORMAT),
    schemaVersion: z.number().int().positive(),
    id: draftIdSchema,
    title: z.string().max(TITLE_MAX_LENGTH),
    /** '' until the user sets one: publishing then derives it from the title. */
    slug: z.string().max(200),
    schedule: scheduleSchema,
    datelineCity: z.string().max(200),
    intendedStatus: z.enum(intendedStatuses),
    featuredImage: featuredImageSchema.nullable(),
    body: bodySchema,
    excerpt: z.string().max(EXCERPT_MAX_LENGTH),
    categories: z.array(z.string().min(1).max(200)).max(100),
    tags: z.array(z.string().min(1).max(200)).max(500),
    relatedPosts: z.array(relatedPostSchema).max(50),
    /** BCP 47 language tag of the release, such as en, ar, tr, fr. */
    language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/),
    direction: z.enum(['ltr', 'rtl']),
    /** Id of the site (from the Sites settings) it is meant for, or null. */
    targetSite: z.string().nullable(),
    publishRecord: publishRecordSchema.nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .loose();

export type DraftDocument = z.infer<typeof draftDocumentSchema>;

/** A draft folder that could not be read, listed with the reason instead of being hidden. */
export const unreadableDraftSchema = z.object({
  folder: z.string(),
  reason: z.string(),
});

export type UnreadableDraft = z.infer<typeof unreadableDraftSchema>;

/** The plain text of a body, for snippets and later for search. */
export const plainText = (node: RichTextNode): string => {
  if (typeof node.text === 'string') return node.text;
  const parts = (node.content ?? []).map(plainText);
  const isBlock = node.type !== 'text' && node.content !== undefined;
  return isBlock ? parts.join(node.type === 'doc' ? '\n' : '') : parts.join('');
};
