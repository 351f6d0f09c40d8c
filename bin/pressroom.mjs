#!/usr/bin/env node
// The `pressroom` command (package.json "bin"): runs the built command line, dist/cli/pressroom.js.
// The bundle is built by `npm run build`; without it, say so in one line rather than a stack trace.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(root, 'dist', 'cli', 'pressroom.js');

if (existsSync(bundle)) {
  await import(pathToFileURL(bundle).href);
} else {
  process.stderr.write(`pressroom: the command line is not built yet; run \`npm run build\` in ${root}\n`);
  process.exitCode = 1;
}
