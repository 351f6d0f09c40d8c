// `npm run dist` (after scripts/build.mjs): packages dist/ into installers with electron-builder,
// configured by build/electron-builder.yml. Extra arguments are passed through, e.g.
// `npm run dist -- --win`, `npm run dist -- --mac --arm64`, `npm run dist -- --linux --dir`.
//
// This needs internet access: electron-builder downloads the Electron release for each target
// platform and its platform tools (NSIS, the AppImage runtime, ...). So it cannot run on the
// project's build machines, which reach only the npm registry; run it on a release machine.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const MINIMUM_NODE = [22, 12];

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor < MINIMUM_NODE[1])) {
  console.error(
    [
      `Packaging needs Node.js ${MINIMUM_NODE.join('.')} or newer; this is Node.js ${process.versions.node}.`,
      "electron-builder 26's native-module tools (@electron/rebuild, node-abi) require it.",
      'Install Node.js 22.12 or newer (for example `nvm install 22`), then run `npm run dist` again.',
    ].join('\n'),
  );
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/main/main.js', import.meta.url)))) {
  console.error(
    'Nothing to package: dist/main/main.js is missing. Run `npm run build` first (npm run dist does).',
  );
  process.exit(1);
}

const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
const child = spawn(
  process.execPath,
  [cli, '--config', 'build/electron-builder.yml', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
child.on('error', (error) => {
  console.error(`Could not start electron-builder: ${error.message}`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  if (code === null) console.error(`electron-builder exited with signal ${signal}`);
  process.exit(code ?? 1);
});
