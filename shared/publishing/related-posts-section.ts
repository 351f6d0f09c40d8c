/**
 * The related posts at the end of a published release, as block markup: a heading, then a list whose
 * items are each post's thumbnail, linked title and date (the site's own related-posts layout, see
 * tests/fixtures/samples). Only core blocks and the formats Gutenberg's rich text writes itself, so
 * staff can still edit the section on the site. The publisher appends it after the body:
 * `joinBlocks(toBlockMarkup(body, …), relatedPostsSection(posts, …))`.
 */
import { DateTime } from 'luxon';
import type { RelatedPost } from '../release/release-fields.js';
import {
  escapeAttribute,
  escapeText,
  headingBlock,
  isWebUrl,
  joinBlocks,
  listBlock,
  listItemBlock,
} from './gutenberg-blocks.js';

export interface RelatedPostsOptions {
  /** The section's heading, already in the release's language ("Related posts"); '' for none. */
  heading: string;
  /** BCP 47 language of the release, for the default date format. Default: en. */
  language?: string;
  /** The date as shown, from the post's "YYYY-MM-DD". Default: luxon's full date in `language`. */
  formatDate?: (date: string, post: RelatedPost) => string;
  /** The thumbnail to show, or null for none. Default: the post's `thumbnailUrl`. */
  thumbnails?: (post: RelatedPost) => string | null;
}

/**
 * Gutenberg's inline images are at most 150px wide (its own insert sets that width), which is also
 * WordPress's thumbnail size: small beside the title, as on the site.
 */
export const THUMBNAIL_WIDTH = 150;

/** "2023-07-12" → "July 12, 2023" (en), "12 juillet 2023" (fr); the calendar date, no time zone. */
export const formatRelatedPostDate = (date: string, language = 'en'): string | null => {
  const day = DateTime.fromISO(date, { zone: 'utc', locale: language });
  return day.isValid ? day.toLocaleString(DateTime.DATE_FULL) : null;
};

const itemHtml = (post: RelatedPost, options: RelatedPostsOptions): string | null => {
  const url = post.url.trim();
  const title = post.title.trim();
  // Preflight blocks publishing with these; a post without either is not worth a broken item.
  if (!title || !isWebUrl(url)) return null;

  const thumbnail = options.thumbnails ? options.thumbnails(post) : (post.thumbnailUrl ?? null);
  // alt="" because the title right beside it already says what it is, and outside the link so the
  // link's name is the title alone. Written as Gutenberg's inline image format writes it.
  const image =
    thumbnail && isWebUrl(thumbnail)
      ? `<img style="width: ${THUMBNAIL_WIDTH}px;" src="${escapeAttribute(thumbnail)}" alt=""> `
      : '';

  const shownDate = post.date
    ? options.formatDate
      ? options.formatDate(post.date, post)
      : formatRelatedPostDate(post.date, options.language)
    : null;
  const date = shownDate?.trim() ? `<br>${escapeText(shownDate.trim())}` : '';

  return `${image}<a href="${escapeAttribute(url)}">${escapeText(title)}</a>${date}`;
};

/**
 * The related posts section, in the order given (the site shows newest first; the caller sorts).
 * Posts without a title or a web address are left out; with none left, the result is '' and no
 * heading is published alone.
 */
export const relatedPostsSection = (posts: readonly RelatedPost[], options: RelatedPostsOptions): string => {
  const items = posts.flatMap((post) => {
    const html = itemHtml(post, options);
    return html === null ? [] : [listItemBlock(html)];
  });
  if (!items.length) return '';
  const heading = options.heading.trim() ? headingBlock(2, escapeText(options.heading.trim())) : '';
  return joinBlocks(heading, listBlock(items));
};
