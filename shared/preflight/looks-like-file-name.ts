/**
 * Whether an image's alt text is really a file name that leaked into the page, as on the sample
 * site: "Artboard 2 (9)", "web (4) (1)", "IMG_1234.jpg", "photo_2023-11-06 6.21.15 PM". Screen-reader
 * users hear these as noise, so preflight warns. Real descriptions ("Group photo (2023)", an Arabic
 * sentence) must not be flagged: the rules look for the shapes tools and cameras give files.
 */

const IMAGE_EXTENSION = /\.(jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp|svg|psd|ai|raw|cr2|nef|dng)$/i;
/** Camera and phone naming: IMG_1234, DSC01234, DCIM, PXL_20231106_…, MVIMG_, Screenshot_… */
const CAMERA_NAME = /^(img|dsc|dscn|dcim|pxl|mvimg|vid|gopr|dji|sam|p\d{3,})[_-]?\d/i;
/** Design tools' default names: Artboard 2, Frame 12, Group 3, Rectangle 5, Untitled-1, Layer 4 */
const DESIGN_TOOL_NAME =
  /^(artboard|frame|group|rectangle|ellipse|layer|untitled|image|photo|pic|screenshot|screen shot|capture|copy)[\s_-]*\d+/i;
/** Timestamps in names: 2023-11-06 6.21.15 PM, 20231106_182115, 2023-01-01 at 10.00.00 */
const TIMESTAMP = /\d{4}[-_.]?\d{2}[-_.]?\d{2}[\s_-]+(at\s+)?\d{1,2}[.:]\d{2}([.:]\d{2})?(\s?[ap]m)?/i;
/** "(4)", "(4) (1)": the counters a file system adds to copies. */
const COPY_COUNTERS = /(\s*\(\d+\))+$/;
/** Words joined by underscores or dashes with digits, no spaces: final-v2-copy, web2, banner_03 */
const SLUG_LIKE = /^[\p{L}\d]+([_-][\p{L}\d]+)*$/u;

export const looksLikeFileName = (text: string): boolean => {
  const value = text.trim();
  if (value === '') return false;
  if (IMAGE_EXTENSION.test(value) || CAMERA_NAME.test(value) || DESIGN_TOOL_NAME.test(value)) return true;
  if (TIMESTAMP.test(value)) return true;
  const withoutCounters = value.replace(COPY_COUNTERS, '').trim();
  const hadCounters = withoutCounters !== value;
  const words = withoutCounters.split(/\s+/).filter(Boolean);
  // "web (4) (1)", "web2 (1)", "banner (3)": one short word with copy counters is a file name; a real
  // description with a year in brackets ("Group photo (2023)") has several words and a 4-digit number.
  if (hadCounters && words.length <= 2 && !/\(\d{4}\)$/.test(value)) return true;
  // A single token with digits, built like a file name: an underscore, two or more dashes, or letters
  // run into digits ("banner_03", "final-v2-copy", "web2"); "COVID-19" or "G20" alone are not.
  const fileShaped = /_/.test(value) || (value.match(/-/g)?.length ?? 0) >= 2 || /\p{L}{2,}\d+$/u.test(value);
  if (
    words.length === 1 &&
    /\d/.test(value) &&
    SLUG_LIKE.test(value) &&
    fileShaped &&
    !/^[A-Z]\d+$/.test(value)
  ) {
    return true;
  }
  return false;
};
