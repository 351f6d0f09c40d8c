// `npm run dev`: the desktop app with live reloading.
//   - Vite's dev server serves the renderer with hot module replacement;
//   - esbuild rebuilds the main process and the preload in watch mode, with the options of
//     scripts/build.mjs (repeated below: importing that script would run a full build);
//   - Electron runs dist/main/main.js with PRESSROOM_DEV_SERVER_URL set to the Vite URL (an
//     unpackaged main process then loads the renderer from there) and is restarted whenever the
//     main or preload bundle changes.
// Closing the app ends the dev session; Ctrl+C stops everything.
// Without the Electron binary (see scripts/electron-binary.mjs) it explains and exits 1.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { context } from 'esbuild';
import { MAIN_OUTFILE, PRELOAD_OUTFILE, mainOptions, preloadOptions } from './esbuild-options.mjs';
import { createServer } from 'vite';
import { electronEnv, findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const electron = findElectronBinary();
if (!electron.found) {
  console.error(missingElectronMessage(electron, root));
  process.exit(1);
}

// --- Electron, started once both bundles exist and restarted when either changes -------------------
let devServerUrl = '';
let app = null; // the running Electron child process
let restarting = false;
let shuttingDown = false;

const startApp = () => {
  const child = spawn(electron.path, ['.'], {
    cwd: root,
    stdio: 'inherit',
    env: electronEnv({ PRESSROOM_DEV_SERVER_URL: devServerUrl }),
  });
  child.on('error', (error) => {
    console.error(`dev: could not start Electron (${electron.path}): ${error.message}`);
    void shutDown(1);
  });
  child.on('exit', (code) => {
    if (app === child) app = null;
    // Quitting the app (not a restart of ours) ends the dev session.
    if (!restarting && !shuttingDown) void shutDown(code ?? 0);
  });
  app = child;
};

const stopApp = () =>
  new Promise((resolve) => {
    const child = app;
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

let restartTimer = null;
const scheduleRestart = () => {
  // Main and preload often change together (shared code): restart once for both.
  clearTimeout(restartTimer);
  restartTimer = setTimeout(async () => {
    if (shuttingDown) return;
    console.log('dev: main process or preload changed, restarting Electron');
    restarting = true;
    await stopApp();
    restarting = false;
    if (!shuttingDown) startApp();
  }, 150);
};

// Each bundle reports its builds; a build that failed (esbuild prints why) or produced the same
// output changes nothing.
const lastOutput = new Map();
const builtOnce = new Set();
const watchBundle = (outfile) => ({
  name: 'pressroom-dev-restart',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) {
        if (!builtOnce.has(outfile))
          console.error(`dev: ${outfile} did not build; fix the error above and save`);
        return;
      }
      const hash = createHash('sha256').update(readFileSync(outfile)).digest('hex');
      const changed = lastOutput.get(outfile) !== hash;
      lastOutput.set(outfile, hash);
      const wasReady = builtOnce.size === 2;
      builtOnce.add(outfile);
      if (!wasReady && builtOnce.size === 2) startApp();
      else if (wasReady && changed) scheduleRestart();
    });
  },
});

// --- start and stop --------------------------------------------------------------------------------
let vite = null;
let bundles = [];

async function shutDown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  clearTimeout(restartTimer);
  await stopApp();
  await Promise.allSettled([...bundles.map((bundle) => bundle.dispose()), vite?.close()]);
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutDown(0));

// Vite's dev server exits the process on SIGTERM (and when stdin ends) by itself, which would leave
// Electron running: take those listeners back off, the handlers above stop everything in order.
const sigtermListeners = new Set(process.listeners('SIGTERM'));
const stdinEndListeners = new Set(process.stdin.listeners('end'));
vite = await createServer({ configFile: 'vite.config.ts', clearScreen: false });
for (const listener of process.listeners('SIGTERM')) {
  if (!sigtermListeners.has(listener)) process.off('SIGTERM', listener);
}
for (const listener of process.stdin.listeners('end')) {
  if (!stdinEndListeners.has(listener)) process.stdin.off('end', listener);
}
await vite.listen();
vite.printUrls();
devServerUrl = vite.resolvedUrls?.local[0] ?? '';
if (!devServerUrl) {
  console.error('dev: the Vite dev server reported no local URL');
  await shutDown(1);
}

bundles = await Promise.all([
  context({ ...mainOptions, plugins: [watchBundle(MAIN_OUTFILE)] }),
  context({ ...preloadOptions, plugins: [watchBundle(PRELOAD_OUTFILE)] }),
]);
// watch() builds once right away, then again on every change of a file in the bundle.
await Promise.all(bundles.map((bundle) => bundle.watch()));
