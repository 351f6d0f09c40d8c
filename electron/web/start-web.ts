/**
 * `npm run start:web`: Pressroom in a browser, for development, demos and the e2e suite, on machines
 * where the Electron binary cannot run. Prints one JSON line on stdout ({"url", "origin"}) and keeps
 * serving until interrupted.
 */
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { composeCore } from '../core/compose.js';
import { createHandlers } from '../core/handlers.js';
import { consoleLogger } from '../core/logger.js';
import { keyringSecrets } from '../core/sites/keyring-secrets.js';
import { memorySecrets } from '../core/sites/secret-store.js';
import { CONNECT_CALLBACK_PATH, startWebBridge } from './bridge-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'user-data': { type: 'string' },
    documents: { type: 'string' },
    open: { type: 'boolean', default: false },
    /** How long a delete can be undone (demos and tests use a short one). */
    'undo-window-ms': { type: 'string' },
    /** Keep site passwords in this process's memory only (demos, e2e); forgotten at quit. */
    'memory-secrets': { type: 'boolean', default: false },
  },
});
const undoWindowMs = values['undo-window-ms'] === undefined ? undefined : Number(values['undo-window-ms']);
if (undoWindowMs !== undefined && !(Number.isInteger(undoWindowMs) && undoWindowMs >= 0)) {
  process.stderr.write('--undo-window-ms must be a whole number of milliseconds.\n');
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
const store = new Conf<Record<string, unknown>>({
  projectName: 'pressroom',
  configName: 'settings',
  ...(values['user-data'] ? { cwd: values['user-data'] } : {}),
});
// Known once the server listens; WordPress's approval screen sends the browser back there.
let connectCallback = '';
const { core, events } = composeCore({
  connectCallbackUrl: () => connectCallback,
  store,
  documentsFolder: values.documents ?? join(homedir(), 'Documents'),
  folderPicker: null,
  userDataFolder: dirname(store.path),
  logger: consoleLogger,
  ...(undoWindowMs === undefined ? {} : { undoWindowMs }),
  // The OS keychain where there is one; memory only when asked; otherwise adding a site is refused.
  secrets: values['memory-secrets'] ? memorySecrets() : keyringSecrets(),
  info: {
    name: 'Pressroom',
    version: process.env.npm_package_version ?? '0.1.0',
    shell: 'web',
    canPickFolders: false,
    platform: process.platform,
  },
});

const bridge = await startWebBridge({
  handlers: createHandlers(core),
  events,
  rendererFolder: join(here, '..', 'renderer'),
  logger: consoleLogger,
  port: Number(values.port),
  onConnectCallback: (query) => core.completeConnection(query),
});
connectCallback = `${bridge.origin}${CONNECT_CALLBACK_PATH}`;

process.stdout.write(`${JSON.stringify({ url: bridge.url, origin: bridge.origin })}\n`);
process.stderr.write(`Pressroom (browser mode) is running. Open ${bridge.url}\nPress Ctrl+C to quit.\n`);

if (values.open) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [bridge.url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', bridge.url]]
        : ['xdg-open', [bridge.url]];
  execFile(command, args, (error) => {
    if (error) process.stderr.write(`Could not open a browser by itself; open the address above.\n`);
  });
}

const quit = (): void => {
  // Deletes still inside their undo window go to the trash first, as the user asked.
  void core
    .beforeQuit()
    .then(() => bridge.close())
    .finally(() => process.exit(0));
};
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
