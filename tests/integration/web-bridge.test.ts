/**
 * Browser mode's bridge: the real core behind a real HTTP server on 127.0.0.1. Only our own page,
 * presenting this launch's token, may call it; everything else is refused before the core runs.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/logger.js';
import { startWebBridge, type WebBridge } from '../../electron/web/bridge-server.js';
import { useTempFolder } from '../support/temp-folder.js';
import { realCore } from '../support/web-core.js';

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

/** A raw HTTP call, so the test controls every header (fetch would set Origin and Host itself). */
const call = (
  bridge: WebBridge,
  path: string,
  {
    headers = {},
    body,
    method = 'POST',
  }: { headers?: Record<string, string>; body?: string; method?: string } = {},
): Promise<{ status: number; json: unknown; headers: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, bridge.origin);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname,
        method,
        headers: { Host: url.host, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, json, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });

describe('the browser-mode bridge', () => {
  const tempFolder = useTempFolder();
  let bridge: WebBridge | undefined;
  afterEach(async () => {
    await bridge?.close();
    bridge = undefined;
  });

  const start = async () => {
    const folder = await tempFolder();
    const renderer = join(folder, 'renderer');
    await mkdir(renderer);
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Pressroom</title>');
    const { handlers, events } = realCore(folder);
    bridge = await startWebBridge({
      handlers,
      events,
      rendererFolder: renderer,
      logger: silentLogger,
      token: TOKEN,
    });
    const own = {
      Origin: bridge.origin,
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    };
    return { bridge, folder, own };
  };

  it('listens on 127.0.0.1 only and puts the token in the address fragment', async () => {
    const { bridge } = await start();
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toBe(`${bridge.origin}/#token=${TOKEN}`);
  });

  it('runs a call from our page with the token, through the real core', async () => {
    const { bridge, own, folder } = await start();
    const created = await call(bridge, '/rpc/drafts.create', {
      headers: own,
      body: JSON.stringify({ title: 'Hello' }),
    });
    expect(created).toMatchObject({
      status: 200,
      json: { ok: true, value: { document: { title: 'Hello' } } },
    });
    expect(await readdir(join(folder, 'Documents', 'Pressroom'))).toHaveLength(1);
  });

  it.each([
    ['no token', { Authorization: undefined }, 401],
    ['a wrong token', { Authorization: 'Bearer wrong-token-wrong-token-wrong-token-wron' }, 401],
    ['a token of another length', { Authorization: 'Bearer x' }, 401],
    ['another origin', { Origin: 'https://evil.example' }, 403],
    ['no origin at all', { Origin: undefined }, 403],
    ['a rebinding host name', { Host: 'evil.example:80' }, 403],
  ])('refuses a call with %s, and the core never runs', async (_case, change, status) => {
    const { bridge, own, folder } = await start();
    const headers = Object.fromEntries(
      Object.entries({ ...own, ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const response = await call(bridge, '/rpc/drafts.create', { headers, body: '{}' });
    expect(response.status).toBe(status);
    expect(response.json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(readdir(join(folder, 'Documents', 'Pressroom'))).rejects.toThrow();
  });

  it('sends no CORS permission to any other origin', async () => {
    const { bridge } = await start();
    const preflight = await call(bridge, '/rpc/drafts.list', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses malformed requests with the same validation as the desktop app', async () => {
    const { bridge, own } = await start();
    for (const body of ['{"id": 7}', 'not json', '[]']) {
      const response = await call(bridge, '/rpc/drafts.open', { headers: own, body });
      expect(response.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    const unknown = await call(bridge, '/rpc/shell.exec', { headers: own, body: '{}' });
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('serves the renderer with the strict Content-Security-Policy and nothing outside it', async () => {
    const { bridge } = await start();
    const page = await call(bridge, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await call(bridge, '/../../etc/passwd', { method: 'GET' })).status).toBe(404);
  });

  it('streams contract events to a page that presents the token', async () => {
    const { bridge, own } = await start();
    const refused = await fetch(`${bridge.origin}/events`);
    expect(refused.status).toBe(401);

    const stream = await fetch(`${bridge.origin}/events`, { headers: { Authorization: own.Authorization } });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    await call(bridge, '/rpc/drafts.create', { headers: own, body: '{}' });
    let received = '';
    while (!received.includes('library.changed')) received += (await reader.read()).value ?? '';
    expect(received).toContain('event: library.changed\ndata: {"reason":"created"}');
    await reader.cancel();
  });
});
