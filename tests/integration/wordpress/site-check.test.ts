/**
 * "Test connection" against a real WordPress (Debian's packages on 127.0.0.1, started once per run):
 * each answer a press officer can get, in plain words.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../../electron/core/wordpress/site-check.js';
import { SiteFailure, WpClient } from '../../../electron/core/wordpress/wp-client.js';
import { adminClient, testSite, unique, userWithRole } from '../../support/wordpress/site-admin.js';

describe('testing the connection to a WordPress site', () => {
  it('signs in with an application password and reads what the site is and what the user may do', async () => {
    const check = await checkSite(adminClient());
    expect(check).toMatchObject({
      ok: true,
      title: 'Pressroom Test Newsroom',
      timeZone: 'Europe/Istanbul',
      dateFormat: 'j F Y',
      canPublish: true,
      canUpload: true,
      insecure: true, // plain http on the test machine: the UI warns about it
      problem: null,
    });
  });

  it('says the password was not accepted, whether it is wrong or missing', async () => {
    const site = testSite();
    for (const password of ['wxyz wxyz wxyz wxyz wxyz wxyz', null]) {
      const check = await checkSite(new WpClient({ url: site.url, user: site.user, password }));
      expect(check).toMatchObject({ ok: false, problem: 'auth', title: 'Pressroom Test Newsroom' });
      expect(check.message).toMatch(/did not accept the user name and application password/);
    }
  });

  it('says when the user may not publish or upload, and which role to ask for', async () => {
    const subscriber = await userWithRole('subscriber');
    const check = await checkSite(
      new WpClient({ url: testSite().url, user: subscriber.login, password: subscriber.appPassword }),
    );
    expect(check).toMatchObject({ ok: false, problem: 'forbidden', canPublish: false, canUpload: false });
    expect(check.message).toMatch(/may not publish posts or upload images.*Editor or Author role/);
  });

  describe('sites that are not WordPress, or not there', () => {
    let plainSite: Server;
    let plainUrl = '';
    beforeAll(async () => {
      plainSite = createServer((_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<!doctype html><title>Our other site</title><p>Hello</p>');
      });
      await new Promise<void>((resolve) => plainSite.listen(0, '127.0.0.1', resolve));
      plainUrl = `http://127.0.0.1:${(plainSite.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => plainSite.close(() => resolve())));

    it('tells a web site that is not WordPress from one that is down', async () => {
      const notWordPress = await checkSite(new WpClient({ url: plainUrl, user: 'x', password: 'y' }));
      expect(notWordPress).toMatchObject({ ok: false, problem: 'not-wordpress' });
      expect(notWordPress.message).toMatch(/not as a WordPress site/);

      // A port that was just free: nothing listens there.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const closed = await checkSite(
        new WpClient({ url: `http://127.0.0.1:${port}`, user: 'x', password: 'y' }),
      );
      expect(closed).toMatchObject({ ok: false, problem: 'unreachable' });
      expect(closed.message).toMatch(/refused the connection/);
    });
  });

  it('reads every page of a long list, not just the first 100', async () => {
    const admin = adminClient();
    const prefix = unique('cat');
    await Promise.all(
      Array.from({ length: 105 }, (_, index) =>
        admin.call('wp/v2/categories', { method: 'POST', json: { name: `${prefix} ${index}` } }),
      ),
    );
    const all = await admin.all<{ name: string }>('wp/v2/categories', { query: { search: prefix } });
    expect(all.filter((category) => category.name.startsWith(prefix))).toHaveLength(105);
  });

  it('turns a WordPress refusal into its own words, never leaking the password', async () => {
    const site = testSite();
    const failure = await adminClient()
      .call('wp/v2/posts', { method: 'POST', json: { status: 'not-a-status' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SiteFailure);
    expect(failure).toMatchObject({ problem: 'rejected', status: 400, wpCode: 'rest_invalid_param' });
    expect(JSON.stringify(failure) + String((failure as Error).message)).not.toContain(site.appPassword);
  });
});
