import { describe, expect, it } from 'vitest';
import { isValidSlug, SLUG_MAX_LENGTH, slugFromTitle } from '../../../shared/release/slug.js';

describe('slugs from titles', () => {
  it.each([
    [
      'Dr. Mostafa Faisal Parvez held a productive meeting with the leadership of OREMA and JDP',
      'dr-mostafa-faisal-parvez-held-a-productive-meeting-with-the-leadership-of-orema-and-jdp',
    ],
    ['الأمين العام يلتقي قيادة منظمة التجديد الطلابي', 'alamyn-aleam-yltqy-qyadt-mnzmt-altjdyd-altlaby'],
    ['Genel Sekreter İstanbul’da öğrencilerle buluştu', 'genel-sekreter-istanbulda-ogrencilerle-bulustu'],
    ['Le secrétaire général à Rabat : « coopération »', 'le-secretaire-general-a-rabat-cooperation'],
    ['IIFSO’s office received a visit', 'iifsos-office-received-a-visit'],
    ['Launch 🚀 day 🎉', 'launch-day'],
    ['🚀🎉', ''],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    if (slug) expect(isValidSlug(slug)).toBe(true);
  });

  it('stays within WordPress’s 200 characters, cut at a word', () => {
    const slug = slugFromTitle('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('accepts only lowercase ASCII, digits and single dashes as a typed slug', () => {
    expect(isValidSlug('press-release-2026')).toBe(true);
    expect(isValidSlug('Press Release')).toBe(false);
    expect(isValidSlug('double--dash')).toBe(false);
    expect(isValidSlug('-leading')).toBe(false);
  });
});
