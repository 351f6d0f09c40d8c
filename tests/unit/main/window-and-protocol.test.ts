import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveRenderer } from '../../../electron/main/app-protocol.js';
import { secureWebPreferences } from '../../../electron/main/web-preferences.js';
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../../shared/security/content-security-policy.js';
import { useTempFolder } from '../../support/temp-folder.js';

describe('the window’s web preferences', () => {
  it('isolate and sandbox the renderer and give it no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(secureWebPreferences('/p')).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only our own scripts and styles, no inline code, no remote origin, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
  });
});

describe('the app:// protocol', () => {
  const tempFolder = useTempFolder();

  const serve = async () => {
    const bundle = join(await tempFolder(), 'renderer');
    await mkdir(bundle);
    await writeFile(join(bundle, 'index.html'), '<!doctype html><title>Pressroom</title>');
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    serveRenderer({ handle: (_scheme: string, fn: typeof handler) => (handler = fn) } as never, bundle);
    return (url: string) => handler!({ url });
  };

  it('serves the bundle with the CSP header', async () => {
    const get = await serve();
    const response = await get('app://pressroom/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Pressroom</title>');
  });

  it('answers 404 for another host or a path that leaves the bundle', async () => {
    const get = await serve();
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://pressroom/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
