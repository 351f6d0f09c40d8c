/** Which links may leave the app for the system browser or mail client: http(s) and mailto only. */
const ALLOWED_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

export const isSafeExternalUrl = (url: string): boolean => {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
};
