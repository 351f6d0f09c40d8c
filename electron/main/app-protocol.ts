/**
 * Serves the built renderer from `app://pressroom/` instead of `file://`, so the page has a real,
 * narrow origin (file:// pages can read other local files), and every response carries our CSP.
 */
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.js';
import { loadRendererAsset } from '../core/static/renderer-assets.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pressroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready: gives app:// the standard, secure scheme privileges. */
export const declareAppScheme = (protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
};

export const serveRenderer = (protocol: Pick<Protocol, 'handle'>, rendererFolder: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === APP_HOST ? await loadRendererAsset(rendererFolder, url.pathname) : null;
    if (!asset) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(asset.body), {
      headers: {
        'Content-Type': asset.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
};
