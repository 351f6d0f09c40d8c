/** One draft as the library list shows it. */
import { type DraftDocument, plainText } from '../../../shared/release/draft-document.js';
import type { DraftSummary } from '../../../shared/release/draft-summary.js';
import { statusOf } from './draft-status.js';

const SNIPPET_LENGTH = 160;

export const summarise = (document: DraftDocument): DraftSummary => ({
  id: document.id,
  title: document.title,
  updatedAt: document.updatedAt,
  releaseDate: document.schedule.local,
  timeZone: document.schedule.timeZone,
  status: statusOf(document),
  snippet: plainText(document.body).replace(/\s+/g, ' ').trim().slice(0, SNIPPET_LENGTH),
  tags: document.tags,
  thumbnail: document.featuredImage?.file ?? null,
});
