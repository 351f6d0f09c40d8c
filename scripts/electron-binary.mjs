// Finds the Electron binary that the `electron` npm package downloads, without downloading it.
// `require('electron')` would do the lookup too, but when the binary is missing it starts a download
// itself (and on a machine without internet prints a stack trace and throws), so this module reads
// the same files it reads: node_modules/electron/path.txt and dist/, or ELECTRON_OVERRIDE_DIST_PATH.
// Used by scripts/launch-electron.mjs (npm start) and scripts/dev.mjs (npm run dev).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @returns {{ found: true, path: string, version: string }
 *   | { found: false, reason: 'package-missing' | 'binary-missing', version: string | null, expected: string | null }}
 */
export const findElectronBinary = () => {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'package-missing', version: null, expected: null };
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const pathFile = join(packageDir, 'path.txt');
  // path.txt names the executable inside dist/ (e.g. `electron`, `electron.exe`,
  // `Electron.app/Contents/MacOS/Electron`); Electron's installer writes it after unpacking.
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const expected = override
    ? join(override, executable || 'electron')
    : join(packageDir, 'dist', executable || defaultExecutable());
  if (executable !== null || override) {
    if (existsSync(expected)) return { found: true, path: expected, version };
  }
  return { found: false, reason: 'binary-missing', version, expected };
};

const defaultExecutable = () =>
  process.platform === 'win32'
    ? 'electron.exe'
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : 'electron';

/** The plain explanation printed when the desktop app cannot start for lack of Electron. */
export const missingElectronMessage = (result, cwd = process.cwd()) => {
  if (result.reason === 'package-missing') {
    return [
      'Pressroom cannot start the desktop app: the electron package is not installed.',
      'Run `npm install` first.',
      'Meanwhile, `npm run start:web` runs Pressroom in your browser instead.',
    ].join('\n');
  }
  const shown = result.expected && relative(cwd, result.expected);
  const where = result.expected
    ? ` (looked for ${shown && !shown.startsWith('..') ? shown : result.expected})`
    : '';
  return [
    `Pressroom cannot start the desktop app: the Electron ${result.version} binary is not installed on this machine${where}.`,
    'npm installs the electron package without its binary when ELECTRON_SKIP_BINARY_DOWNLOAD is set or the download fails.',
    'To install it, run `node node_modules/electron/install.js` on a machine with internet access',
    "(it downloads from GitHub, and Electron's installer needs Node.js 22.12 or newer).",
    'Meanwhile, `npm run start:web` runs Pressroom in your browser instead.',
  ].join('\n');
};

/** Environment for a child Electron process: never let an inherited ELECTRON_RUN_AS_NODE turn it into Node. */
export const electronEnv = (extra = {}) => {
  const env = { ...process.env, ...extra };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
};
