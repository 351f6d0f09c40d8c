// `npm start`, after the build: the desktop app where the Electron binary is installed; elsewhere
// (such as the project's build machines, which cannot download it) Pressroom in the browser, with
// a plain word about why, so the command always gives the user a working app.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary();
const args = process.argv.slice(2);
let command;
if (electron.found) {
  command = ['scripts/launch-electron.mjs', ...args];
} else {
  console.error(missingElectronMessage(electron, root));
  console.error('\nOpening Pressroom in your browser instead (browser mode).\n');
  command = ['dist/web/start-web.js', '--open', ...args];
}

const child = spawn(process.execPath, command, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.exitCode === null && child.kill(signal));
}
child.on('close', (code) => process.exit(code ?? 1));
