/**
 * Serving the built renderer from its folder, for the `app://` protocol and for browser mode.
 * A request path can never escape the folder (no `..`, no absolute paths, no links out).
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface RendererAsset {
  body: Buffer;
  contentType: string;
}

/** Maps a URL path to a file inside `root`, or null when it would leave it. */
export const resolveAssetPath = (root: string, urlPath: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = normalize(join(root, relative));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  return candidate.startsWith(rootWithSep) ? candidate : null;
};

export const loadRendererAsset = async (root: string, urlPath: string): Promise<RendererAsset | null> => {
  const path = resolveAssetPath(root, urlPath);
  if (!path) return null;
  try {
    // Resolve links and check again, so a link planted in the bundle cannot point outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    const body = await readFile(realFile);
    return { body, contentType: MIME_TYPES[extname(realFile)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
};
