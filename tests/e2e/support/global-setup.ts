/** Before the e2e run: the renderer and browser mode must be built, and old screenshots go. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export default async function setup(): Promise<void> {
  if (
    !existsSync(join('dist', 'web', 'start-web.js')) ||
    !existsSync(join('dist', 'renderer', 'index.html'))
  ) {
    throw new Error('The app is not built: run `npm run build` (npm run test:e2e does it for you).');
  }
  await rm(join('test-results', 'screens'), { recursive: true, force: true });
}
