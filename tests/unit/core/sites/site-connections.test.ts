import { describe, expect, it } from 'vitest';
import { memorySecrets } from '../../../../electron/core/sites/secret-store.js';
import { PRESSROOM_APP_ID, SiteConnections } from '../../../../electron/core/sites/site-connections.js';
import { SiteRegistry } from '../../../../electron/core/sites/site-registry.js';
import { SiteService } from '../../../../electron/core/sites/site-service.js';
import type { KeyValueStore } from '../../../../electron/core/settings/settings-service.js';

const memoryStore = (): KeyValueStore => {
  const data: Record<string, unknown> = {};
  return { get: (key) => data[key], set: (key, value) => void (data[key] = value) };
};

/** A site that answers every REST call like a WordPress that accepts the password. */
const wordpressFetch: typeof fetch = async (input) => {
  const route = new URL(String(input)).searchParams.get('rest_route');
  const body =
    route === '/'
      ? { name: 'Newsroom', timezone_string: 'Europe/Istanbul', namespaces: ['wp/v2'] }
      : route === '/wp/v2/users/me'
        ? { capabilities: { publish_posts: true, upload_files: true } }
        : { date_format: 'j F Y' };
  return new Response(JSON.stringify(body), { status: 200 });
};

const setup = () => {
  let now = 0;
  const secrets = memorySecrets();
  const sites = new SiteService({
    registry: new SiteRegistry(memoryStore()),
    secrets,
    fetch: wordpressFetch,
  });
  const connections = new SiteConnections(
    sites,
    () => 'pressroom://connect',
    () => now,
  );
  return { sites, secrets, connections, advance: (ms: number) => (now += ms) };
};

const callback = (authorizeUrl: string, extra: Record<string, string>) => {
  const success = new URL(authorizeUrl).searchParams.get('success_url')!;
  const query = new URLSearchParams(success.split('?')[1]);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query;
};

describe('connecting a site through its approval screen', () => {
  it('sends the user to authorize-application.php with Pressroom as the app and our callback', () => {
    const { connections } = setup();
    const { authorizeUrl } = connections.start({ name: 'Newsroom', url: 'news.example.org/wp-admin' });
    const url = new URL(authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://news.example.org/wp-admin/authorize-application.php',
    );
    expect(url.searchParams.get('app_name')).toBe('Pressroom');
    expect(url.searchParams.get('app_id')).toBe(PRESSROOM_APP_ID);
    expect(url.searchParams.get('success_url')).toMatch(/^pressroom:\/\/connect\?state=[\w-]{32}$/);
    expect(url.searchParams.get('reject_url')).toMatch(/^pressroom:\/\/connect\?state=[\w-]{32}&rejected=1$/);
  });

  it('adds the approved site with its new password, once', async () => {
    const { connections, sites, secrets } = setup();
    const { authorizeUrl } = connections.start({ name: 'Newsroom', url: 'https://news.example.org' });
    const approved = callback(authorizeUrl, {
      site_url: 'https://news.example.org',
      user_login: 'editor',
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    const result = await connections.complete(approved);
    expect(result).toMatchObject({
      ok: true,
      site: { name: 'Newsroom', user: 'editor' },
      check: { ok: true },
    });
    expect(sites.list()).toHaveLength(1);
    expect(await secrets.get('site:newsroom')).toBe('abcd efgh ijkl mnop qrst uvwx');
    // The same approval link again (a replay) adds nothing.
    expect(await connections.complete(approved)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not one Pressroom asked for/),
    });
    expect(sites.list()).toHaveLength(1);
  });

  it('refuses forged, expired and declined approvals, adding nothing', async () => {
    const { connections, sites, advance } = setup();
    const forged = new URLSearchParams({ state: 'made-up', user_login: 'x', password: 'y' });
    expect((await connections.complete(forged)).ok).toBe(false);

    const declined = connections.start({ name: 'A', url: 'https://a.example.org' });
    expect(await connections.complete(callback(declined.authorizeUrl, { rejected: '1' }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/declined on the site/),
    });

    const stale = connections.start({ name: 'B', url: 'https://b.example.org' });
    advance(16 * 60 * 1000);
    const late = callback(stale.authorizeUrl, {
      user_login: 'editor',
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    expect((await connections.complete(late)).ok).toBe(false);
    expect(sites.list()).toEqual([]);
  });
});
