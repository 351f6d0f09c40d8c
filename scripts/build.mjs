// Builds every part of the app into dist/:
//   dist/main/main.js        Electron main process (ESM, Node platform)
//   dist/preload/preload.cjs sandboxed preload (must be CommonJS: sandboxed preloads cannot be ESM)
//   dist/web/start-web.js    browser-mode server (plain Node)
//   dist/renderer/           the React app (Vite)
// esbuild bundles the Node-side entries; Vite builds the renderer. Type checking is separate
// (npm run typecheck) so a build stays fast.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const quiet = process.argv.includes('--quiet');

const nodeEntry = (entry, outfile, extra = {}) =>
  esbuild({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    // CommonJS dependencies bundled into ESM still expect `require`, `__filename` and `__dirname`
    // (write-file-atomic names its temporary files after __filename).
    banner: {
      js: [
        "import { createRequire as __prCreateRequire } from 'node:module';",
        "import { fileURLToPath as __prFileURLToPath } from 'node:url';",
        "import { dirname as __prDirname } from 'node:path';",
        'const require = __prCreateRequire(import.meta.url);',
        'const __filename = __prFileURLToPath(import.meta.url);',
        'const __dirname = __prDirname(__filename);',
      ].join('\n'),
    },
    external: ['electron'],
    logLevel: 'warning',
    ...extra,
  });

await Promise.all([
  nodeEntry('electron/main/main.ts', 'dist/main/main.js'),
  nodeEntry('electron/web/start-web.ts', 'dist/web/start-web.js'),
  esbuild({
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' }),
]);
if (!quiet) console.log('build: dist/ is ready');
