/**
 * The plain text flags of `pressroom new`, checked against the draft format's limits
 * (shared/release/draft-document.ts) so that a value the draft could not store is a usage error
 * here, not a failure halfway through creating the draft.
 */
import { EXCERPT_MAX_LENGTH, TITLE_MAX_LENGTH } from '../../../shared/release/draft-document.js';
import { directionOf } from '../../../shared/release/migrations.js';
import { isValidSlug, SLUG_MAX_LENGTH, slugFromTitle } from '../../../shared/release/slug.js';
import { usageError } from '../cli-errors.js';

const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;
const MAX_TERM_LENGTH = 200;

export const readTitle = (value: string): string => {
  const title = value.trim();
  if (title === '') throw usageError('--title is empty; give the release a title');
  if (title.length > TITLE_MAX_LENGTH)
    throw usageError(`--title is longer than ${TITLE_MAX_LENGTH} characters`);
  return title;
};

/** The slug given, or one made from the title (transliterated to ASCII, as publishing would). */
export const readSlug = (value: string | undefined, title: string): string => {
  if (value === undefined) return slugFromTitle(title);
  if (!isValidSlug(value)) {
    throw usageError(
      `--slug "${value}" may contain only lowercase letters a-z, digits and single dashes (at most ${SLUG_MAX_LENGTH})`,
    );
  }
  return value;
};

export const readLanguage = (
  value: string | undefined,
  fallback: string,
): { language: string; direction: 'ltr' | 'rtl' } => {
  const language = value ?? fallback;
  if (!LANGUAGE_TAG.test(language)) {
    throw usageError(`--language "${language}" is not a language code such as en, ar, tr or fr`);
  }
  return { language, direction: directionOf(language) };
};

export const readExcerpt = (value: string | undefined): string => {
  const excerpt = (value ?? '').trim();
  if (excerpt.length > EXCERPT_MAX_LENGTH) {
    throw usageError(`--excerpt is longer than ${EXCERPT_MAX_LENGTH} characters`);
  }
  return excerpt;
};

/** Category or tag names: trimmed, not empty, each once, within the format's limits. */
export const readTerms = (flag: string, values: readonly string[], maxCount: number): string[] => {
  const terms: string[] = [];
  for (const value of values) {
    const term = value.trim();
    if (term === '') throw usageError(`${flag} is empty`);
    if (term.length > MAX_TERM_LENGTH)
      throw usageError(`${flag} "${term}" is longer than ${MAX_TERM_LENGTH} characters`);
    if (!terms.includes(term)) terms.push(term);
  }
  if (terms.length > maxCount) throw usageError(`at most ${maxCount} ${flag} values may be given`);
  return terms;
};
