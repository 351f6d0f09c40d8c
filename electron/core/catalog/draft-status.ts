/**
 * A draft's status in the library, and the hash that tells "changed since published": the same hash
 * publishing records in `publishRecord.contentHash`, over exactly the fields that go to the site.
 */
import { createHash } from 'node:crypto';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import type { DraftStatus } from '../../../shared/release/draft-summary.js';

/** JSON with sorted keys, so the same content always hashes the same. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

export const publishedContentHash = (document: DraftDocument): string => {
  const image = document.featuredImage;
  return createHash('sha256')
    .update(
      stableJson({
        title: document.title,
        slug: document.slug,
        schedule: document.schedule,
        body: document.body,
        excerpt: document.excerpt,
        categories: document.categories,
        tags: document.tags,
        relatedPosts: document.relatedPosts,
        language: document.language,
        featuredImage: image && {
          sha256: image.sha256,
          alt: image.alt,
          caption: image.caption,
          credit: image.credit,
        },
      }),
    )
    .digest('hex');
};

export const statusOf = (document: DraftDocument): DraftStatus => {
  if (document.publishRecord) {
    return publishedContentHash(document) === document.publishRecord.contentHash ? 'published' : 'changed';
  }
  if (document.intendedStatus === 'schedule' && document.schedule.local !== null) return 'scheduled';
  return 'draft';
};
