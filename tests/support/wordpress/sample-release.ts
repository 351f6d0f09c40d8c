/** The sample release of ../shared/samples (tests/fixtures copy) as a draft, ready to publish. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftInit } from '../../../electron/core/drafts/draft-library.js';
import { imageFingerprint } from '../../../electron/core/publishing/prepare-image.js';
import { cameraPhoto } from '../images.js';
import { repoRoot } from '../cli.js';

const SAMPLE = join(repoRoot, 'tests', 'fixtures', 'samples', 'release-2023-07-12-orema-jdp.txt');

/** Title, the three body paragraphs, and the first three related posts of the sample. */
export const sampleRelease = async (suffix: string): Promise<DraftInit> => {
  const lines = (await readFile(SAMPLE, 'utf8')).split('\n');
  const title = `${lines[0]!.trim()} ${suffix}`;
  const start = lines.findIndex((line) => line.startsWith('Dr. Mostafa Faisal Parvez, Secretary General'));
  const end = lines.findIndex((line) => line.startsWith('Leave A Comment'));
  const paragraphs = lines.slice(start, end).filter((line) => line.trim() !== '');
  // A 24-megapixel camera photo with GPS, as press officers' phones produce.
  const photo = await cameraPhoto({ width: 6000, height: 4000, gps: true });
  return {
    title,
    slug: '',
    schedule: { local: '2023-07-12T10:30', timeZone: 'Europe/Istanbul' },
    intendedStatus: 'publish',
    featuredImage: {
      file: 'assets/featured.jpg',
      alt: 'Dr. Mostafa Faisal Parvez with the leadership of OREMA and JDP',
      caption: 'Meeting in Rabat',
      credit: 'IIFSO press office',
      width: 6000,
      height: 4000,
      sha256: imageFingerprint(photo),
    },
    body: {
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
    excerpt: 'The Secretary General met the leadership of OREMA and JDP in Morocco.',
    categories: ['News', `Meetings ${suffix}`],
    tags: ['Morocco', 'OREMA'],
    relatedPosts: [
      {
        url: 'https://iifso.org/youth-impact-visit/',
        title:
          'The IIFSO\'s office received a gracious visit from CEO of the Pakistani "Youth Impact" Foundation',
        date: '2023-11-01',
      },
      {
        url: 'https://iifso.org/ihh-visit/',
        title:
          'IHH Executive Member Dr. Mehmet Ali Bolat paid a courtesy visit to IIFSO central office in Istanbul',
        date: '2023-09-30',
      },
      { url: 'https://iifso.org/international-students/', title: 'Meeting with International Students' },
    ],
    language: 'en',
    direction: 'ltr',
    assets: [{ file: 'assets/featured.jpg', bytes: photo }],
  };
};
