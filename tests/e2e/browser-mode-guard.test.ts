/**
 * Any web page the user visits can try to reach a loopback port. A page from another origin, open in
 * the same browser as Pressroom, must not be able to read or change the library through the bridge.
 */
import { readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp } from './support/app-process.js';
import { useChromium, openPage } from './support/browser.js';
import { useTempFolder } from '../support/temp-folder.js';

describe('browser mode against a hostile page', () => {
  const tempFolder = useTempFolder();
  const browser = useChromium();
  let hostile: Server;
  let hostileOrigin: string;
  beforeAll(async () => {
    hostile = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Some other site</title>');
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => hostile.close(resolve));
  });

  it('refuses calls from another origin, even with a stolen token, and without the token', async () => {
    const folder = await tempFolder();
    const app = await launchApp(folder);
    const token = new URL(app.url).hash.replace('#token=', '');
    const { page, context } = await openPage(browser());
    await page.goto(hostileOrigin);

    const attempts = await page.evaluate(
      async ({ origin, token }) => {
        const tries = [
          // A simple form-like POST needs no preflight: the request reaches the server.
          fetch(`${origin}/rpc/drafts.create`, { method: 'POST', mode: 'no-cors', body: '{}' }),
          fetch(`${origin}/rpc/drafts.create`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'Content-Type': 'text/plain' },
            body: JSON.stringify({ title: 'planted', token }),
          }),
          fetch(`${origin}/rpc/drafts.list`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: '{}',
          }).then((response) => response.text()),
        ];
        return Promise.allSettled(tries).then((results) => results.map((result) => result.status));
      },
      { origin: app.origin, token },
    );
    // The readable call with the token is blocked by the browser (no CORS), the blind ones by the server.
    expect(attempts[2]).toBe('rejected');
    await expect(readdir(join(folder, 'Documents', 'Pressroom'))).rejects.toThrow();

    await context.close();
    await app.quit();
  });
});
