/**
 * A proxy in front of the real test WordPress that injects the faults a real site cannot produce on
 * demand: the connection cut after WordPress received (and acted on) the request, no answer at all,
 * a 502 HTML page from a gateway, a garbled body, a 401/403/413 from a firewall. Each rule fires on
 * the first requests that match it, then the proxy passes traffic through untouched.
 */
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'reset-after-forward'
  | 'hang-after-forward'
  | 'gateway-502'
  | 'garbled-json'
  | 'unauthorised-401'
  | 'forbidden-403'
  | 'too-large-413'
  /** WordPress acts at once, its answer arrives `delayMs` later: a slow site or line. */
  | 'slow-answer';

export interface FaultRule {
  method: string;
  /** The REST route, as in ?rest_route= (e.g. /wp/v2/posts). */
  route: string | RegExp;
  fault: Fault;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /** For slow-answer: how long the answer is held (default 5 s). */
  delayMs?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults injected so far, as "METHOD route fault". */
  fired: string[];
  close(): Promise<void>;
}

const routeOf = (url: string): string => new URLSearchParams(url.split('?')[1] ?? '').get('rest_route') ?? '';

export const startFaultProxy = async (target: string, rules: FaultRule[], port = 0): Promise<FaultProxy> => {
  const left = rules.map((rule) => ({ ...rule, times: rule.times ?? 1 }));
  const fired: string[] = [];
  const targetUrl = new URL(target);
  const hanging = new Set<ServerResponse>();

  const pass = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstream = forward(
        {
          host: targetUrl.hostname,
          port: targetUrl.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: targetUrl.host },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([key, value]) => [key, String(value)]),
              ),
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const route = routeOf(req.url ?? '');
        const rule = left.find(
          (candidate) =>
            candidate.times > 0 &&
            candidate.method === req.method &&
            (typeof candidate.route === 'string' ? candidate.route === route : candidate.route.test(route)),
        );
        if (rule) {
          rule.times -= 1;
          fired.push(`${req.method} ${route} ${rule.fault}`);
        }
        const fault = rule?.fault;
        if (fault === 'gateway-502') {
          res.writeHead(502, { 'Content-Type': 'text/html' });
          return res.end('<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>');
        }
        if (fault === 'unauthorised-401' || fault === 'forbidden-403' || fault === 'too-large-413') {
          const status = Number(fault.split('-').pop());
          res.writeHead(status, { 'Content-Type': 'text/html' });
          return res.end(`<html><body>${status} blocked by the firewall</body></html>`);
        }
        const answer = await pass(req, Buffer.concat(chunks));
        if (fault === 'reset-after-forward') return req.socket.destroy();
        if (fault === 'hang-after-forward') return void hanging.add(res);
        if (fault === 'slow-answer') {
          await new Promise((resolve) => setTimeout(resolve, rule?.delayMs ?? 5_000));
          if (res.destroyed) return; // the client gave up (cancelled) meanwhile
        }
        const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = answer.headers;
        res.writeHead(answer.status, headers);
        res.end(
          fault === 'garbled-json'
            ? answer.body.subarray(0, Math.floor(answer.body.length / 2))
            : answer.body,
        );
      })().catch(() => req.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fired,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
