/**
 * Publishing through the faults of real networks, injected by a proxy in front of the real test
 * WordPress: for each, no duplicate post or media on the site, the draft untouched, a plain message,
 * and a retry where one can succeed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishRelease } from '../../../electron/core/publishing/publisher.js';
import { SiteFailure, WpClient } from '../../../electron/core/wordpress/wp-client.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { testLibrary } from '../../support/test-library.js';
import { type FaultProxy, type FaultRule, startFaultProxy } from '../../support/wordpress/fault-proxy.js';
import { sampleRelease } from '../../support/wordpress/sample-release.js';
import { adminClient, testSite, unique, testSiteRecord } from '../../support/wordpress/site-admin.js';

describe('publishing when the network or the site misbehaves', () => {
  const tempFolder = useTempFolder();
  let proxy: FaultProxy | null = null;
  afterEach(async () => {
    await proxy?.close();
    proxy = null;
  });

  const attempt = async (rules: FaultRule[], options: { timeoutMs?: number; url?: string } = {}) => {
    const marker = unique('fault');
    const library = testLibrary(await tempFolder());
    const created = await library.create(await sampleRelease(marker));
    const folder = library.folderOf(created.document.id);
    const before = await readFile(join(folder, 'release.json'));
    proxy = await startFaultProxy(testSite().url, rules);
    const url = options.url ?? proxy.url;
    const site = testSiteRecord({ url });
    const client = new WpClient(
      { url, user: testSite().user, password: testSite().appPassword },
      fetch,
      options.timeoutMs,
    );
    const result = await publishRelease({
      draftFolder: folder,
      document: created.document,
      site,
      client,
      createTerms: true,
      retries: 2,
      minRetryMs: 20,
    }).then(
      (outcome) => ({ outcome, error: null }),
      (error: unknown) => ({ outcome: null, error }),
    );
    const admin = adminClient();
    const { data: posts } = await admin.call<unknown[]>('wp/v2/posts', {
      query: { search: marker, status: 'any' },
    });
    const { data: media } = await admin.call<{ slug: string }[]>('wp/v2/media', {
      query: { search: 'dr-mostafa-faisal-parvez', per_page: 100, _fields: 'slug' },
    });
    return {
      ...result,
      marker,
      posts: posts.length,
      mediaSlugs: media.map((item) => item.slug),
      fired: [...proxy.fired],
      draftUntouched: (await readFile(join(folder, 'release.json'))).equals(before),
    };
  };

  /** Media items uploaded twice get "-2": none may appear. */
  const noDuplicateMedia = (slugs: string[]) =>
    expect(slugs.filter((slug) => /-[0-9a-f]{8}-\d+$/.test(slug))).toEqual([]);

  it('a connection cut after the post was created: retried, one post', async () => {
    const run = await attempt([{ method: 'POST', route: '/wp/v2/posts', fault: 'reset-after-forward' }]);
    expect(run.fired).toEqual(['POST /wp/v2/posts reset-after-forward']);
    expect(run.outcome).toMatchObject({ kind: 'published' });
    expect(run.posts).toBe(1);
    expect(run.draftUntouched).toBe(true);
  });

  it('no answer after the post was created (a timeout): retried, one post', async () => {
    const run = await attempt([{ method: 'POST', route: '/wp/v2/posts', fault: 'hang-after-forward' }], {
      timeoutMs: 3_000,
    });
    expect(run.outcome).toMatchObject({ kind: 'published' });
    expect(run.posts).toBe(1);
  });

  it('a 502 page from a gateway and a garbled answer to an upload: retried, one post, one image', async () => {
    const run = await attempt([
      { method: 'POST', route: /^\/wp\/v2\/posts\/\d+$/, fault: 'gateway-502' },
      { method: 'POST', route: '/wp/v2/media', fault: 'garbled-json' },
    ]);
    expect(run.fired).toHaveLength(2);
    expect(run.outcome).toMatchObject({ kind: 'published' });
    expect(run.posts).toBe(1);
    noDuplicateMedia(run.mediaSlugs);
  });

  it('401 and 403 from a firewall: stopped at once with what to do, nothing retried', async () => {
    for (const [fault, problem, words] of [
      ['unauthorised-401', 'auth', /did not accept the user name and application password/],
      ['forbidden-403', 'forbidden', /security plugin or firewall/],
    ] as const) {
      const run = await attempt([{ method: 'GET', route: '/wp/v2/posts', fault }]);
      expect(run.error).toBeInstanceOf(SiteFailure);
      expect(run.error).toMatchObject({ problem });
      expect((run.error as Error).message).toMatch(words);
      expect(run.fired).toHaveLength(1);
      expect(run.draftUntouched).toBe(true);
    }
  });

  it('413 on the upload: stopped with advice; what was created stays a draft on the site, never half published', async () => {
    const run = await attempt([{ method: 'POST', route: '/wp/v2/media', fault: 'too-large-413' }]);
    expect(run.error).toMatchObject({ problem: 'too-large' });
    expect((run.error as Error).message).toMatch(/smaller image, or ask the site's administrator/);
    expect(run.posts).toBe(1); // the remote draft made first
    const { data } = await adminClient().call<{ status: string }[]>('wp/v2/posts', {
      query: { search: run.marker, status: 'any', context: 'edit', _fields: 'status' },
    });
    expect(data.map((post) => post.status)).toEqual(['draft']);
  });

  it('an address that does not resolve: the site is unreachable, said plainly', async () => {
    const run = await attempt([], { url: 'http://pressroom-no-such-site.invalid' });
    expect(run.error).toMatchObject({ problem: 'unreachable' });
    expect((run.error as Error).message).toMatch(
      /could not be found: check its spelling, or whether this computer is online/,
    );
    expect(run.posts).toBe(0);
    expect(run.draftUntouched).toBe(true);
  });
});
