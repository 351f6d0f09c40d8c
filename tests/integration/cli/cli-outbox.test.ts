/**
 * `pressroom publish` while the site is down queues the release (exit 5); `pressroom outbox run`
 * sends it once the site answers again, exactly once, and says what is left.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli, stderrLines, writeJpeg } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { type FaultProxy, startFaultProxy } from '../../support/wordpress/fault-proxy.js';
import { adminClient, testSite, unique } from '../../support/wordpress/site-admin.js';

describe('pressroom publish to a site that is down, then pressroom outbox run', () => {
  const tempFolder = useTempFolder();
  beforeAll(() => ensureCliBuilt(), 60_000);
  let relay: FaultProxy | null = null;
  afterEach(async () => {
    await relay?.close();
    relay = null;
  });

  it('queues with exit 5, lists the waiting release, and sends it once when the site is back', async () => {
    const work = await tempFolder();
    const env = {
      PRESSROOM_CONFIG_DIR: join(work, 'config'),
      PRESSROOM_APP_PASSWORD: testSite().appPassword,
    };
    const run = (args: string[]) => runCli(args, { env, input: 'not stored\n' });
    // The site, reached through a relay that can be switched off and on like a network.
    relay = await startFaultProxy(testSite().url, []);
    const port = Number(new URL(relay.url).port);
    expect(
      (await run(['site', 'add', '--name', 'Newsroom', '--url', relay.url, '--user', testSite().user])).code,
    ).toBe(0);

    const word = unique('queued');
    await writeFile(join(work, 'body.txt'), `The ${word} forum opened.\n`);
    await writeJpeg(join(work, 'photo.jpg'), 800, 600);
    const created = await run([
      'new',
      '--library',
      join(work, 'library'),
      '--json',
      '--title',
      `Forum ${word}`,
      '--body',
      join(work, 'body.txt'),
      '--featured-image',
      join(work, 'photo.jpg'),
      '--alt',
      'The forum hall',
    ]);
    const draft = JSON.parse(created.stdout) as { path: string };

    await relay.close(); // the site goes down
    relay = null;
    const queued = await run(['publish', draft.path, '--status', 'publish']);
    expect(queued.code).toBe(5);
    expect(queued.stdout).toBe('');
    expect(stderrLines(queued).at(-1)).toMatch(
      /could not be reached; the release is queued\. Run "pressroom outbox run"/,
    );

    const listed = JSON.parse((await run(['outbox', 'list', '--json'])).stdout) as {
      state: string;
      title: string;
    }[];
    expect(listed).toMatchObject([{ state: 'waiting', title: `Forum ${word}` }]);

    const stillDown = await run(['outbox', 'run']);
    expect(stillDown.code).toBe(5);

    relay = await startFaultProxy(testSite().url, [], port); // the site is back
    const sent = await run(['outbox', 'run', '--json']);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject([{ state: 'sent', link: expect.stringMatching(/^http/) }]);
    const { data } = await adminClient().call<unknown[]>('wp/v2/posts', {
      query: { search: word, status: 'any' },
    });
    expect(data).toHaveLength(1);

    // Nothing left to send: a second run changes nothing on the site.
    expect((await run(['outbox', 'run'])).code).toBe(0);
    const { data: again } = await adminClient().call<unknown[]>('wp/v2/posts', {
      query: { search: word, status: 'any' },
    });
    expect(again).toHaveLength(1);
  }, 120_000);
});
