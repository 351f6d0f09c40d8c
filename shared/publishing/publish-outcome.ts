/** What a publish run reports while it works and when it ends, as it crosses to the renderer. */
import { z } from 'zod';

export const publishProgressSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('preflight') }),
  z.object({ step: z.literal('images'), done: z.number().int(), total: z.number().int() }),
  z.object({ step: z.literal('uploading'), sent: z.number(), total: z.number() }),
  z.object({ step: z.literal('terms') }),
  z.object({ step: z.literal('post'), action: z.enum(['creating', 'updating']) }),
  z.object({ step: z.literal('done') }),
]);

export type PublishProgress = z.infer<typeof publishProgressSchema>;

export const preflightProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['blocking', 'warning']),
  field: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.string()).optional(),
});

export const publishOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    remoteId: z.number().int(),
    link: z.string(),
    status: z.string(),
    site: z.string(),
    bytesSent: z.number(),
  }),
  z.object({ kind: z.literal('preflight'), problems: z.array(preflightProblemSchema) }),
  z.object({
    kind: z.literal('conflict'),
    remoteId: z.number().int(),
    link: z.string(),
    remoteModifiedGmt: z.string(),
  }),
  z.object({ kind: z.literal('deleted'), remoteId: z.number().int() }),
  /**
   * The site could not be reached: the release waits in the outbox and goes when it answers again.
   * `message` says why it could not be reached, in plain words.
   */
  z.object({ kind: z.literal('queued'), itemId: z.string(), message: z.string() }),
]);

export type PublishOutcome = z.infer<typeof publishOutcomeSchema>;

/** The WordPress statuses a release can be sent with. */
export const wpStatuses = ['publish', 'future', 'draft', 'pending'] as const;
export type WpStatus = (typeof wpStatuses)[number];
