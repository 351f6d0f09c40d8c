/** Every field of a draft as `pressroom show` prints it for a person (`--json` gives the document). */
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { toUtc } from '../../../shared/release/release-date.js';
import { statusOf } from '../../core/catalog/draft-status.js';
import { bodyText } from './body-text.js';

const LABEL_WIDTH = 16;

const field = (label: string, value: string): string => {
  const [first = '', ...rest] = value.split('\n');
  const pad = ' '.repeat(LABEL_WIDTH);
  return [`${`${label}:`.padEnd(LABEL_WIDTH)}${first}`, ...rest.map((line) => pad + line)].join('\n');
};

const orNone = (value: string): string => (value.trim() === '' ? '(none)' : value);

const releaseDate = (document: DraftDocument): string => {
  const { local, timeZone } = document.schedule;
  if (local === null) return `(not set; zone ${timeZone})`;
  const instant = toUtc(local, timeZone);
  return instant.ok ? `${local} ${timeZone} (${instant.utc})` : `${local} ${timeZone} (not a valid time)`;
};

const featuredImage = (document: DraftDocument): string[] => {
  const image = document.featuredImage;
  if (!image) return [field('Featured image', '(none)')];
  return [
    field('Featured image', `${image.file} (${image.width}×${image.height})`),
    field('  SHA-256', image.sha256),
    field('  Alt text', orNone(image.alt)),
    field('  Caption', orNone(image.caption)),
    field('  Credit', orNone(image.credit)),
  ];
};

const relatedPosts = (document: DraftDocument): string => {
  if (!document.relatedPosts.length) return '(none)';
  return document.relatedPosts
    .map((post, index) => `${index + 1}. ${post.title}${post.date ? ` (${post.date})` : ''}\n   ${post.url}`)
    .join('\n');
};

const published = (document: DraftDocument): string => {
  const record = document.publishRecord;
  return record ? `${record.link} on ${record.site}, ${record.publishedAt}` : 'not yet';
};

export const draftText = (document: DraftDocument, folder: string): string =>
  [
    field('Title', orNone(document.title)),
    field('Id', document.id),
    field('Folder', folder),
    field('Status', `${statusOf(document)} (intended: ${document.intendedStatus})`),
    field('Release date', releaseDate(document)),
    field('Dateline city', orNone(document.datelineCity)),
    field('Slug', document.slug === '' ? '(made from the title when published)' : document.slug),
    field('Language', `${document.language} (${document.direction})`),
    ...featuredImage(document),
    field('Excerpt', orNone(document.excerpt)),
    field('Categories', orNone(document.categories.join(', '))),
    field('Tags', orNone(document.tags.join(', '))),
    field('Related posts', relatedPosts(document)),
    field('Target site', document.targetSite ?? '(none)'),
    field('Published', published(document)),
    field('Created', document.createdAt),
    field('Updated', document.updatedAt),
    '',
    orNone(bodyText(document.body)),
    '',
  ].join('\n');
