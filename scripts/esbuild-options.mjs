// The esbuild options of the Node-side bundles, shared by scripts/build.mjs and scripts/dev.mjs.

// CommonJS dependencies bundled into ESM still expect `require`, `__filename` and `__dirname`
// (write-file-atomic names its temporary files after __filename).
const commonJsShims = [
  "import { createRequire as __prCreateRequire } from 'node:module';",
  "import { fileURLToPath as __prFileURLToPath } from 'node:url';",
  "import { dirname as __prDirname } from 'node:path';",
  'const require = __prCreateRequire(import.meta.url);',
  'const __filename = __prFileURLToPath(import.meta.url);',
  'const __dirname = __prDirname(__filename);',
].join('\n');

/** An ESM bundle for Node (the main process, browser mode). */
export const nodeBundle = (entry, outfile) => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  banner: { js: commonJsShims },
  // sharp and @napi-rs/keyring have native parts and `trash` ships helper executables: they are loaded from node_modules
  // at run time (build/electron-builder.yml packages sharp; the desktop app uses shell.trashItem).
  external: ['electron', 'sharp', 'trash', '@napi-rs/keyring'],
  logLevel: 'warning',
});

export const MAIN_OUTFILE = 'dist/main/main.js';
export const PRELOAD_OUTFILE = 'dist/preload/preload.cjs';

export const mainOptions = nodeBundle('electron/main/main.ts', MAIN_OUTFILE);

/** The sandboxed preload must be CommonJS: sandboxed preloads cannot be ES modules. */
export const preloadOptions = {
  entryPoints: ['electron/preload/preload.ts'],
  outfile: PRELOAD_OUTFILE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
};

export const webOptions = nodeBundle('electron/web/start-web.ts', 'dist/web/start-web.js');

/** The `pressroom` command line (plain Node; bin/pressroom.mjs runs it). */
export const CLI_OUTFILE = 'dist/cli/pressroom.js';
export const cliOptions = nodeBundle('electron/cli/pressroom.ts', CLI_OUTFILE);
