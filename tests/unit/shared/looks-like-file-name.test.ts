import { describe, expect, it } from 'vitest';
import { looksLikeFileName } from '../../../shared/preflight/looks-like-file-name.js';

describe('alt text that is really a file name', () => {
  it.each([
    'Artboard 2 (9)', // the sample release's featured image
    'web (4) (1)', // the sample's related-post thumbnails
    'web2 (1)',
    'web (5)',
    'photo_2023-11-06 6.21.15 PM',
    'IMG_1234.jpg',
    'IMG_1234',
    'DSC01234',
    'PXL_20231106_182115',
    'Screenshot 2023-01-01 at 10.00.00',
    'image.png',
    'final-v2-copy.jpeg',
    'final-v2-copy',
    'banner_03',
    'Frame 12',
    'Untitled-1',
  ])('flags “%s”', (alt) => {
    expect(looksLikeFileName(alt)).toBe(true);
  });

  it.each([
    'Dr. Mostafa Faisal Parvez shakes hands with OREMA leaders in Rabat',
    'Students at the IIFSO office in Istanbul',
    'Group photo (2023)',
    'طلاب في مكتب المنظمة في إسطنبول',
    'Öğrenciler İstanbul ofisinde',
    'COVID-19',
    'G20 summit in New Delhi',
    '',
  ])('accepts “%s”', (alt) => {
    expect(looksLikeFileName(alt)).toBe(false);
  });
});
