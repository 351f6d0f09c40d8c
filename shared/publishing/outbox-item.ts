/** A release waiting in the outbox, as the renderer shows it. */
import { z } from 'zod';

export const outboxItemViewSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  draftTitle: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  state: z.enum(['queued', 'sending', 'waiting', 'sent', 'failed', 'cancelled']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  failureReason: z.enum(['conflict', 'deleted', 'preflight', 'other']).optional(),
  result: z.object({ remoteId: z.number().int(), link: z.string() }).optional(),
});

export type OutboxItemView = z.infer<typeof outboxItemViewSchema>;
