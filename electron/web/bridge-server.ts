/**
 * Browser mode: serves the renderer bundle and carries the IPC contract over HTTP on 127.0.0.1, to
 * the same core, through the same dispatcher (and so the same validation) as Electron's main process.
 *
 * Guards, because any web page the user visits can try to reach a loopback port:
 * - bound to 127.0.0.1 only, and the Host header must name it (defeats DNS rebinding);
 * - every call carries a per-launch secret token (Authorization: Bearer), compared in constant time;
 * - calls must come from our own origin (the Origin header), and no CORS header is ever sent.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_IMPORTED_IMAGE_BASE64 } from '../../shared/release/release-details.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.js';
import type { EventHub } from '../core/events.js';
import { createDispatcher, type Handlers } from '../core/ipc/dispatcher.js';
import { allowOrigins } from '../core/ipc/sender-policy.js';
import type { Logger } from '../core/logger.js';
import { loadRendererAsset } from '../core/static/renderer-assets.js';

export interface WebBridgeOptions {
  handlers: Handlers;
  events: EventHub;
  rendererFolder: string;
  logger: Logger;
  port?: number;
  /** Only for tests that need a known token; normally a fresh random one per launch. */
  token?: string;
  /** WordPress's approval screen sends the browser here (GET /connect/callback?state=…). */
  onConnectCallback?: (query: URLSearchParams) => Promise<{ ok: boolean; message: string | null }>;
}

export const CONNECT_CALLBACK_PATH = '/connect/callback';

export interface WebBridge {
  origin: string;
  token: string;
  /** The address to open: the token travels in the fragment, which browsers never send to servers. */
  url: string;
  close(): Promise<void>;
}

/**
 * The largest call is `drafts.importImage`: a picture of up to MAX_IMPORTED_IMAGE_BYTES as base64
 * text, plus its JSON around it (the draft id and a file name of up to 255 characters, which JSON
 * may escape six times over). A megabyte of margin covers that many times over.
 */
const MAX_REQUEST_BYTES = MAX_IMPORTED_IMAGE_BASE64 + 1024 * 1024;
const RPC_PREFIX = '/rpc/';

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

const refuse = (res: ServerResponse, status: number, message: string): void =>
  sendJson(res, status, { ok: false, error: { code: 'forbidden', message } });

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const readBody = (req: IncomingMessage): Promise<string | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const startWebBridge = async (options: WebBridgeOptions): Promise<WebBridge> => {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let origin = '';
  let host = '';
  let dispatch: ReturnType<typeof createDispatcher> | null = null;

  const isAuthorised = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length), token);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.headers.host !== host) return refuse(res, 403, 'Wrong host.');
    const path = new URL(req.url ?? '/', origin).pathname;

    if (path.startsWith(RPC_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
      if (req.headers.origin !== origin) return refuse(res, 403, 'Calls from other origins are refused.');
      if (!isAuthorised(req)) return refuse(res, 401, 'Missing or wrong token.');
      const text = await readBody(req);
      if (text === null) return refuse(res, 413, 'The request is too large.');
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        payload = Symbol('not JSON'); // the dispatcher's schema refuses it like any malformed payload
      }
      const method = decodeURIComponent(path.slice(RPC_PREFIX.length));
      const result = await dispatch!({ url: origin, isTopFrame: true }, method, payload);
      return sendJson(res, 200, result);
    }

    if (path === '/events') {
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        return refuse(res, 403, 'Calls from other origins are refused.');
      }
      if (!isAuthorised(req)) return refuse(res, 401, 'Missing or wrong token.');
      res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (path === CONNECT_CALLBACK_PATH && req.method === 'GET' && options.onConnectCallback) {
      // Reached by the user's browser from the WordPress site, so no token: the single-use state
      // in the query is the guard. The query holds a password: it is never logged.
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      const result = await options.onConnectCallback(query);
      res.writeHead(result.ok ? 200 : 400, {
        ...securityHeaders,
        'Content-Type': 'text/html; charset=utf-8',
      });
      res.end(connectionPage(result));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Not allowed.');
    const asset = await loadRendererAsset(options.rendererFolder, path);
    if (!asset) {
      res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...securityHeaders, 'Content-Type': asset.contentType });
    res.end(req.method === 'HEAD' ? undefined : asset.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger.error('web bridge: request failed', { error });
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  dispatch = createDispatcher(options.handlers, allowOrigins([origin]), options.logger);

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  return {
    origin,
    token,
    url: `${origin}/#token=${token}`,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the browser tab shows after the approval: go back to Pressroom. */
const connectionPage = (result: { ok: boolean; message: string | null }): string =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Pressroom</title>` +
  `<h1>${result.ok ? 'Connected' : 'Not connected'}</h1>` +
  `<p>${escapeHtml(result.ok ? 'The site is connected to Pressroom. You can close this tab and go back to Pressroom.' : (result.message ?? 'The site was not connected.'))}</p></html>`;
