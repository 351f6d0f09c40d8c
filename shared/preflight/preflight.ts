/**
 * Preflight: everything wrong with a release before it goes out, each problem with a stable code,
 * a severity, the field it concerns and a plain English message (the renderer translates by code:
 * `preflight.<code>`). Pure: the editor shows it, the CLI's `check` uses it, publishing stops on it.
 *
 * Severities, as a careful editor would set them: what makes the post wrong or broken on the site
 * blocks (no title, no or impossible date when it is to go out, no featured image, an image without
 * alt text, unsafe links, broken related posts); what makes it worse but still correct warns.
 */
import { type DraftDocument, plainText, type RichTextNode } from '../release/draft-document.js';
import { toUtc } from '../release/release-date.js';
import { isValidSlug } from '../release/slug.js';
import { looksLikeFileName } from './looks-like-file-name.js';

export const preflightCodes = [
  'title-missing',
  'title-too-long',
  'date-missing',
  'date-invalid',
  'date-ambiguous',
  'date-in-past',
  'featured-image-missing',
  'alt-text-missing',
  'alt-text-looks-like-file-name',
  'link-not-allowed',
  'related-post-title-missing',
  'related-post-url-invalid',
  'excerpt-too-long',
  'slug-invalid',
  'body-empty',
] as const;

export type PreflightCode = (typeof preflightCodes)[number];
export type Severity = 'blocking' | 'warning';

export interface PreflightProblem {
  code: PreflightCode;
  severity: Severity;
  /** The field concerned, as a path: `title`, `featuredImage.alt`, `relatedPosts.2.url`, `body`. */
  field: string;
  message: string;
  params?: Record<string, string>;
}

/** Search engines and social cards cut titles around 60–70 characters; past this it reads badly. */
export const TITLE_WARNING_LENGTH = 120;
/** WordPress shows excerpts in lists and feeds; past this they are cut mid-sentence. */
export const EXCERPT_WARNING_LENGTH = 400;

const ALLOWED_LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const isAbsoluteWebUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
};

const linksIn = (node: RichTextNode): string[] => [
  ...(node.marks ?? [])
    .filter((mark) => mark.type === 'link' && typeof mark.attrs?.href === 'string')
    .map((mark) => mark.attrs?.href as string),
  ...(node.content ?? []).flatMap(linksIn),
];

const linkAllowed = (href: string): boolean => {
  try {
    return ALLOWED_LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false; // relative or malformed: it would point nowhere on the site
  }
};

export const preflight = (document: DraftDocument, context: { now: Date }): PreflightProblem[] => {
  const problems: PreflightProblem[] = [];
  const add = (
    code: PreflightCode,
    severity: Severity,
    field: string,
    message: string,
    params?: Record<string, string>,
  ) =>
    problems.push(params ? { code, severity, field, message, params } : { code, severity, field, message });

  const title = document.title.trim();
  if (!title) add('title-missing', 'blocking', 'title', 'The release has no title. Add one.');
  else if (title.length > TITLE_WARNING_LENGTH) {
    add(
      'title-too-long',
      'warning',
      'title',
      `The title is ${title.length} characters long; shorter titles read better in search results and shares (under ${TITLE_WARNING_LENGTH}).`,
      { length: String(title.length) },
    );
  }
  if (document.slug !== '' && !isValidSlug(document.slug)) {
    add(
      'slug-invalid',
      'blocking',
      'slug',
      'The slug may contain only lowercase letters a–z, digits and single dashes.',
    );
  }

  const goesOut = document.intendedStatus === 'publish' || document.intendedStatus === 'schedule';
  const { local, timeZone } = document.schedule;
  if (local === null) {
    if (goesOut)
      add(
        'date-missing',
        'blocking',
        'schedule.local',
        'The release has no date. Set the date and time it goes out.',
      );
  } else {
    const instant = toUtc(local, timeZone);
    if (!instant.ok) {
      const why = {
        'bad-format': 'is not a date and time',
        'unknown-zone': `uses a time zone Pressroom does not know (${timeZone})`,
        'no-such-date': 'does not exist in the calendar',
        'skipped-by-dst': `does not exist in ${timeZone}: the clocks skip it when daylight saving time starts`,
      }[instant.reason];
      add('date-invalid', 'blocking', 'schedule.local', `The date ${local} ${why}. Choose another time.`, {
        local,
        timeZone,
      });
    } else {
      if (instant.ambiguous) {
        add(
          'date-ambiguous',
          'warning',
          'schedule.local',
          `${local} happens twice in ${timeZone} when the clocks go back; Pressroom uses the first.`,
          { local, timeZone },
        );
      }
      if (document.intendedStatus === 'schedule' && Date.parse(instant.utc) <= context.now.getTime()) {
        add(
          'date-in-past',
          'blocking',
          'schedule.local',
          `The release is scheduled for ${local}, which has already passed. Choose a later time or publish now.`,
          { local },
        );
      }
    }
  }

  const image = document.featuredImage;
  if (!image)
    add(
      'featured-image-missing',
      'blocking',
      'featuredImage',
      'The release has no featured image. Add one: the site shows it at the top and in lists.',
    );
  else if (!image.alt.trim()) {
    add(
      'alt-text-missing',
      'blocking',
      'featuredImage.alt',
      'The featured image has no alt text. Describe what it shows for readers who cannot see it.',
    );
  } else if (looksLikeFileName(image.alt)) {
    add(
      'alt-text-looks-like-file-name',
      'warning',
      'featuredImage.alt',
      `The alt text “${image.alt}” looks like a file name. Describe what the image shows instead.`,
      { alt: image.alt },
    );
  }

  if (!plainText(document.body).trim()) add('body-empty', 'blocking', 'body', 'The release has no text yet.');
  for (const href of linksIn(document.body)) {
    if (!linkAllowed(href)) {
      add(
        'link-not-allowed',
        'blocking',
        'body',
        `The link “${href}” is not a web or e-mail address (http, https or mailto). Fix or remove it.`,
        { href },
      );
    }
  }

  document.relatedPosts.forEach((post, index) => {
    const field = `relatedPosts.${index}`;
    if (!post.title.trim())
      add(
        'related-post-title-missing',
        'blocking',
        `${field}.title`,
        `Related post ${index + 1} has no title.`,
        { index: String(index + 1) },
      );
    if (!isAbsoluteWebUrl(post.url)) {
      add(
        'related-post-url-invalid',
        'blocking',
        `${field}.url`,
        `Related post ${index + 1} has an address that is not a web address: “${post.url}”.`,
        { index: String(index + 1), url: post.url },
      );
    }
  });

  if (document.excerpt.length > EXCERPT_WARNING_LENGTH) {
    add(
      'excerpt-too-long',
      'warning',
      'excerpt',
      `The excerpt is ${document.excerpt.length} characters; lists and feeds cut it after about ${EXCERPT_WARNING_LENGTH}.`,
      { length: String(document.excerpt.length) },
    );
  }

  // Blocking problems first; within a severity, in the order the fields appear in the editor.
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
};

export const hasBlockingProblems = (problems: readonly PreflightProblem[]): boolean =>
  problems.some((problem) => problem.severity === 'blocking');
