/**
 * Connecting a site without typing a password: WordPress's own "authorize application" screen
 * (wp-admin/authorize-application.php, WordPress 5.6+) opens in the user's browser; after the user
 * approves, WordPress sends the browser to our callback with the site address, the user name and a
 * new application password, which go straight into the SecretStore.
 *
 * The callback is `pressroom://connect` in the desktop app and a loopback address in browser mode.
 * Each request carries a single-use random `state` that expires: a callback without a live state
 * (a forged link, a replay, a stale tab) is refused and adds nothing.
 */
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../shared/contract/result.js';
import { normaliseSiteUrl, type Site, type SiteCheck } from '../../../shared/sites/site.js';
import type { SiteService } from './site-service.js';

/** WordPress's app id for Pressroom: the same on every install, so the site lists it as one app. */
export const PRESSROOM_APP_ID = '6f1c9a52-3b1e-4d53-9a57-2b0c1f6e8d41';
const EXPIRES_AFTER_MS = 15 * 60 * 1000;

interface Pending {
  name: string;
  url: string;
  startedAt: number;
}

export type ConnectionResult = { ok: true; site: Site; check: SiteCheck } | { ok: false; message: string };

export class SiteConnections {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly sites: SiteService,
    /** Where WordPress sends the browser back: pressroom://connect, or the browser-mode callback. */
    private readonly callbackUrl: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The address of the site's approval screen, to open in the user's browser. */
  start(request: { name: string; url: string }): { authorizeUrl: string } {
    const url = normaliseSiteUrl(request.url);
    if (!url) {
      throw new AppFailure(
        'invalid-request',
        `"${request.url}" is not a web address. Enter the site's address, such as https://news.example.org.`,
      );
    }
    if (!request.name.trim())
      throw new AppFailure('invalid-request', 'Give the site a name, such as "Newsroom".');
    this.expire();
    const state = randomBytes(24).toString('base64url');
    this.pending.set(state, { name: request.name.trim(), url, startedAt: this.now() });
    const back = (extra: string) => `${this.callbackUrl()}?state=${state}${extra}`;
    const query = new URLSearchParams({
      app_name: 'Pressroom',
      app_id: PRESSROOM_APP_ID,
      success_url: back(''),
      reject_url: back('&rejected=1'),
    });
    return { authorizeUrl: `${url}/wp-admin/authorize-application.php?${query.toString()}` };
  }

  /** The callback's query: adds the site with the approved password, tests it, or says why not. */
  async complete(query: URLSearchParams): Promise<ConnectionResult> {
    this.expire();
    const state = query.get('state') ?? '';
    const pending = this.pending.get(state);
    if (!pending) {
      return {
        ok: false,
        message:
          'This approval is not one Pressroom asked for, or it expired. Start connecting the site again.',
      };
    }
    this.pending.delete(state); // single use, whatever happens next
    if (query.get('rejected') === '1' || query.get('success') === 'false') {
      return {
        ok: false,
        message: `The connection to ${pending.url} was declined on the site. Nothing was added.`,
      };
    }
    const user = query.get('user_login') ?? '';
    const password = query.get('password') ?? '';
    const siteUrl = normaliseSiteUrl(query.get('site_url') ?? pending.url) ?? pending.url;
    if (!user || !password) {
      return {
        ok: false,
        message: 'The site did not send a user name and password back. Try again, or add the site by hand.',
      };
    }
    try {
      const { site } = await this.sites.add(
        { name: pending.name, url: siteUrl, user, password },
        { requireSecretStore: true },
      );
      return { ok: true, site, check: (await this.sites.test(site.id)).check };
    } catch (error) {
      return {
        ok: false,
        message: error instanceof AppFailure ? error.message : 'The site could not be added.',
      };
    }
  }

  private expire(): void {
    for (const [state, pending] of this.pending) {
      if (this.now() - pending.startedAt > EXPIRES_AFTER_MS) this.pending.delete(state);
    }
  }
}
