/** What the library list shows for one draft, and how the list can be narrowed and ordered. */
import { z } from 'zod';
import { draftIdSchema } from './draft-document.js';

export const draftStatuses = ['draft', 'scheduled', 'published', 'changed'] as const;
export type DraftStatus = (typeof draftStatuses)[number];

export const draftSummarySchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  updatedAt: z.string(),
  /** The release's own wall-clock date ("YYYY-MM-DDTHH:MM") and zone, when set. */
  releaseDate: z.string().nullable(),
  timeZone: z.string(),
  status: z.enum(draftStatuses),
  /** A short plain-text start of the body, for the list. */
  snippet: z.string(),
  tags: z.array(z.string()),
  /** The featured image inside the draft (assets/…), for a thumbnail, or null. */
  thumbnail: z.string().nullable(),
  /** A publish waiting in the outbox, or one that failed there and needs the user. */
  outbox: z
    .object({ state: z.enum(['queued', 'sending', 'waiting', 'failed']), message: z.string().nullable() })
    .optional(),
});

export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const libraryQuerySchema = z
  .object({
    search: z.string().max(200).optional(),
    status: z.enum(draftStatuses).optional(),
    sort: z.enum(['edited', 'date', 'title']).optional(),
  })
  .strict();

export type LibraryQuery = z.infer<typeof libraryQuerySchema>;
