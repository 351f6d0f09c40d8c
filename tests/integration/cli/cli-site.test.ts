/**
 * `pressroom site add|list|test|remove` as IT would script it, against the real test WordPress.
 * This machine has no OS keychain (no Secret Service): the CLI must say so plainly, keep the site,
 * and take the password from PRESSROOM_APP_PASSWORD.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli, stderrLines } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { testSite } from '../../support/wordpress/site-admin.js';

describe('pressroom site', () => {
  const tempFolder = useTempFolder();
  beforeAll(() => ensureCliBuilt(), 60_000);

  const configured = async () => {
    const config = await tempFolder();
    const site = testSite();
    const run = (args: string[], extra: { input?: string; env?: Record<string, string | undefined> } = {}) =>
      runCli(['site', ...args], {
        ...extra,
        env: { PRESSROOM_CONFIG_DIR: config, PRESSROOM_APP_PASSWORD: undefined, ...extra.env },
      });
    return { config, site, run };
  };

  it('adds a site with the password from stdin, never storing it in plain text, and says where it must come from', async () => {
    const { config, site, run } = await configured();
    const added = await run(
      ['add', '--name', 'Newsroom', '--url', `${site.url}/wp-admin/`, '--user', site.user],
      {
        input: `${site.appPassword}\n`,
      },
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(`Added "Newsroom" (${site.url}) as newsroom.\n`);
    expect(added.stderr).toMatch(/password was not stored: .*no keychain.*Set PRESSROOM_APP_PASSWORD/);
    for (const file of await readdir(config)) {
      expect(await readFile(join(config, file), 'utf8')).not.toContain(site.appPassword);
    }

    const listed = await run(['list', '--json']);
    expect(JSON.parse(listed.stdout)).toEqual([
      { id: 'newsroom', name: 'Newsroom', url: site.url, user: site.user },
    ]);
    expect(listed.stdout).not.toContain(site.appPassword);
  });

  it('tests the connection with PRESSROOM_APP_PASSWORD, and says plainly when it is missing or wrong', async () => {
    const { site, run } = await configured();
    await run(['add', '--name', 'Newsroom', '--url', site.url, '--user', site.user], { input: 'x\n' });

    const ok = await run(['test', 'newsroom'], { env: { PRESSROOM_APP_PASSWORD: site.appPassword } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^OK: signed in to "Pressroom Test Newsroom" as editor; may publish posts and upload images\. Site time zone: Europe\/Istanbul\.\n$/,
    );
    expect(ok.stderr).toMatch(/plain http; the password travels unencrypted/);

    const none = await run(['test', 'Newsroom']);
    expect(none.code).toBe(1);
    expect(stderrLines(none).at(-1)).toMatch(
      /did not accept .* No password is stored for this site on this computer/,
    );

    const wrongKind = await run(['test', 'Newsroom', '--json'], {
      env: { PRESSROOM_APP_PASSWORD: 'my login password' },
    });
    expect(wrongKind.code).toBe(1);
    expect(JSON.parse(wrongKind.stdout)).toMatchObject({ ok: false, problem: 'auth' });
    expect(JSON.parse(wrongKind.stdout).message).toMatch(/does not look like an application password/);
  });

  it('refuses bad input with one line and exit 2, and removes a site', async () => {
    const { site, run } = await configured();
    const noPassword = await run(['add', '--name', 'N', '--url', site.url, '--user', site.user], {
      input: '',
    });
    expect(noPassword).toMatchObject({ code: 2, stdout: '' });
    expect(stderrLines(noPassword)).toEqual([
      'pressroom: no application password on stdin; pipe it in, or type it when asked',
    ]);

    const badUrl = await run(['add', '--name', 'N', '--url', 'ftp://x', '--user', 'u'], { input: 'p\n' });
    expect(badUrl.code).toBe(2);
    expect(stderrLines(badUrl)).toEqual([
      'pressroom: "ftp://x" is not a web address. Enter the site\'s address, such as https://news.example.org.',
    ]);

    await run(['add', '--name', 'Newsroom', '--url', site.url, '--user', site.user], { input: 'p\n' });
    const twice = await run(['add', '--name', 'newsroom', '--url', site.url, '--user', site.user], {
      input: 'p\n',
    });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/already a site called "Newsroom"/);

    const unknown = await run(['test', 'Elsewhere']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no site called "Elsewhere". The sites are "Newsroom"/);

    expect((await run(['remove', 'Newsroom'])).stdout).toBe('Removed "Newsroom".\n');
    expect(JSON.parse((await run(['list', '--json'])).stdout)).toEqual([]);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});
