/**
 * Reading back what a site holds, for pull-post.ts: the related-posts section Pressroom wrote at the
 * end of a post's content (related-posts-section.ts), the site's time zone, and the featured image's
 * file. Each reader accepts only what it can recognise for sure: anything else stays where it was
 * (a section someone rewrote on the site stays in the body) rather than being guessed at.
 */
import { parseHTML } from 'linkedom';
import { DateTime, IANAZone } from 'luxon';
import type { Metadata } from 'sharp';
import { AppFailure } from '../../../shared/contract/result.js';
import { isWebUrl } from '../../../shared/publishing/gutenberg-blocks.js';
import { formatRelatedPostDate } from '../../../shared/publishing/related-posts-section.js';
import type { RelatedPost } from '../../../shared/release/release-fields.js';
import { relatedHeading } from './post-fields.js';
import { webImageExtension } from '../images/image-extension.js';

// ---------------------------------------------------------------------------------------------
// The site's time zone
// ---------------------------------------------------------------------------------------------

export interface RestIndex {
  timezone_string?: string;
  gmt_offset?: number | string;
}

/**
 * The zone the site shows dates in: its named zone, else its fixed offset as an Etc/GMT zone (whose
 * sign is inverted: +3 is Etc/GMT-3), else UTC for an offset no IANA zone has (India's +5:30 set as
 * a bare offset): a wall time in UTC is still the right instant.
 */
export const siteTimeZone = (index: RestIndex): string => {
  if (index.timezone_string && IANAZone.isValidZone(index.timezone_string)) return index.timezone_string;
  const hours = Number(index.gmt_offset);
  if (!Number.isInteger(hours) || hours === 0 || Math.abs(hours) > 14) return 'UTC';
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
};

// ---------------------------------------------------------------------------------------------
// The related-posts section
// ---------------------------------------------------------------------------------------------

/**
 * The languages whose related-posts heading post-fields.ts knows; any other language is published
 * with the English one. The heading is how a pulled post's language is recognised, so it is tried in
 * every one of them.
 */
const HEADING_LANGUAGES = ['en', 'ar', 'tr', 'fr', 'es', 'ru'];

// A heading block then a list block, and nothing after them but white space. Attributes are
// allowed on both, since a newer block editor adds a class when staff open the post on the site.
const SECTION =
  /^<!-- wp:heading(?: \{[^]*?\})? -->\s*<h([1-6])(?:\s[^>]*)?>([^]*?)<\/h\1>\s*<!-- \/wp:heading -->\s*<!-- wp:list(?: \{[^]*?\})? -->\s*<ul(?:\s[^>]*)?>([^]*?)<\/ul>\s*<!-- \/wp:list -->\s*$/;

export interface SplitContent {
  /** The content before the section: the release's own text. */
  body: string;
  relatedPosts: RelatedPost[];
  /** The language whose heading the section has, or null when there is no section. */
  language: string | null;
}

/** The little of the DOM read here (electron/ is compiled without the DOM's types). */
interface DomNode {
  textContent: string | null;
  nextSibling: DomNode | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & { length: number };
}

const textOf = (html: string): string => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
};

/** "November 1, 2023" back to "2023-11-01", only when formatting that date gives the same text. */
const parseShownDate = (shown: string, language: string): string | undefined => {
  const day = DateTime.fromFormat(shown, 'DDD', { zone: 'utc', locale: language });
  const iso = day.isValid ? day.toISODate() : null;
  return iso && formatRelatedPostDate(iso, language) === shown ? iso : undefined;
};

/** One `<li>`: an optional thumbnail, exactly one link, and an optional date after a line break. */
const itemOf = (item: DomElement, language: string): RelatedPost | null => {
  const links = [...item.querySelectorAll('a')];
  const link = links[0];
  if (links.length !== 1 || !link || item.querySelector('ul, ol')) return null;
  const url = (link.getAttribute('href') ?? '').trim();
  const title = (link.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!isWebUrl(url) || !title) return null;
  const post: RelatedPost = { url, title };
  const thumbnail = item.querySelector('img')?.getAttribute('src')?.trim();
  if (thumbnail && isWebUrl(thumbnail)) post.thumbnailUrl = thumbnail;
  const lineBreak = item.querySelector('br');
  let after = '';
  for (let node = lineBreak?.nextSibling ?? null; node; node = node.nextSibling)
    after += node.textContent ?? '';
  const shown = after.replace(/\s+/g, ' ').trim();
  const date = shown ? parseShownDate(shown, language) : undefined;
  if (date) post.date = date;
  return post;
};

/**
 * Splits a post's content into the release's text and the related-posts section at its end. The
 * section is recognised by its heading (Pressroom's own, in one of its languages) and by a list in
 * which every item is one linked title; otherwise the content is all body.
 */
export const splitRelatedSection = (content: string): SplitContent => {
  const whole: SplitContent = { body: content, relatedPosts: [], language: null };
  const start = content.lastIndexOf('<!-- wp:heading');
  if (start < 0) return whole;
  const match = SECTION.exec(content.slice(start));
  if (!match) return whole;
  const heading = textOf(match[2] ?? '');
  const language = HEADING_LANGUAGES.find((candidate) => relatedHeading(candidate) === heading);
  if (!language) return whole;
  const { document } = parseHTML(`<!doctype html><html><body><ul>${match[3] ?? ''}</ul></body></html>`);
  const list: DomElement = document.body;
  const items = [...list.querySelectorAll('body > ul > li')];
  const relatedPosts = items.map((item) => itemOf(item, language));
  if (items.length === 0 || relatedPosts.some((post) => post === null)) return whole;
  return {
    body: content.slice(0, start),
    relatedPosts: relatedPosts.filter((post): post is RelatedPost => post !== null),
    language,
  };
};

// ---------------------------------------------------------------------------------------------
// The featured image's file
// ---------------------------------------------------------------------------------------------

export interface DownloadedImage {
  bytes: Buffer;
  extension: string;
  /** As readers see it, after EXIF rotation. */
  width: number;
  height: number;
}

const MAX_DOWNLOAD_MS = 120_000;

const refused = (message: string) => new AppFailure('invalid-request', message);

/** Reads a response body, stopping as soon as it passes `maxBytes` (a header can lie or be absent). */
const readCapped = async (response: Response, maxBytes: number): Promise<Buffer> => {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw refused(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw refused(`it is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
};

/**
 * The image file at `url`, checked with sharp: a picture the web can show that decodes in full. The
 * request carries no credentials: media files are public, and may live on another host (a CDN)
 * that must never see the site's password.
 */
export const downloadImage = async (
  url: string,
  options: { maxBytes: number; signal?: AbortSignal; fetch?: typeof fetch },
): Promise<DownloadedImage> => {
  if (!isWebUrl(url)) throw refused('its address is not a web address');
  const deadline = AbortSignal.timeout(MAX_DOWNLOAD_MS);
  let bytes: Buffer;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      redirect: 'follow',
      signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline,
    });
    if (!response.ok) throw refused(`the site answered ${response.status} for its file`);
    bytes = await readCapped(response, options.maxBytes);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw refused(
      `its file could not be downloaded (${error instanceof Error ? error.message : 'no answer'})`,
    );
  }
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
    // A header can be fine while the picture is cut off: decode a small copy to be sure.
    await sharp(bytes, { failOn: 'error' }).resize(32, 32, { fit: 'inside' }).toBuffer();
  } catch {
    throw refused('its file is not an image Pressroom can read');
  }
  const extension = webImageExtension(metadata);
  if (!extension) throw refused(`its file is a ${metadata.format} image, which Pressroom does not use`);
  return { bytes, extension, width: metadata.autoOrient.width, height: metadata.autoOrient.height };
};

/** A media item's caption and description as plain text (WordPress keeps them as HTML). */
export const htmlToPlainText = (html: string): string =>
  html.includes('<') || html.includes('&') ? textOf(html) : html.trim();

/**
 * The caption and credit of an image Pressroom uploaded: it writes "caption — credit" as the
 * caption and the credit alone as the description (media-upload.ts), so a caption ending in the
 * description is split back. Any other caption is kept whole, without a credit.
 */
export const captionAndCredit = (
  caption: string,
  description: string,
): { caption: string; credit: string } => {
  if (description && caption === description) return { caption: '', credit: description };
  if (description && caption.endsWith(` — ${description}`)) {
    return { caption: caption.slice(0, -` — ${description}`.length), credit: description };
  }
  return { caption, credit: '' };
};
