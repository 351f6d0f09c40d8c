// The servers the benchmarks load pages from: the real browser-mode server (dist/web/start-web.js)
// and a tiny static server for baseline pages. Both bind to 127.0.0.1 and send `no-store`.
import { spawn } from 'node:child_process';
import { access, cp, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/** Serves the files under `dir`; resolves to { url, close() }. */
export const startStaticServer = async (dir) => {
  const root = normalize(dir + sep);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    const body = file.startsWith(root) ? await readFile(file).catch(() => null) : null;
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * Copies the built server and renderer (dist/web, dist/renderer) into `dir`/dist, so that a build
 * started elsewhere in the same working tree during the run cannot change or empty what is measured.
 * Returns the copy's dist folder.
 */
export const copyBuiltApp = async (root, dir) => {
  const dist = join(dir, 'dist');
  for (const part of ['web/start-web.js', 'renderer/index.html']) {
    await access(join(root, 'dist', part)).catch(() => {
      throw new Error(`dist/${part} is missing; run scripts/build.mjs first (npm run bench does).`);
    });
  }
  await cp(join(root, 'dist/web'), join(dist, 'web'), { recursive: true });
  await cp(join(root, 'dist/renderer'), join(dist, 'renderer'), { recursive: true });
  return dist;
};

/** Waits for a child process to exit, at most `ms`; resolves to whether it did. */
const exited = (child, ms) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });

/** Stops a child process: SIGTERM, then SIGKILL if it has not gone within 3 s. */
export const stopProcess = async (child) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await exited(child, 3000)) return;
  child.kill('SIGKILL');
  await exited(child, 3000);
};

/**
 * Starts the browser-mode server from a built dist/ (the repository's, or a copy of it: the server
 * bundle is self-contained and serves ../renderer beside it) and waits for the JSON line it prints.
 * Resolves to { url, origin, child, stop() }; `url` carries the session token in its fragment.
 */
export const startWebApp = ({ root, dist = join(root, 'dist'), userData, documents, timeoutMs = 15000 }) => {
  const child = spawn(
    process.execPath,
    [join(dist, 'web/start-web.js'), '--user-data', userData, '--documents', documents],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  return new Promise((resolve, reject) => {
    let stdout = '';
    const fail = (message) => {
      clearTimeout(timer);
      void stopProcess(child);
      reject(new Error(`${message}\n--- server stderr ---\n${stderr.trim()}`));
    };
    const timer = setTimeout(
      () => fail(`The browser-mode server did not start within ${timeoutMs} ms.`),
      timeoutMs,
    );
    child.once('error', (error) => fail(`Could not start the browser-mode server: ${error.message}`));
    child.once('exit', (code, signal) => fail(`The browser-mode server exited early (${signal ?? code}).`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume(); // keep draining anything else it prints
      try {
        const { url, origin } = JSON.parse(stdout.slice(0, newline));
        resolve({ url, origin, child, stop: () => stopProcess(child) });
      } catch {
        fail(`The browser-mode server printed something other than its address: ${stdout.slice(0, 200)}`);
      }
    });
  });
};
