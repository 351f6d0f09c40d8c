/**
 * Why an image cannot be published, in words a press officer can act on. Publishing shows the message
 * as it is, so each one says what happened and what to do next; `reason` is for code that reacts to
 * the kind of problem (say, to mark the image in the editor).
 */

export type ImageRejectionReason = 'too-many-pixels' | 'not-an-image' | 'unsupported-format' | 'corrupt';

export class ImageRejected extends Error {
  override readonly name = 'ImageRejected';

  constructor(
    readonly reason: ImageRejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The file's own name as the user knows it: no folders, not so long that it buries the message. */
export const shown = (sourceName: string): string => {
  const name = sourceName.split(/[\\/]/).pop()?.trim() || 'This file';
  return name.length > 80 ? `${name.slice(0, 77)}…` : name;
};

const megapixels = (pixels: number): string => {
  const value = pixels / 1_000_000;
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
};

export const tooManyPixels = (
  sourceName: string,
  size: { width: number; height: number; frames: number },
  limit: number,
): ImageRejected => {
  const { width, height, frames } = size;
  const what =
    frames > 1
      ? `“${shown(sourceName)}” is an animation of ${frames} frames of ${width}×${height} pixels`
      : `“${shown(sourceName)}” is ${width}×${height} pixels`;
  const total = megapixels(width * height * frames);
  return new ImageRejected(
    'too-many-pixels',
    `${what} (${total} megapixels), too large to prepare safely. ` +
      `Export it smaller, under ${megapixels(limit)} megapixels, and try again.`,
  );
};

export const notAnImage = (sourceName: string, cause?: unknown): ImageRejected =>
  new ImageRejected(
    'not-an-image',
    `Pressroom cannot read “${shown(sourceName)}” as a picture. Use a JPEG, PNG, WebP or GIF file.`,
    { cause },
  );

export const svgRefused = (sourceName: string): ImageRejected =>
  new ImageRejected(
    'unsupported-format',
    // An SVG is a document that may carry scripts; once on the site they would run for every reader.
    `“${shown(sourceName)}” is an SVG drawing, which can carry scripts, so it is not published. ` +
      'Export it as PNG and try again.',
  );

export const heicUnreadable = (sourceName: string, cause?: unknown): ImageRejected =>
  new ImageRejected(
    'unsupported-format',
    `“${shown(sourceName)}” is a HEIC photo (the iPhone’s own format), which Pressroom cannot convert. ` +
      'Export it as JPEG and try again (on the iPhone: Settings › Camera › Formats › Most Compatible).',
    { cause },
  );

const formatLabels: Record<string, string> = {
  jp2: 'JPEG 2000',
  jxl: 'JPEG XL',
  pdf: 'PDF',
};

export const unsupportedFormat = (sourceName: string, format: string): ImageRejected =>
  new ImageRejected(
    'unsupported-format',
    `“${shown(sourceName)}” is a ${formatLabels[format] ?? format.toUpperCase()} file, which websites cannot ` +
      'show. Export it as JPEG or PNG and try again.',
  );

export const corrupt = (sourceName: string, cause?: unknown): ImageRejected =>
  new ImageRejected(
    'corrupt',
    `“${shown(sourceName)}” is damaged or incomplete, perhaps an unfinished download or copy. ` +
      'Open it in an image editor, save it again, and try again.',
    { cause },
  );
