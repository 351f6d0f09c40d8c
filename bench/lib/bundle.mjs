// Bundle sizes: raw and gzip bytes of the JS and CSS a built page loads, and the baseline page build.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const COUNTED = new Set(['.js', '.css']);

/**
 * Sums the sizes of the .js and .css files in `assetsDir` (source maps and other files are left out).
 * Gzip is zlib's default level 6, what a typical web server sends.
 */
export const assetSizes = async (assetsDir) => {
  const names = (await readdir(assetsDir)).filter((name) => COUNTED.has(extname(name))).sort();
  if (names.length === 0) throw new Error(`${assetsDir} holds no .js or .css files; was it built?`);
  const files = [];
  for (const name of names) {
    const bytes = await readFile(join(assetsDir, name));
    files.push({ name, raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  const sum = (key, ext) =>
    files.filter((f) => !ext || extname(f.name) === ext).reduce((total, f) => total + f[key], 0);
  return {
    files,
    raw: sum('raw'),
    gzip: sum('gzip'),
    jsGzip: sum('gzip', '.js'),
    cssGzip: sum('gzip', '.css'),
  };
};

/** Builds the baseline page (bench/baseline: an empty Vite + React page) into `outDir`. */
export const buildBaselinePage = async (root, outDir) => {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    root,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
  return outDir;
};
