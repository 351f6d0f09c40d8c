/**
 * `--related URL=TITLE[@YYYY-MM-DD]`. Web addresses often contain "=" in their query string
 * (`?p=12`) while post titles rarely do, so the title starts after the LAST "=": a URL may contain
 * "=", a title may not. A trailing `@YYYY-MM-DD` is the post's date; any other "@" is part of the title.
 */
import { DateTime } from 'luxon';
import type { RelatedPost } from '../../../shared/release/release-fields.js';
import { usageError } from '../cli-errors.js';

const MAX_RELATED_POSTS = 50;
const MAX_URL_LENGTH = 2048;
const MAX_TITLE_LENGTH = 1000;
const TRAILING_DATE = /^(.*)@(\d{4}-\d{2}-\d{2})$/s;

const isWebAddress = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
};

export const readRelatedPost = (value: string): RelatedPost => {
  const split = value.lastIndexOf('=');
  if (split <= 0) throw usageError(`--related "${value}" must be URL=TITLE or URL=TITLE@YYYY-MM-DD`);
  const url = value.slice(0, split).trim();
  const rest = value.slice(split + 1);
  const dated = TRAILING_DATE.exec(rest);
  const title = (dated ? (dated[1] ?? '') : rest).trim();
  const date = dated?.[2];

  if (!isWebAddress(url) || url.length > MAX_URL_LENGTH) {
    throw usageError(`--related "${value}": "${url}" is not a web address (http or https)`);
  }
  if (title === '') throw usageError(`--related "${value}" has no title after "="`);
  if (title.length > MAX_TITLE_LENGTH) {
    throw usageError(`--related "${value}": the title is longer than ${MAX_TITLE_LENGTH} characters`);
  }
  if (date !== undefined && !DateTime.fromFormat(date, 'yyyy-MM-dd', { zone: 'utc' }).isValid) {
    throw usageError(`--related "${value}": the date ${date} does not exist in the calendar`);
  }
  return date === undefined ? { url, title } : { url, title, date };
};

export const readRelatedPosts = (values: readonly string[]): RelatedPost[] => {
  if (values.length > MAX_RELATED_POSTS) {
    throw usageError(`at most ${MAX_RELATED_POSTS} --related posts may be given`);
  }
  return values.map(readRelatedPost);
};
