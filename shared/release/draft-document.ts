/**
 * The draft document as it is stored in `release.json` inside a draft's folder.
 *
 * This is the first cut of the release model: identity, title and body. The schema is versioned from
 * day one and keeps fields it does not know (`.loose()`), so a file written by a newer minor version
 * of Pressroom survives being opened and saved by this one. Later issues add the date, zone, images,
 * related posts and the publish record as new optional fields, which needs no format break.
 */
import { z } from 'zod';

export const DRAFT_FORMAT = 'pressroom.release';
export const DRAFT_SCHEMA_VERSION = 1;

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

export const draftDocumentSchema = z
  .object({
    format: z.literal(DRAFT_FORMAT),
    schemaVersion: z.number().int().positive(),
    id: draftIdSchema,
    title: z.string().max(TITLE_MAX_LENGTH),
    body: bodySchema,
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .loose();

export type DraftDocument = z.infer<typeof draftDocumentSchema>;

/** What the library list shows for one draft. */
export const draftSummarySchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  updatedAt: z.string(),
  /** A short plain-text start of the body, for the list. */
  snippet: z.string(),
});

export type DraftSummary = z.infer<typeof draftSummarySchema>;

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
