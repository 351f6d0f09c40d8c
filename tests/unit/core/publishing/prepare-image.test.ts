/**
 * The image step of publishing, on real pictures made with sharp: what comes out is upright, within
 * the site's limit, free of location and camera data, still in its colour profile, named after the
 * release, and what cannot be published is refused with a message the user can act on.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_INPUT_PIXELS,
  imageFingerprint,
  ImageRejected,
  type ImageRejectionReason,
  type PrepareImageOptions,
  prepareImage,
} from '../../../../electron/core/publishing/prepare-image.js';
import {
  animation,
  animationOf,
  cameraPhoto,
  cmykJpeg,
  exifIfd0Tags,
  GPS_IFD_POINTER,
  losslessWebp,
  metadataOf,
  noisyJpeg,
  pixelAt,
  plainImage,
  pngBomb,
  rawPixels,
  transparentPng,
  withExtraneousBytes,
} from '../../../support/images.js';

const release: PrepareImageOptions = { baseName: 'OREMA youth delegation visit' };

const prepare = (
  bytes: Uint8Array,
  sourceName = 'IMG_1234.jpg',
  options: Partial<PrepareImageOptions> = {},
) => prepareImage({ bytes, sourceName }, { ...release, ...options });

/** The refusal `prepareImage` ends with; fails the test when it succeeds or throws anything else. */
const rejection = async (promise: Promise<unknown>): Promise<ImageRejected> => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImageRejected);
  return error as ImageRejected;
};

const expectRejected = async (promise: Promise<unknown>, reason: ImageRejectionReason) => {
  const error = await rejection(promise);
  expect(error.reason).toBe(reason);
  return error;
};

describe('preparing an image for upload', () => {
  it('scales a 24-megapixel camera photo down to 2560 px on its long edge', { timeout: 30_000 }, async () => {
    const source = await cameraPhoto({ width: 6000, height: 4000 });
    const prepared = await prepare(source);
    expect(prepared).toMatchObject({
      width: 2560,
      height: 1707,
      originalWidth: 6000,
      originalHeight: 4000,
      resized: true,
      mimeType: 'image/jpeg',
      fileName: 'orema-youth-delegation-visit.jpg',
      sourceSha256: imageFingerprint(source),
      sha256: imageFingerprint(prepared.bytes),
    });
    const metadata = await metadataOf(prepared.bytes);
    expect(metadata).toMatchObject({ format: 'jpeg', width: 2560, height: 1707, isProgressive: true });
    expect(prepared.bytes.byteLength).toBeLessThan(source.byteLength);
  });

  it('honours a site’s own limit', async () => {
    const prepared = await prepare(await cameraPhoto({ width: 1200, height: 800 }), 'photo.jpg', {
      maxEdge: 300,
    });
    expect([prepared.width, prepared.height]).toEqual([300, 200]);
  });

  it('turns a photo taken upright the way the camera was held', async () => {
    // Stored 600×400 with red on top; orientation 6 means "turn a quarter clockwise to view".
    const source = await cameraPhoto({ width: 600, height: 400, orientation: 6 });
    expect((await metadataOf(source)).orientation).toBe(6);
    const prepared = await prepare(source);
    expect([prepared.width, prepared.height]).toEqual([400, 600]);
    expect([prepared.originalWidth, prepared.originalHeight]).toEqual([400, 600]);
    expect(prepared.resized).toBe(false);
    const metadata = await metadataOf(prepared.bytes);
    expect([metadata.width, metadata.height]).toEqual([400, 600]);
    expect(metadata.orientation).toBeUndefined();
    // The stored top (red) is now on the right.
    expect((await pixelAt(prepared.bytes, 390, 300))[0]).toBeGreaterThan(200);
    expect((await pixelAt(prepared.bytes, 10, 300))[2]).toBeGreaterThan(200);
  });

  it('removes EXIF and GPS but keeps the colour profile', async () => {
    const source = await cameraPhoto({ gps: true, icc: 'p3' });
    const original = await metadataOf(source);
    // The test photo really carries what must go, and the profile that must stay.
    expect(exifIfd0Tags(original.exif ?? Buffer.alloc(0))).toContain(GPS_IFD_POINTER);
    expect(source.includes('Canon')).toBe(true);
    expect(original.icc).toBeDefined();

    const prepared = await prepare(source);
    const metadata = await metadataOf(prepared.bytes);
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    const bytes = Buffer.from(prepared.bytes);
    expect(bytes.includes('Exif\0\0')).toBe(false);
    expect(bytes.includes('Canon')).toBe(false);
    expect(bytes.includes('Staff Photographer')).toBe(false);
    expect(metadata.icc).toEqual(original.icc);
  });

  it('adds no profile to a photo that had none', async () => {
    const prepared = await prepare(await cameraPhoto());
    expect((await metadataOf(prepared.bytes)).icc).toBeUndefined();
  });

  it('converts a CMYK photo from print to RGB, without its CMYK profile', async () => {
    const source = await cmykJpeg();
    expect((await metadataOf(source)).space).toBe('cmyk');
    const metadata = await metadataOf((await prepare(source)).bytes);
    expect(metadata).toMatchObject({ format: 'jpeg', space: 'srgb', channels: 3 });
    expect(metadata.icc?.subarray(16, 20).toString('latin1') ?? 'RGB ').toBe('RGB ');
  });

  it('never enlarges a small image', async () => {
    const prepared = await prepare(await cameraPhoto({ width: 800, height: 600 }));
    expect(prepared).toMatchObject({ width: 800, height: 600, originalWidth: 800, resized: false });
  });

  it('keeps a transparent PNG a PNG, transparency and all', async () => {
    const prepared = await prepare(await transparentPng(3000, 1500), 'Artboard 2 (9).png');
    expect(prepared).toMatchObject({
      fileName: 'orema-youth-delegation-visit.png',
      mimeType: 'image/png',
      width: 2560,
      height: 1280,
    });
    expect(await metadataOf(prepared.bytes)).toMatchObject({ format: 'png', hasAlpha: true });
  });

  it('keeps a lossless WebP lossless and a lossy one WebP', async () => {
    const lossless = await losslessWebp();
    const prepared = await prepare(lossless, 'logo.webp');
    expect(prepared).toMatchObject({ mimeType: 'image/webp', fileName: 'orema-youth-delegation-visit.webp' });
    expect(await rawPixels(prepared.bytes)).toEqual(await rawPixels(lossless));

    const lossy = await prepare(await plainImage('webp', { width: 3000, height: 2000 }), 'photo.webp');
    expect(lossy).toMatchObject({ mimeType: 'image/webp', width: 2560, height: 1707 });
  });

  it('uploads a GIF within the limit exactly as it is', async () => {
    const source = await animation('gif', 300, 200);
    const prepared = await prepare(source, 'Dancing banner.gif');
    expect(prepared).toMatchObject({ mimeType: 'image/gif', width: 300, height: 200, resized: false });
    expect(Buffer.from(prepared.bytes).equals(source)).toBe(true);
    expect(prepared.sha256).toBe(prepared.sourceSha256);
  });

  it('scales an animated GIF down without losing its frames', async () => {
    const prepared = await prepare(await animation('gif', 300, 200), 'banner.gif', { maxEdge: 150 });
    expect(prepared).toMatchObject({ mimeType: 'image/gif', width: 150, height: 100, resized: true });
    const metadata = await animationOf(prepared.bytes);
    expect(metadata).toMatchObject({ pages: 3, pageHeight: 100, loop: 0 });
  });

  it('keeps an animated WebP animated and lossless when scaling it down', async () => {
    const prepared = await prepare(await animation('webp', 300, 200), 'banner.webp', { maxEdge: 150 });
    expect(prepared).toMatchObject({ mimeType: 'image/webp', width: 150, height: 100, resized: true });
    expect(await animationOf(prepared.bytes)).toMatchObject({ pages: 3, pageHeight: 100 });
    expect(Buffer.from(prepared.bytes).includes('VP8L')).toBe(true);
  });

  it('turns TIFF and AVIF into JPEG, or PNG when they are transparent', async () => {
    const tiff = await prepare(await plainImage('tiff'), 'scan.tiff');
    expect(tiff).toMatchObject({ mimeType: 'image/jpeg', fileName: 'orema-youth-delegation-visit.jpg' });
    expect((await metadataOf(tiff.bytes)).format).toBe('jpeg');
    const avif = await prepare(await plainImage('avif'), 'photo.avif');
    expect(avif.mimeType).toBe('image/jpeg');
    const transparent = await prepare(await plainImage('tiff', { alpha: true }), 'logo.tif');
    expect(transparent).toMatchObject({
      mimeType: 'image/png',
      fileName: 'orema-youth-delegation-visit.png',
    });
    expect((await metadataOf(transparent.bytes)).hasAlpha).toBe(true);
  });
});

describe('naming the uploaded file', () => {
  it('names it after the release, never after the source file', async () => {
    const photo = await cameraPhoto();
    expect((await prepare(photo, 'IMG_1234.jpg')).fileName).toBe('orema-youth-delegation-visit.jpg');
    expect((await prepare(photo, 'IMG_1234.jpg', { index: 2 })).fileName).toBe(
      'orema-youth-delegation-visit-2.jpg',
    );
    expect(
      (await prepare(photo, 'x.jpg', { baseName: 'orema-youth-delegation-visit', index: 3 })).fileName,
    ).toBe('orema-youth-delegation-visit-3.jpg');
  });

  it('writes Turkish and Arabic titles in ASCII', async () => {
    const photo = await cameraPhoto();
    const named = async (baseName: string) => (await prepare(photo, 'IMG_1234.jpg', { baseName })).fileName;
    expect(await named('Gençlik heyeti İstanbul’da')).toBe('genclik-heyeti-istanbulda.jpg');
    expect(await named('زيارة وفد الشباب')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.jpg$/);
    expect(await named('🎉🎉')).toBe('image.jpg');
  });
});

describe('refusing what cannot be published', () => {
  it('refuses a file that is not a picture', async () => {
    const error = await expectRejected(
      prepare(Buffer.from('Press contact: +90 212 000 00 00'), 'notes.jpg'),
      'not-an-image',
    );
    expect(error.message).toContain('notes.jpg');
    await expectRejected(prepare(new Uint8Array(0), 'empty.png'), 'not-an-image');
  });

  it('refuses an SVG, which could carry scripts', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
        '<script>alert(document.cookie)</script></svg>',
    );
    const error = await expectRejected(prepare(svg, 'logo.svg'), 'unsupported-format');
    expect(error.message).toMatch(/SVG.*PNG/);
  });

  it('refuses a decompression bomb from its header alone', async () => {
    const bomb = pngBomb(30_000, 30_000);
    expect(bomb.byteLength).toBeLessThan(2_000);
    const error = await expectRejected(prepare(bomb, 'poster.png'), 'too-many-pixels');
    expect(error.message).toContain('30000×30000 pixels');
    expect(error.message).toContain(`under ${DEFAULT_MAX_INPUT_PIXELS / 1_000_000} megapixels`);
  });

  it('refuses anything above a lower pixel limit when one is set', async () => {
    const photo = await cameraPhoto({ width: 2000, height: 1500 });
    const error = await expectRejected(
      prepare(photo, 'IMG_1234.jpg', { maxInputPixels: 1_000_000 }),
      'too-many-pixels',
    );
    expect(error.message).toMatch(/2000×1500 pixels \(3 megapixels\).*under 1 megapixels/);
  });

  it('refuses a photo cut off half-way', async () => {
    const photo = await noisyJpeg();
    const error = await expectRejected(
      prepare(photo.subarray(0, photo.byteLength / 2), 'IMG_1234.jpg'),
      'corrupt',
    );
    expect(error.message).toContain('damaged or incomplete');
  });

  it('accepts a photo with the harmless slips some cameras make', async () => {
    const prepared = await prepare(withExtraneousBytes(await cameraPhoto()), 'DSC_0001.JPG');
    expect([prepared.width, prepared.height]).toEqual([600, 400]);
  });

  it('refuses options that make no sense as a programming error, not a user’s', async () => {
    await expect(prepare(await cameraPhoto(), 'a.jpg', { maxEdge: 0 })).rejects.toThrow(RangeError);
    await expect(prepare(await cameraPhoto(), 'a.jpg', { index: 0 })).rejects.toThrow(RangeError);
  });
});

describe('recognising an image already uploaded', () => {
  it('gives the same bytes the same fingerprint, whatever the file is called', async () => {
    const photo = await cameraPhoto({ gps: true });
    const first = await prepare(photo, 'IMG_1234.jpg');
    const again = await prepare(Buffer.from(photo), 'copy of IMG_1234.jpg', { index: 2 });
    expect(again.sourceSha256).toBe(first.sourceSha256);
    expect(first.sourceSha256).toBe(imageFingerprint(photo));
    expect(first.sourceSha256).toMatch(/^[a-f0-9]{64}$/);
    const other = await prepare(await cameraPhoto({ width: 601 }), 'IMG_1234.jpg');
    expect(other.sourceSha256).not.toBe(first.sourceSha256);
  });
});
