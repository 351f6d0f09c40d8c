/**
 * URL slugs from titles in any of the organisation's languages, transliterated to ASCII
 * (`@sindresorhus/slugify`), because WordPress would otherwise percent-encode an Arabic title into a
 * long unreadable slug.
 */
import slugify from '@sindresorhus/slugify';

/** WordPress stores at most 200 characters of slug. */
export const SLUG_MAX_LENGTH = 200;

// The library's default transliteration is German-flavoured (ö → oe); for the Turkish and French
// titles this organisation writes, the plain letter is what readers expect.
const replacements: [string, string][] = [
  ['ö', 'o'],
  ['Ö', 'O'],
  ['ü', 'u'],
  ['Ü', 'U'],
  ['İ', 'I'],
  ['ı', 'i'],
  ['’', ''],
  ["'", ''],
];

/** A slug for `title`, or '' when nothing of the title can be written in ASCII (say, only emoji). */
export const slugFromTitle = (title: string): string => {
  const slug = slugify(title, { customReplacements: replacements, decamelize: false });
  if (slug.length <= SLUG_MAX_LENGTH) return slug;
  const cut = slug.slice(0, SLUG_MAX_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > SLUG_MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut;
};

/** What a user may type as a slug: lowercase ASCII letters, digits and single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isValidSlug = (slug: string): boolean => slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug);
