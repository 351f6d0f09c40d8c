// `npm start`, after scripts/build.mjs: runs the built app (dist/main/main.js, the `main` of
// package.json) in Electron, passing extra arguments through, and exits with Electron's exit code.
// Exits 1 with a plain explanation when the Electron binary is not installed on this machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronEnv, findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const electron = findElectronBinary();
if (!electron.found) {
  console.error(missingElectronMessage(electron, root));
  process.exit(1);
}
if (!existsSync(fileURLToPath(new URL('../dist/main/main.js', import.meta.url)))) {
  console.error(
    'Pressroom is not built yet: dist/main/main.js is missing. Run `npm run build` first (npm start does).',
  );
  process.exit(1);
}

const child = spawn(electron.path, ['.', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: electronEnv(),
});

// Ctrl+C in the terminal reaches both processes; a plain `kill` of this script is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`Could not start Electron (${electron.path}): ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  if (code === null) {
    console.error(`Electron exited with signal ${signal}`);
    process.exit(1);
  }
  process.exit(code);
});
