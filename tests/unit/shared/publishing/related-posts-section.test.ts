/**
 * The related posts section appended to a published release, and the sample release (a real post of
 * the site, tests/fixtures/samples) published end to end: body and related posts as block markup,
 * read back as the text the site shows.
 */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { joinBlocks, toBlockMarkup } from '../../../../shared/publishing/gutenberg-blocks.js';
import {
  formatRelatedPostDate,
  relatedPostsSection,
} from '../../../../shared/publishing/related-posts-section.js';
import type { RelatedPost } from '../../../../shared/release/release-fields.js';
import { slugFromTitle } from '../../../../shared/release/slug.js';
import { editorDoc, p, readBlocks, text } from './block-markup-helpers.js';

const item = (html: string) => `<!-- wp:list-item -->\n<li>${html}</li>\n<!-- /wp:list-item -->`;

const visit: RelatedPost = {
  url: 'https://iifso.org/2023/11/01/youth-impact-visit/',
  title: 'The IIFSO’s office received a gracious visit from the "Youth Impact" Foundation',
  date: '2023-11-01',
  thumbnailUrl: 'https://iifso.org/wp-content/uploads/2023/11/photo-150x150.jpg',
};
const meeting: RelatedPost = {
  url: 'https://iifso.org/2023/09/08/international-students/',
  title: 'Meeting with International Students at the IIFSO central office in Istanbul',
};

describe('the related posts section', () => {
  it('is a heading, then a list of thumbnail, linked title and date', () => {
    const markup = relatedPostsSection([visit, meeting], { heading: 'Related posts' });
    expect(markup).toBe(
      [
        '<!-- wp:heading -->\n<h2>Related posts</h2>\n<!-- /wp:heading -->',
        '',
        '<!-- wp:list -->',
        `<ul>${item(
          '<img style="width: 150px;" src="https://iifso.org/wp-content/uploads/2023/11/photo-150x150.jpg" alt=""> ' +
            '<a href="https://iifso.org/2023/11/01/youth-impact-visit/">' +
            'The IIFSO’s office received a gracious visit from the "Youth Impact" Foundation</a><br>November 1, 2023',
        )}`,
        '',
        `${item(
          '<a href="https://iifso.org/2023/09/08/international-students/">' +
            'Meeting with International Students at the IIFSO central office in Istanbul</a>',
        )}</ul>`,
        '<!-- /wp:list -->',
      ].join('\n'),
    );
    expect(readBlocks(markup).map(({ name, depth }) => `${depth}:${name}`)).toEqual([
      '0:heading',
      '0:list',
      '1:list-item',
      '1:list-item',
    ]);
  });

  it('formats dates in the release’s language by default, or with the caller’s formatter', () => {
    expect(relatedPostsSection([visit], { heading: 'Articles liés', language: 'fr' })).toContain(
      '</a><br>1 novembre 2023</li>',
    );
    expect(relatedPostsSection([visit], { heading: 'İlgili', language: 'tr' })).toContain(
      '</a><br>1 Kasım 2023</li>',
    );
    const formatDate = (date: string) => `on ${date}`;
    expect(relatedPostsSection([visit], { heading: 'Related', formatDate })).toContain(
      '</a><br>on 2023-11-01</li>',
    );
  });

  it('lets the caller choose the thumbnail, and shows none that is not a web address', () => {
    const thumbnails = (post: RelatedPost) => (post === visit ? 'https://cdn.iifso.org/t/visit.webp' : null);
    const chosen = relatedPostsSection([visit, meeting], { heading: 'Related', thumbnails });
    expect(chosen).toContain('<img style="width: 150px;" src="https://cdn.iifso.org/t/visit.webp" alt="">');
    expect(chosen.match(/<img/g)).toHaveLength(1);
    const local = { ...visit, thumbnailUrl: 'file:///C:/Users/staff/photo.jpg' };
    expect(relatedPostsSection([local], { heading: 'Related' })).not.toContain('<img');
  });

  it('escapes titles and addresses', () => {
    const post = { url: 'https://iifso.org/?p=1&lang="ar"', title: '<b>Bold</b> & co' };
    expect(relatedPostsSection([post], { heading: 'A & B' })).toContain('<h2>A &amp; B</h2>');
    expect(relatedPostsSection([post], { heading: 'A & B' })).toContain(
      '<li><a href="https://iifso.org/?p=1&amp;lang=&quot;ar&quot;">&lt;b>Bold&lt;/b> &amp; co</a></li>',
    );
  });

  it('leaves out posts without a title or a web address, and the whole section when none is left', () => {
    const broken: RelatedPost[] = [
      { url: 'javascript:alert(1)', title: 'Unsafe' },
      { url: 'iifso.org/no-scheme', title: 'Relative' },
      { url: 'https://iifso.org/untitled/', title: '  ' },
    ];
    expect(relatedPostsSection(broken, { heading: 'Related posts' })).toBe('');
    expect(
      relatedPostsSection([...broken, meeting], { heading: 'Related posts' }).match(/<li>/g),
    ).toHaveLength(1);
  });

  it('has no heading when given none', () => {
    expect(readBlocks(relatedPostsSection([meeting], { heading: '' })).map((block) => block.name)).toEqual([
      'list',
      'list-item',
    ]);
  });

  it('formats an Arabic release’s dates in Arabic', () => {
    expect(formatRelatedPostDate('2023-11-01', 'ar')).toContain('نوفمبر');
    expect(formatRelatedPostDate('2023-02-30', 'en')).toBeNull();
  });
});

describe('the sample release, published', () => {
  // As the site's page reads (see ../shared/samples/README.md): title, featured image alt and title,
  // date, body paragraphs, "Leave A Comment", then related posts as (thumbnail alt, title, date).
  const lines = readFileSync(
    new URL('../../../fixtures/samples/release-2023-07-12-orema-jdp.txt', import.meta.url),
    'utf8',
  ).split(/\r?\n/);
  const comment = lines.indexOf('Leave A Comment');
  const bodyLines = lines.slice(4, comment).filter((line) => line.trim());
  const relatedLines = lines.slice(comment + 1).filter((line) => line.trim());
  const shown = Array.from({ length: relatedLines.length / 3 }, (_, index) => ({
    thumbnailAlt: relatedLines[index * 3] ?? '',
    title: relatedLines[index * 3 + 1] ?? '',
    date: relatedLines[index * 3 + 2] ?? '',
  }));
  const relatedPosts: RelatedPost[] = shown.map(({ title, date }) => {
    const day = DateTime.fromFormat(date, 'LLLL d, yyyy', { locale: 'en' });
    return {
      url: `https://iifso.org/${day.toFormat('yyyy/MM/dd')}/${slugFromTitle(title)}/`,
      title,
      date: day.toISODate() ?? '',
      thumbnailUrl: `https://iifso.org/wp-content/uploads/${day.toFormat('yyyy/MM')}/thumbnail-150x150.jpg`,
    };
  });

  const body = editorDoc(...bodyLines.map((line) => p(text(line))), p());
  const published = joinBlocks(
    toBlockMarkup(body),
    relatedPostsSection(relatedPosts, { heading: 'Related posts', language: 'en' }),
  );

  it('reads the sample as three paragraphs and six related posts', () => {
    expect(bodyLines).toHaveLength(3);
    expect(shown).toHaveLength(6);
  });

  it('publishes the body as paragraph blocks whose text is what the site shows', () => {
    const paragraphs = [
      ...toBlockMarkup(body).matchAll(/<!-- wp:paragraph -->\n<p>(.*)<\/p>\n<!-- \/wp:paragraph -->/g),
    ];
    expect(paragraphs.map((match) => match[1])).toEqual(bodyLines);
    // The typographic apostrophes stay as typed.
    expect(published).toContain('the organization’s commitment');
  });

  it('publishes the related posts with the titles and dates the site shows, newest first', () => {
    const items = [...published.matchAll(/<li>(.*?)<\/li>/g)].map((match) =>
      (match[1] ?? '')
        .replace(/<br>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .trim(),
    );
    expect(items).toEqual(shown.map(({ title, date }) => `${title}\n${date}`));
  });

  it('does not publish the file names staff left as thumbnail alt text', () => {
    for (const { thumbnailAlt } of shown) expect(published).not.toContain(thumbnailAlt);
    expect(published.match(/alt=""/g)).toHaveLength(6);
  });

  it('is well-formed block markup from start to end', () => {
    const blocks = readBlocks(published);
    expect(blocks.filter((block) => block.depth === 0).map((block) => block.name)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'list',
    ]);
    expect(blocks.filter((block) => block.name === 'list-item')).toHaveLength(6);
  });
});
