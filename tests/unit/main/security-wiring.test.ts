import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents, isAppUrl } from '../../../electron/main/security.js';
import { isSafeExternalUrl } from '../../../shared/security/external-links.js';

type Handler = (event: { preventDefault: () => void }, url: string) => void;

const fakeContents = () => {
  const handlers = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const shell = { openExternal: vi.fn(async (_url: string) => {}) };
  hardenWebContents(contents as never, ['app://pressroom'], shell as never);
  const fire = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { fire, open: (url: string) => openHandler!({ url }), shell };
};

describe('the security checklist applied to every web contents', () => {
  it('blocks navigation away from the app and allows it inside', () => {
    const { fire } = fakeContents();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://pressroom/index.html')).toBe(false);
  });

  it('refuses <webview>', () => {
    expect(fakeContents().fire('will-attach-webview', '')).toBe(true);
  });

  it('never opens a new window, and hands only http(s) and mailto links to the OS', () => {
    const { open, shell } = fakeContents();
    expect(open('https://example.org/news')).toEqual({ action: 'deny' });
    expect(open('mailto:press@example.org')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('smb://server/share')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://example.org/news',
      'mailto:press@example.org',
    ]);
  });

  it('denies every permission request and check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);
    const callback = vi.fn();
    session.setPermissionRequestHandler.mock.calls[0]![0]({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]()).toBe(false);
  });

  it('recognises only exact app origins', () => {
    expect(isAppUrl('app://pressroom/index.html', ['app://pressroom'])).toBe(true);
    expect(isAppUrl('app://pressroom.evil/', ['app://pressroom'])).toBe(false);
    expect(isAppUrl('not a url', ['app://pressroom'])).toBe(false);
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.ORG')).toBe(true);
    expect(isSafeExternalUrl('ms-msdt:/id')).toBe(false);
  });
});
