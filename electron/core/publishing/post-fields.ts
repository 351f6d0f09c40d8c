/**
 * The WordPress post a release becomes: title, slug, excerpt, status, `date_gmt` from the release's
 * wall time in its own IANA zone (right across DST changes; `date` is never sent, since WordPress
 * lets a site-local `date` override `date_gmt`), featured image, terms, and the body as block markup
 * with the related posts as a section at its end (or in a post meta field, per site).
 */
import { createHash } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/result.js';
import {
  joinBlocks,
  toBlockMarkup,
  type UploadedImage,
} from '../../../shared/publishing/gutenberg-blocks.js';
import { relatedPostsSection } from '../../../shared/publishing/related-posts-section.js';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { toUtc } from '../../../shared/release/release-date.js';
import { slugFromTitle } from '../../../shared/release/slug.js';
import type { Site } from '../../../shared/sites/site.js';

import type { WpStatus } from '../../../shared/publishing/publish-outcome.js';

export { type WpStatus, wpStatuses } from '../../../shared/publishing/publish-outcome.js';

const statusOfIntent: Record<DraftDocument['intendedStatus'], WpStatus> = {
  publish: 'publish',
  schedule: 'future',
  draft: 'draft',
  review: 'pending',
};

/** The related-posts heading in the release's own language (it is content, not interface). */
const RELATED_HEADINGS: Record<string, string> = {
  en: 'Related posts',
  ar: 'أخبار ذات صلة',
  tr: 'İlgili haberler',
  fr: 'Articles liés',
  es: 'Artículos relacionados',
  ru: 'Похожие новости',
};

export const relatedHeading = (language: string): string =>
  RELATED_HEADINGS[language.split('-')[0]?.toLowerCase() ?? 'en'] ?? RELATED_HEADINGS.en!;

export interface PostInputs {
  site: Site;
  status?: WpStatus;
  featuredMediaId: number | null;
  categoryIds: number[];
  tagIds: number[];
  /** Inline images already uploaded, by the draft's asset path. */
  images?: (src: string) => UploadedImage | null;
}

export type PostFields = Record<string, unknown>;

export const releaseSlug = (document: DraftDocument): string =>
  document.slug || slugFromTitle(document.title) || `release-${document.id.slice(0, 8)}`;

export const postFields = (document: DraftDocument, inputs: PostInputs): PostFields => {
  const status = inputs.status ?? statusOfIntent[document.intendedStatus];
  const fields: PostFields = {
    title: document.title,
    slug: releaseSlug(document),
    excerpt: document.excerpt,
    status,
    featured_media: inputs.featuredMediaId ?? 0,
    categories: inputs.categoryIds,
    tags: inputs.tagIds,
  };
  const related = document.relatedPosts;
  const body = toBlockMarkup(document.body, inputs.images ? { images: inputs.images } : {});
  if (inputs.site.relatedPosts.to === 'body') {
    fields.content = joinBlocks(
      body,
      relatedPostsSection(related, {
        heading: relatedHeading(document.language),
        language: document.language,
      }),
    );
  } else {
    fields.content = body;
    fields.meta = { [inputs.site.relatedPosts.key]: JSON.stringify(related) };
  }
  if (document.schedule.local) {
    const instant = toUtc(document.schedule.local, document.schedule.timeZone);
    if (!instant.ok) {
      throw new AppFailure(
        'invalid-request',
        `The release date ${document.schedule.local} does not exist in ${document.schedule.timeZone}; correct it, then publish.`,
      );
    }
    // WordPress wants "YYYY-MM-DDTHH:MM:SS" in UTC, without a zone suffix.
    fields.date_gmt = instant.utc.replace(/Z$/, '').replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/, '$1:00');
  } else if (status === 'future') {
    throw new AppFailure(
      'invalid-request',
      'A scheduled release needs a date and time. Set one, then publish.',
    );
  }
  return fields;
};

/** A hash per field, to send only what changed since the last publish to the same post. */
export const fieldHashes = (fields: PostFields): Record<string, string> =>
  Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      createHash('sha256').update(JSON.stringify(value)).digest('hex'),
    ]),
  );
