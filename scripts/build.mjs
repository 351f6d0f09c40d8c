// Builds every part of the app into dist/:
//   dist/main/main.js        Electron main process (ESM, Node platform)
//   dist/preload/preload.cjs sandboxed preload (CommonJS)
//   dist/web/start-web.js    browser-mode server (plain Node)
//   dist/cli/pressroom.js    the `pressroom` command line (plain Node)
//   dist/renderer/           the React app (Vite)
// esbuild bundles the Node-side entries; Vite builds the renderer. Type checking is separate
// (npm run typecheck) so a build stays fast.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cliOptions, mainOptions, preloadOptions, webOptions } from './esbuild-options.mjs';

const quiet = process.argv.includes('--quiet');

await Promise.all([
  esbuild(mainOptions),
  esbuild(webOptions),
  esbuild(cliOptions),
  esbuild(preloadOptions),
  viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' }),
]);
if (!quiet) console.log('build: dist/ is ready');
