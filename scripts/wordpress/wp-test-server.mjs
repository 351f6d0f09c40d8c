// A real WordPress on 127.0.0.1 for integration tests, benchmarks and demos, from Debian's packages
// (wordpress, php-cli, php-mysql, php-gd, php-xml, php-mbstring, mariadb-server), touching nothing in
// /etc or /var: MariaDB runs on a socket in the state folder with no TCP port, WordPress is a copy of
// /usr/share/wordpress served by PHP's built-in server, installed unattended with an application
// password for its administrator.
//
//   node scripts/wordpress/wp-test-server.mjs [--state DIR] [--port N]
// prints one JSON line {"url","user","appPassword","state","pids"} when the REST API answers, and
// keeps running until interrupted; `startWordPress()` does the same for a test's global setup.
import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const execFileAsync = promisify(execFile);
const WORDPRESS_SOURCE = '/usr/share/wordpress';
export const ADMIN_USER = 'editor';

/** Whether this machine has what a test WordPress needs (CI installs it; see .ci/run). */
export const wordPressAvailable = () =>
  existsSync(WORDPRESS_SOURCE) && existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/php');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const waitFor = async (check, what, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`test WordPress: ${what} did not come up in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const phpString = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * Starts MariaDB and WordPress in `state` (a new temporary folder by default) and installs the site.
 * Returns its address, the administrator's application password, and `stop()`.
 */
export const startWordPress = async ({ state, port, timeZone = 'Europe/Istanbul' } = {}) => {
  if (!wordPressAvailable()) {
    throw new Error(
      'test WordPress: Debian packages missing. Install them with: apt-get install -y --no-install-recommends ' +
        'wordpress php-cli php-mysql php-gd php-xml php-mbstring mariadb-server',
    );
  }
  const folder = state ?? (await mkdtemp(join(tmpdir(), 'pressroom-wp-')));
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const socket = join(folder, 'mysql.sock');
  const children = [];
  const stop = async () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(
      children.map((child) =>
        child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null,
      ),
    );
    if (!state) await rm(folder, { recursive: true, force: true });
  };

  try {
    // MariaDB, private to this folder.
    await mkdir(join(folder, 'db'), { recursive: true });
    await execFileAsync('mariadb-install-db', [
      '--no-defaults',
      '--user=root',
      `--datadir=${join(folder, 'db')}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ]);
    const database = spawn(
      'mariadbd',
      [
        '--no-defaults',
        '--user=root',
        `--datadir=${join(folder, 'db')}`,
        `--socket=${socket}`,
        '--skip-networking',
        `--pid-file=${join(folder, 'mariadb.pid')}`,
        `--log-error=${join(folder, 'mariadb.log')}`,
      ],
      { stdio: 'ignore' },
    );
    children.push(database);
    await waitFor(async () => existsSync(socket), 'MariaDB');
    const dbPassword = randomBytes(12).toString('hex');
    await execFileAsync('mariadb', [
      '--no-defaults',
      '-uroot',
      `--socket=${socket}`,
      '-e',
      'CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ' +
        `CREATE USER 'wp'@'localhost' IDENTIFIED BY '${dbPassword}'; ` +
        "GRANT ALL ON wordpress.* TO 'wp'@'localhost';",
    ]);

    // WordPress: a private copy with its own wp-content and wp-config.php.
    const site = join(folder, 'wordpress');
    await cp(WORDPRESS_SOURCE, site, { recursive: true, dereference: false, verbatimSymlinks: true });
    await rm(join(site, '.htaccess'), { force: true });
    await rm(join(site, 'wp-content'), { recursive: true, force: true });
    for (const sub of ['plugins', 'themes', 'uploads'])
      await mkdir(join(site, 'wp-content', sub), { recursive: true });
    const salts = [
      'AUTH_KEY',
      'SECURE_AUTH_KEY',
      'LOGGED_IN_KEY',
      'NONCE_KEY',
      'AUTH_SALT',
      'SECURE_AUTH_SALT',
      'LOGGED_IN_SALT',
      'NONCE_SALT',
    ]
      .map((name) => `define('${name}', '${randomBytes(24).toString('hex')}');`)
      .join('\n');
    await writeFile(
      join(site, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', ${phpString(dbPassword)});
define('DB_HOST', ${phpString(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', ${phpString(url)});
define('WP_SITEURL', ${phpString(url)});
define('WP_CONTENT_DIR', ${phpString(join(site, 'wp-content'))});
define('WP_CONTENT_URL', ${phpString(`${url}/wp-content`)});
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords over plain http on loopback
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
${salts}
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const adminPassword = randomBytes(12).toString('hex');
    const { stdout } = await execFileAsync(
      'php',
      [join(here, 'install.php'), site, 'Pressroom Test Newsroom', ADMIN_USER, adminPassword, timeZone],
      { env: { ...process.env, HTTP_HOST: `127.0.0.1:${listenPort}` } },
    );
    const installed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
    if (!installed.appPassword) throw new Error(`test WordPress: install failed: ${stdout}`);

    const server = spawn(
      'php',
      [
        '-S',
        `127.0.0.1:${listenPort}`,
        '-t',
        site,
        '-d',
        'upload_max_filesize=64M',
        '-d',
        'post_max_size=64M',
        '-d',
        'memory_limit=512M',
        join(here, 'router.php'),
      ],
      { stdio: 'ignore', cwd: site },
    );
    children.push(server);
    await waitFor(async () => (await fetch(`${url}/wp-json/`)).ok, 'the REST API');
    return {
      url,
      user: ADMIN_USER,
      password: adminPassword,
      appPassword: installed.appPassword,
      state: folder,
      socket,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { state: { type: 'string' }, port: { type: 'string' } } });
  const wordpress = await startWordPress({
    ...(values.state ? { state: values.state } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
  });
  const { stop, ...facts } = wordpress;
  process.stdout.write(`${JSON.stringify(facts)}\n`);
  process.stderr.write(`Test WordPress at ${wordpress.url} (user ${wordpress.user}). Ctrl+C stops it.\n`);
  const quit = () => void stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
