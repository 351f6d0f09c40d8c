/**
 * Composition root of the desktop app: the only place that wires Electron to the core.
 * Everything it calls is tested without Electron; this file stays short enough to review in full.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeCore } from '../core/compose.js';
import { createHandlers } from '../core/handlers.js';
import { encryptedSecrets } from '../core/sites/encrypted-secrets.js';
import { createDispatcher } from '../core/ipc/dispatcher.js';
import { allowOrigins } from '../core/ipc/sender-policy.js';
import { consoleLogger } from '../core/logger.js';
import { APP_ORIGIN, declareAppScheme, serveRenderer } from './app-protocol.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { createMainWindow, preloadPathFrom } from './main-window.js';
import { denyAllPermissions, hardenWebContents } from './security.js';

const here = dirname(fileURLToPath(import.meta.url));
// Only an unpackaged build may load the renderer from the Vite dev server (npm run dev).
const devServerUrl = app.isPackaged ? undefined : process.env.PRESSROOM_DEV_SERVER_URL;
const appOrigins = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];

declareAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  // pressroom://connect?… links: WordPress's approval screen sends the browser there (see
  // site-connections.ts). They can arrive before the core exists, so they wait in a queue.
  const connectLinks: string[] = [];
  let completeConnection: ((query: URLSearchParams) => Promise<unknown>) | null = null;
  const takeConnectLinks = (args: readonly string[]) => {
    connectLinks.push(...args.filter((arg) => arg.startsWith('pressroom://connect')));
    if (!completeConnection) return;
    for (const link of connectLinks.splice(0))
      void completeConnection(new URLSearchParams(link.split('?')[1] ?? ''));
  };
  app.setAsDefaultProtocolClient('pressroom');
  app.on('open-url', (event, url) => {
    event.preventDefault();
    takeConnectLinks([url]);
  });
  takeConnectLinks(process.argv);

  app.on('second-instance', (_event, argv) => {
    takeConnectLinks(argv);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigins, shell));

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    serveRenderer(protocol, join(here, '..', 'renderer'));

    const store = new ElectronStore<Record<string, unknown>>({ name: 'settings' });
    const { core, events } = composeCore({
      store,
      documentsFolder: app.getPath('documents'),
      userDataFolder: app.getPath('userData'),
      logger: consoleLogger,
      fileManager: { reveal: async (path) => shell.showItemInFolder(path) },
      // The OS trash (Recycle Bin, Finder's Trash, the desktop's trash): a deleted draft can be put back.
      trash: { moveToTrash: (path) => shell.trashItem(path) },
      // Site passwords: encrypted by the OS keychain / DPAPI; refused on Linux's basic_text fallback.
      secrets: encryptedSecrets(store, {
        isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
        backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
        encryptString: (plain) => safeStorage.encryptString(plain),
        decryptString: (sealed) => safeStorage.decryptString(sealed),
      }),
      info: {
        name: app.getName(),
        version: app.getVersion(),
        shell: 'electron',
        canPickFolders: true,
        platform: process.platform,
      },
      folderPicker: {
        chooseFolder: async (current) => {
          const options = { defaultPath: current, properties: ['openDirectory', 'createDirectory'] as const };
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] })
            : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
      },
    });
    completeConnection = (query) => core.completeConnection(query);
    takeConnectLinks([]);
    registerIpc(ipcMain, createDispatcher(createHandlers(core), allowOrigins(appOrigins), consoleLogger));
    forwardEvents(events, () => BrowserWindow.getAllWindows().map((window) => window.webContents));

    const open = () => {
      mainWindow = createMainWindow(store, preloadPathFrom(here), devServerUrl ?? `${APP_ORIGIN}/index.html`);
      mainWindow.on('closed', () => (mainWindow = null));
    };
    open();
    // Deletes still inside their undo window go to the trash before the app quits, as the user asked.
    let trashFlushed = false;
    app.on('before-quit', (event) => {
      if (trashFlushed) return;
      event.preventDefault();
      void core.beforeQuit().finally(() => {
        trashFlushed = true;
        app.quit();
      });
    });
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
