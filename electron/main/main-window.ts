/** The one window: secure web preferences, shown when ready, its size and place remembered. */
import { BrowserWindow, screen } from 'electron';
import type ElectronStore from 'electron-store';
import { join } from 'node:path';
import { restoreWindowState } from '../core/window/window-bounds.js';
import { secureWebPreferences } from './web-preferences.js';

const WINDOW_STATE_KEY = 'windowState';

export const createMainWindow = (
  store: ElectronStore<Record<string, unknown>>,
  preloadPath: string,
  startUrl: string,
): BrowserWindow => {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { bounds, maximized } = restoreWindowState(store.get(WINDOW_STATE_KEY), workAreas);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Pressroom',
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    store.set(WINDOW_STATE_KEY, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  void window.loadURL(startUrl);
  return window;
};

export const preloadPathFrom = (mainFolder: string): string =>
  join(mainFolder, '..', 'preload', 'preload.cjs');
