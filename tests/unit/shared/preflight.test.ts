import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasBlockingProblems, preflight } from '../../../shared/preflight/preflight.js';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { releaseDefaults } from '../../../shared/release/migrations.js';

const now = new Date('2026-11-25T09:00:00Z');
const sample = readFileSync(
  new URL('../../fixtures/samples/release-2023-07-12-orema-jdp.txt', import.meta.url),
  'utf8',
).split('\n');
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A complete, correct release, which tests then break one field at a time. */
const goodRelease = (): DraftDocument => ({
  format: 'pressroom.release',
  schemaVersion: 2,
  id: 'sample-release-0001',
  ...releaseDefaults({ timeZone: 'Europe/Istanbul', language: 'en' }),
  title: sample[0]!,
  intendedStatus: 'publish',
  schedule: { local: '2023-07-12T10:00', timeZone: 'Europe/Istanbul' },
  featuredImage: {
    file: 'assets/featured.jpg',
    alt: 'Dr. Mostafa Faisal Parvez with the leaders of OREMA and JDP in Rabat',
    caption: '',
    credit: 'IIFSO',
    width: 2560,
    height: 1707,
    sha256: 'a'.repeat(64),
  },
  body: { type: 'doc', content: [paragraph(sample[6]!), paragraph(sample[8]!), paragraph(sample[10]!)] },
  relatedPosts: [
    { url: 'https://iifso.org/youth-impact-visit/', title: sample[17]!, date: '2023-11-01' },
    { url: 'https://iifso.org/ihh-visit/', title: sample[20]!, date: '2023-09-30' },
  ],
  createdAt: '2023-07-12T07:00:00.000Z',
  updatedAt: '2023-07-12T07:00:00.000Z',
});

const codes = (document: DraftDocument) => preflight(document, { now }).map((problem) => problem.code);

describe('preflight', () => {
  it('finds nothing wrong with a complete release (the sample, with real alt text)', () => {
    expect(preflight(goodRelease(), { now })).toEqual([]);
  });

  it('flags the sample’s real alt text “Artboard 2 (9)” as a file name, as a warning', () => {
    const release = goodRelease();
    release.featuredImage!.alt = 'Artboard 2 (9)';
    expect(preflight(release, { now })).toEqual([
      expect.objectContaining({
        code: 'alt-text-looks-like-file-name',
        severity: 'warning',
        field: 'featuredImage.alt',
      }),
    ]);
  });

  it('blocks on a missing title, date, featured image, alt text or body', () => {
    const release = {
      ...goodRelease(),
      title: '  ',
      schedule: { local: null, timeZone: 'Europe/Istanbul' },
      featuredImage: null,
      body: { type: 'doc', content: [] },
    };
    expect(codes(release)).toEqual(['title-missing', 'date-missing', 'featured-image-missing', 'body-empty']);
    const noAlt = goodRelease();
    noAlt.featuredImage!.alt = '';
    expect(preflight(noAlt, { now })).toEqual([
      expect.objectContaining({ code: 'alt-text-missing', severity: 'blocking' }),
    ]);
    expect(hasBlockingProblems(preflight(noAlt, { now }))).toBe(true);
  });

  it('does not ask for a date while the release stays a draft', () => {
    expect(
      codes({
        ...goodRelease(),
        intendedStatus: 'draft',
        schedule: { local: null, timeZone: 'Europe/Istanbul' },
      }),
    ).toEqual([]);
  });

  it('blocks on a date that does not exist in its zone, and warns on one that happens twice', () => {
    expect(
      codes({ ...goodRelease(), schedule: { local: '2026-03-08T02:30', timeZone: 'America/New_York' } }),
    ).toEqual(['date-invalid']);
    expect(
      codes({ ...goodRelease(), schedule: { local: '2026-07-01T10:00', timeZone: 'Mars/Base' } }),
    ).toEqual(['date-invalid']);
    expect(
      codes({ ...goodRelease(), schedule: { local: '2026-11-01T01:30', timeZone: 'America/New_York' } }),
    ).toEqual(['date-ambiguous']);
  });

  it('blocks a scheduled release whose time has passed, but not one published now with a past date', () => {
    expect(codes({ ...goodRelease(), intendedStatus: 'schedule' })).toEqual(['date-in-past']);
    expect(
      codes({
        ...goodRelease(),
        intendedStatus: 'schedule',
        schedule: { local: '2026-12-01T10:00', timeZone: 'Europe/Istanbul' },
      }),
    ).toEqual([]);
    expect(codes(goodRelease())).toEqual([]);
  });

  it('blocks links that are not http(s) or mailto', () => {
    const linked = (href: string) => ({
      ...goodRelease(),
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'see', marks: [{ type: 'link', attrs: { href } }] }],
          },
        ],
      },
    });
    expect(codes(linked('https://iifso.org'))).toEqual([]);
    expect(codes(linked('mailto:press@iifso.org'))).toEqual([]);
    for (const href of [
      'javascript:alert(1)',
      'file:///C:/secret.docx',
      '/relative/page',
      'ftp://old.example',
    ]) {
      expect(codes(linked(href))).toEqual(['link-not-allowed']);
    }
  });

  it('blocks related posts without a title or with an address that is not a web address', () => {
    const release = goodRelease();
    release.relatedPosts = [
      { url: 'https://iifso.org/a/', title: '' },
      { url: 'iifso.org/b', title: 'No scheme' },
      { url: 'javascript:alert(1)', title: 'Hostile' },
    ];
    expect(preflight(release, { now }).map((problem) => [problem.code, problem.field])).toEqual([
      ['related-post-title-missing', 'relatedPosts.0.title'],
      ['related-post-url-invalid', 'relatedPosts.1.url'],
      ['related-post-url-invalid', 'relatedPosts.2.url'],
    ]);
  });

  it('warns about an over-long title or excerpt, and blocks a malformed slug', () => {
    expect(codes({ ...goodRelease(), title: 'A'.repeat(121) })).toEqual(['title-too-long']);
    expect(codes({ ...goodRelease(), excerpt: 'word '.repeat(100) })).toEqual(['excerpt-too-long']);
    expect(codes({ ...goodRelease(), slug: 'Not A Slug' })).toEqual(['slug-invalid']);
  });

  it('lists blocking problems before warnings, each with a plain message', () => {
    const release = { ...goodRelease(), title: 'A'.repeat(121), featuredImage: null };
    const problems = preflight(release, { now });
    expect(problems.map((problem) => problem.severity)).toEqual(['blocking', 'warning']);
    for (const problem of problems) expect(problem.message).toMatch(/^[A-Z“].+[.]$/);
  });
});
