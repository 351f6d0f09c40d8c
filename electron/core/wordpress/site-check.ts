/**
 * "Test connection": is this a WordPress site, is its REST API reachable, are the credentials
 * right, and may this user publish posts and upload images? Answers with the first problem in plain
 * words, and the site's own title, time zone and date format when it could read them.
 */
import type { SiteCheck } from '../../../shared/sites/site.js';
import { SiteFailure, type WpClient } from './wp-client.js';

interface RestIndex {
  name?: string;
  timezone_string?: string;
  gmt_offset?: number | string;
  namespaces?: string[];
}

interface Me {
  capabilities?: Record<string, boolean>;
}

interface SiteSettings {
  date_format?: string;
  timezone?: string;
}

const failed = (base: Partial<SiteCheck>, problem: string, message: string): SiteCheck => ({
  ok: false,
  title: null,
  timeZone: null,
  dateFormat: null,
  canPublish: false,
  canUpload: false,
  insecure: false,
  ...base,
  problem,
  message,
});

export const checkSite = async (
  client: WpClient,
  options: { signal?: AbortSignal } = {},
): Promise<SiteCheck> => {
  const host = new URL(client.siteUrl).host;
  const insecure = new URL(client.siteUrl).protocol === 'http:';
  let index: RestIndex;
  try {
    index = (await client.call<RestIndex>('', { ...options, timeoutMs: 15_000 })).data;
  } catch (error) {
    if (!(error instanceof SiteFailure)) throw error;
    // An HTML page where the REST index should be: not WordPress, or WordPress with the API hidden.
    if (error.problem === 'bad-response') {
      return failed(
        { insecure },
        'not-wordpress',
        `${host} answered, but not as a WordPress site. Check the address: it should be the site's home page, such as https://news.example.org.`,
      );
    }
    return failed({ insecure }, error.problem, error.message);
  }
  if (!Array.isArray(index.namespaces) || !index.namespaces.includes('wp/v2')) {
    return failed(
      { insecure, title: index.name ?? null },
      'rest-disabled',
      `${host} is WordPress, but its REST API for posts is switched off (often by a security plugin). Ask the site's administrator to allow it for Pressroom.`,
    );
  }
  const known = {
    insecure,
    title: index.name ?? null,
    timeZone: index.timezone_string || offsetZone(index.gmt_offset),
  };
  let me: Me;
  try {
    me = (await client.call<Me>('wp/v2/users/me', { ...options, query: { context: 'edit' } })).data;
  } catch (error) {
    if (!(error instanceof SiteFailure)) throw error;
    return failed(known, error.problem, error.message);
  }
  const canPublish = me.capabilities?.publish_posts === true;
  const canUpload = me.capabilities?.upload_files === true;
  // The date format is in the settings only administrators may read; editors simply don't get it.
  const settings = await client
    .call<SiteSettings>('wp/v2/settings', options)
    .then(({ data }) => data)
    .catch(() => null);
  const base = { ...known, dateFormat: settings?.date_format ?? null, canPublish, canUpload };
  if (!canPublish || !canUpload) {
    const missing = [!canPublish && 'publish posts', !canUpload && 'upload images']
      .filter(Boolean)
      .join(' or ');
    return failed(
      base,
      'forbidden',
      `Signed in to ${host}, but this user may not ${missing}. Ask the site's administrator for the Editor or Author role.`,
    );
  }
  return { ok: true, ...base, problem: null, message: null };
};

/** "+3" → "Etc/GMT-3" (the IANA sign is inverted); a site set to a bare offset has no DST rules. */
const offsetZone = (offset: number | string | undefined): string | null => {
  const hours = Number(offset);
  if (!Number.isFinite(hours) || !Number.isInteger(hours)) return null;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
};
