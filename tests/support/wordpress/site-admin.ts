/** Setting up the test WordPress through its own REST API, as its administrator would. */
import { inject } from 'vitest';
import { WpClient } from '../../../electron/core/wordpress/wp-client.js';
import { type Site, siteSchema } from '../../../shared/sites/site.js';

/** The shared test site, with the administrator's application password. */
export const testSite = () => inject('wordpress');

export const adminClient = (): WpClient => {
  const site = testSite();
  return new WpClient({ url: site.url, user: site.user, password: site.appPassword });
};

let counter = 0;
/** A name no other test uses on the shared site. */
export const unique = (prefix: string): string =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter += 1)}`;

/** A new user with `role` and an application password for it. */
export const userWithRole = async (role: 'subscriber' | 'contributor' | 'author' | 'editor') => {
  const admin = adminClient();
  const login = unique(role);
  const { data: user } = await admin.call<{ id: number }>('wp/v2/users', {
    method: 'POST',
    json: { username: login, email: `${login}@example.org`, password: `${login}-Pw-1!`, roles: [role] },
  });
  const { data: created } = await admin.call<{ password: string }>(
    `wp/v2/users/${user.id}/application-passwords`,
    {
      method: 'POST',
      json: { name: 'Pressroom test' },
    },
  );
  return { id: user.id, login, appPassword: created.password };
};

/** The test site as Pressroom stores it (settings), optionally reached at another address (a relay). */
export const testSiteRecord = (options: { id?: string; url?: string } = {}): Site =>
  siteSchema.parse({
    id: options.id ?? 'newsroom',
    name: 'Newsroom',
    url: options.url ?? testSite().url,
    user: testSite().user,
    addedAt: '2026-11-25T00:00:00Z',
  });
