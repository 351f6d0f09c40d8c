/**
 * The Electron security checklist, applied to every web contents the app creates
 * (docs/security.md maps each item to its test):
 * - navigation away from the app is blocked; new windows are refused, and http(s)/mailto links go
 *   to the system browser instead;
 * - <webview> cannot be attached;
 * - every permission request (camera, notifications, geolocation, …) is denied.
 */
import type { Session, Shell, WebContents } from 'electron';
import { isSafeExternalUrl } from '../../shared/security/external-links.js';

export const isAppUrl = (url: string, appOrigins: readonly string[]): boolean => {
  try {
    const parsed = new URL(url);
    return appOrigins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
};

export const hardenWebContents = (
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appOrigins: readonly string[],
  shell: Pick<Shell, 'openExternal'>,
): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
};

export const denyAllPermissions = (
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
};
