/**
 * Sites as the user manages them: add, edit, test, remove, each with its password kept in the
 * SecretStore and nowhere else. The password comes in once (from the Sites page or the command
 * line's stdin) and never goes back out: listings and errors carry only names and addresses.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import {
  APPLICATION_PASSWORD_HINT,
  looksLikeApplicationPassword,
} from '../../../shared/sites/application-password.js';
import type { Site, SiteCheck } from '../../../shared/sites/site.js';
import { checkSite } from '../wordpress/site-check.js';
import { WpClient } from '../wordpress/wp-client.js';
import { passwordOf, type SecretStore, siteKey } from './secret-store.js';
import type { SiteInput, SiteRegistry } from './site-registry.js';

export interface SiteServiceOptions {
  registry: SiteRegistry;
  secrets: SecretStore;
  environment?: Record<string, string | undefined>;
  fetch?: typeof fetch;
  /** Called once a site is removed, to delete what is kept of it elsewhere (its cached thumbnails). */
  onRemoved?: (site: Site) => Promise<void>;
}

export interface SiteWithCheck {
  site: Site;
  check: SiteCheck;
}

export class SiteService {
  constructor(private readonly options: SiteServiceOptions) {}

  list(): Site[] {
    return this.options.registry.list();
  }

  passwordStorage() {
    return this.options.secrets.availability();
  }

  /**
   * Adds a site and keeps its password. With `requireSecretStore` (the app), a machine that cannot
   * protect the password refuses rather than pretend; without it (the CLI), the site is kept and the
   * caller tells the user the password must come from PRESSROOM_APP_PASSWORD.
   */
  async add(
    input: SiteInput & { password: string },
    { requireSecretStore }: { requireSecretStore: boolean },
  ): Promise<{ site: Site; passwordStored: boolean; reason: string | null }> {
    const availability = await this.options.secrets.availability();
    if (!availability.available && requireSecretStore)
      throw new AppFailure('not-supported', availability.reason);
    const site = this.options.registry.add(input);
    if (!availability.available) return { site, passwordStored: false, reason: availability.reason };
    try {
      await this.options.secrets.set(siteKey(site.id), input.password.trim());
    } catch (error) {
      this.options.registry.remove(site.id);
      throw new AppFailure('not-supported', error instanceof Error ? error.message : String(error));
    }
    return { site, passwordStored: true, reason: null };
  }

  async update(id: string, input: Partial<SiteInput> & { password?: string }): Promise<Site> {
    const { password, ...fields } = input;
    const site = this.options.registry.update(id, fields);
    if (password !== undefined) {
      const availability = await this.options.secrets.availability();
      if (!availability.available) throw new AppFailure('not-supported', availability.reason);
      await this.options.secrets.set(siteKey(site.id), password.trim());
    }
    return site;
  }

  async remove(id: string): Promise<Site> {
    const site = this.options.registry.remove(id);
    await this.options.secrets.delete(siteKey(site.id));
    await this.options.onRemoved?.(site);
    return site;
  }

  /** A REST client signed in as the site's user (PRESSROOM_APP_PASSWORD first, then the keychain). */
  async client(idOrName: string): Promise<{ site: Site; client: WpClient; hasPassword: boolean }> {
    const site = this.options.registry.get(idOrName);
    const password = await passwordOf(this.options.secrets, site.id, this.options.environment);
    return {
      site,
      hasPassword: password !== null,
      client: new WpClient({ url: site.url, user: site.user, password }, this.options.fetch),
    };
  }

  /** "Test connection", with a hint when a refused password does not look like an application password. */
  async test(idOrName: string, signal?: AbortSignal): Promise<SiteWithCheck> {
    const { site, client, hasPassword } = await this.client(idOrName);
    const check = await checkSite(client, signal ? { signal } : {});
    if (check.problem === 'auth') {
      const password = await passwordOf(this.options.secrets, site.id, this.options.environment);
      const hint = !hasPassword
        ? 'No password is stored for this site on this computer: enter it again, or set PRESSROOM_APP_PASSWORD.'
        : password && !looksLikeApplicationPassword(password)
          ? APPLICATION_PASSWORD_HINT
          : null;
      if (hint) return { site, check: { ...check, message: `${check.message} ${hint}` } };
    }
    return { site, check };
  }
}
