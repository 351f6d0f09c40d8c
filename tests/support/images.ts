/**
 * Pictures for tests, all made on the spot with sharp, so no binary fixtures sit in the repository
 * and each test shows what is special about its picture. Photos are red on top and blue below, so a
 * test can tell which way up a prepared image came out.
 */
import sharp, { type Metadata } from 'sharp';
import { crc32, deflateSync } from 'node:zlib';

export interface CameraPhotoOptions {
  width?: number;
  height?: number;
  /** EXIF orientation, 1–8: 6 is a camera held upright, rotated a quarter turn clockwise to view. */
  orientation?: number;
  /** Writes a GPS IFD (latitude and longitude of Istanbul) into the EXIF. */
  gps?: boolean;
  /** Embeds this built-in ICC profile; none when left out. */
  icc?: 'p3' | 'srgb';
}

/** A camera JPEG with EXIF (make, model, date and optionally GPS and orientation). */
export const cameraPhoto = async (options: CameraPhotoOptions = {}): Promise<Buffer> => {
  const { width = 600, height = 400, orientation, gps = false, icc } = options;
  let image = sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    {
      input: { create: { width, height: Math.floor(height / 2), channels: 3, background: '#ff0000' } },
      top: 0,
      left: 0,
    },
  ]);
  // withMetadata is sharp's only way to write an orientation; it also attaches sRGB, undone below.
  if (orientation !== undefined) image = image.withMetadata({ orientation });
  image = icc ? image.withIccProfile(icc) : image.withIccProfile('srgb', { attach: false });
  return image
    .withExif({
      IFD0: { Make: 'Canon', Model: 'EOS R6', Artist: 'Staff Photographer' },
      IFD2: { DateTimeOriginal: '2026:05:14 10:30:00' },
      ...(gps
        ? {
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: '41/1 0/1 3600/100',
              GPSLongitudeRef: 'E',
              GPSLongitude: '28/1 58/1 4800/100',
            },
          }
        : {}),
    })
    .jpeg({ quality: 90 })
    .toBuffer();
};

/** A PNG with a half-transparent background, as logos and graphics are exported. */
export const transparentPng = (width = 400, height = 300): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 120, b: 200, alpha: 0.5 } } })
    .png()
    .toBuffer();

/** A lossless WebP with sharp-edged stripes, as a screenshot or logo would be. */
export const losslessWebp = (width = 64, height = 48): Promise<Buffer> => {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.fill(i % 2 === 0 ? 255 : 0, i * 3, i * 3 + 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .webp({ lossless: true })
    .toBuffer();
};

/** An animation of `colours.length` different frames, 100 ms each, looping; a WebP one is lossless. */
export const animation = async (
  format: 'gif' | 'webp',
  width: number,
  height: number,
  colours = ['#ff0000', '#00ff00', '#0000ff'],
): Promise<Buffer> => {
  const frames = await Promise.all(
    colours.map((background) =>
      sharp({ create: { width, height, channels: 3, background } })
        .png()
        .toBuffer(),
    ),
  );
  const timing = { loop: 0, delay: colours.map(() => 100) };
  const joined = sharp(frames, { join: { animated: true } });
  return (format === 'gif' ? joined.gif(timing) : joined.webp({ ...timing, lossless: true })).toBuffer();
};

/** A flat picture in any format sharp writes (TIFF, AVIF…), optionally with transparency. */
export const plainImage = (
  format: 'tiff' | 'avif' | 'webp' | 'png' | 'jpeg',
  options: { width?: number; height?: number; alpha?: boolean } = {},
): Promise<Buffer> => {
  const { width = 300, height = 200, alpha = false } = options;
  const background = { r: 200, g: 30, b: 40, alpha: alpha ? 0.5 : 1 };
  return (
    sharp({ create: { width, height, channels: alpha ? 4 : 3, background } })
      // sharp's TIFF default is JPEG compression, which has no room for transparency.
      .toFormat(format, format === 'tiff' ? { compression: 'lzw' } : {})
      .toBuffer()
  );
};

/** A CMYK JPEG with a CMYK profile, as print departments hand them over. */
export const cmykJpeg = (): Promise<Buffer> =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#c81e28' } })
    .toColourspace('cmyk')
    .withIccProfile('cmyk')
    .jpeg()
    .toBuffer();

/**
 * `jpeg` with two stray bytes before its scan: libjpeg warns ("extraneous bytes before marker") but
 * decodes it fully, as with the slightly-off files some cameras and phone apps write.
 */
export const withExtraneousBytes = (jpeg: Buffer): Buffer => {
  const startOfScan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return Buffer.concat([jpeg.subarray(0, startOfScan), Buffer.from([0, 0]), jpeg.subarray(startOfScan)]);
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A decompression bomb in a few hundred bytes: a greyscale PNG whose header claims `width`×`height`
 * and whose data holds only the first rows. Decoding it would allocate the whole claimed size, which
 * is what must never happen; a real one (rows of zeros compress a thousandfold) would only be bigger.
 */
export const pngBomb = (width: number, height: number): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 0; // greyscale
  const firstRows = deflateSync(Buffer.alloc((width + 1) * 4)); // a filter byte and zeros per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', firstRows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A JPEG of noise: its data cannot be guessed, so half of the file is really half a picture. */
export const noisyJpeg = (): Promise<Buffer> =>
  sharp({
    create: {
      width: 800,
      height: 600,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .jpeg()
    .toBuffer();

/** sharp's reading of an image's header. */
export const metadataOf = (bytes: Uint8Array): Promise<Metadata> => sharp(bytes).metadata();

/** The header of an animation, all frames counted (`pages`, `pageHeight`, `loop`, `delay`). */
export const animationOf = (bytes: Uint8Array): Promise<Metadata> =>
  sharp(bytes, { animated: true }).metadata();

/** The RGB value of one pixel. */
export const pixelAt = async (bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> => {
  const pixel = await sharp(bytes)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer();
  return [pixel[0] ?? -1, pixel[1] ?? -1, pixel[2] ?? -1];
};

/** Every frame's pixels, for comparing two images exactly. */
export const rawPixels = (bytes: Uint8Array): Promise<Buffer> =>
  sharp(bytes, { animated: true }).raw().toBuffer();

/** The EXIF tag that points to the GPS directory. */
export const GPS_IFD_POINTER = 0x8825;

/** The tags of an EXIF block's first directory (IFD0), as sharp's `metadata().exif` returns it. */
export const exifIfd0Tags = (exif: Buffer): number[] => {
  const tiff = exif.subarray(exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const first = little ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return Array.from({ length: u16(first) }, (_, entry) => u16(first + 2 + entry * 12));
};
