/**
 * `pressroom publish` and `pressroom pull` as a script would run them, against the real test
 * WordPress: drafts made with `pressroom new`, the site added with `pressroom site add`, the password
 * in PRESSROOM_APP_PASSWORD (this machine has no keychain). Each way a publish can end is checked by
 * its exit code, its one line on stderr, and what the site holds afterwards.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { ensureCliBuilt, runCli, stderrLines, writeJpeg } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { adminClient, testSite, unique } from '../../support/wordpress/site-admin.js';

interface EditPost {
  id: number;
  status: string;
  link: string;
  title: { raw: string };
  content: { raw: string };
  featured_media: number;
  categories: number[];
  tags: number[];
}

interface Published {
  remoteId: number;
  link: string;
  status: string;
  site: string;
}

const readBack = async (id: number) =>
  (await adminClient().call<EditPost>(`wp/v2/posts/${id}`, { query: { context: 'edit' } })).data;

/** Posts on the site (any status) whose text contains `word`. */
const postsWith = async (word: string) =>
  (
    await adminClient().call<EditPost[]>('wp/v2/posts', {
      query: { search: word, status: 'any', context: 'edit' },
    })
  ).data;

/** A port nothing listens on: a site that cannot be reached. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

describe('pressroom publish and pull', () => {
  const tempFolder = useTempFolder();
  beforeAll(ensureCliBuilt, 60_000);

  /** A CLI settings folder with the test site added as "Newsroom", and a library. */
  const workspace = async (url = testSite().url) => {
    const work = await tempFolder();
    const config = join(work, 'config');
    const library = join(work, 'library');
    const env = { PRESSROOM_CONFIG_DIR: config, PRESSROOM_APP_PASSWORD: testSite().appPassword };
    const run = (args: string[], extra: Record<string, string | undefined> = {}) =>
      runCli(args, { env: { ...env, ...extra }, input: 'not stored: no keychain here\n' });
    const added = await run(['site', 'add', '--name', 'Newsroom', '--url', url, '--user', testSite().user]);
    expect(added.code).toBe(0);

    /** `pressroom new` with a body, and a featured image unless `image` is false. */
    const newDraft = async (word: string, options: { image?: boolean; extra?: string[] } = {}) => {
      await writeFile(join(work, 'body.txt'), `The council approved the ${word} budget.\n`);
      const image = join(work, 'photo.jpg');
      await writeJpeg(image, 1200, 800);
      const created = await run([
        'new',
        '--library',
        library,
        '--json',
        '--title',
        `Budget approved ${word}`,
        '--body',
        join(work, 'body.txt'),
        ...(options.image === false ? [] : ['--featured-image', image, '--alt', 'Council members voting']),
        ...(options.extra ?? []),
      ]);
      expect(created.code).toBe(0);
      return JSON.parse(created.stdout) as { id: string; path: string };
    };
    return { work, library, run, newDraft };
  };

  const editTitle = async (draftPath: string, title: string) => {
    const file = join(draftPath, 'release.json');
    const document = JSON.parse(await readFile(file, 'utf8')) as DraftDocument;
    await writeFile(file, JSON.stringify({ ...document, title }, null, 2));
  };

  it('publishes a new draft, updates the same post, stops on a change made on the site, and overwrites it when asked', async () => {
    const { run, newDraft } = await workspace();
    const word = unique('cli');
    const category = `Council ${word}`;
    const draft = await newDraft(word, { extra: ['--category', category, '--tag', `budget-${word}`] });

    // A category the site lacks: refused until --create-terms allows creating it.
    const refused = await run(['publish', draft.path, '--status', 'publish']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(stderrLines(refused).at(-1)).toMatch(
      new RegExp(`^pressroom: .*no categories called "${category}".*re-run with --create-terms`),
    );

    const first = await run(['publish', draft.path, '--status', 'publish', '--create-terms', '--json']);
    expect(first.code).toBe(0);
    const published = JSON.parse(first.stdout) as Published;
    expect(published).toEqual({
      remoteId: expect.any(Number),
      link: expect.stringMatching(/^http/),
      status: 'publish',
      site: 'newsroom',
    });
    // Progress on stderr. The refused run stopped at the terms, before anything was written on the
    // site; this run creates the post and uploads the image once.
    expect(refused.stderr).toMatch(/^Checking the release…\nMatching categories and tags…\npressroom: /);
    expect(first.stderr).toMatch(/Matching categories and tags…\n/);
    expect(first.stderr).toMatch(/Uploading \d+ KB…\n/);
    expect(first.stderr).toMatch(/Updating the post…\n$/);

    const post = await readBack(published.remoteId);
    expect(post).toMatchObject({ status: 'publish', title: { raw: `Budget approved ${word}` } });
    expect(post.content.raw).toContain(`The council approved the ${word} budget.`);
    expect(post.featured_media).toBeGreaterThan(0);
    expect(post.categories).toHaveLength(1);
    expect(post.tags).toHaveLength(1);
    expect(await postsWith(word)).toHaveLength(1); // the refused run left nothing on the site

    // An edit in the draft updates the same post.
    await editTitle(draft.path, `Budget approved ${word} (updated)`);
    const second = await run(['publish', draft.path, '--json']);
    expect(second.code).toBe(0);
    // Without --status it keeps the status it was published with (the draft itself intends "draft").
    expect(JSON.parse(second.stdout)).toMatchObject({ remoteId: published.remoteId, status: 'publish' });
    expect((await readBack(published.remoteId)).title.raw).toBe(`Budget approved ${word} (updated)`);

    // Someone edits the post on the site: the next publish stops, and the site keeps their edit.
    await new Promise((resolve) => setTimeout(resolve, 1100)); // modified_gmt has one-second resolution
    await adminClient().call(`wp/v2/posts/${published.remoteId}`, {
      method: 'POST',
      json: { title: 'Edited on the site' },
    });
    await editTitle(draft.path, `Budget approved ${word} (again)`);
    const conflict = await run(['publish', draft.path, '--json']);
    expect(conflict.code).toBe(4);
    expect(conflict.stdout).toBe('');
    expect(stderrLines(conflict).at(-1)).toMatch(
      /^pressroom: not published: post \d+ on "Newsroom" was changed on the site since .* Re-run with --overwrite/,
    );
    expect((await readBack(published.remoteId)).title.raw).toBe('Edited on the site');

    const overwritten = await run(['publish', draft.path, '--overwrite']);
    expect(overwritten.code).toBe(0);
    expect(overwritten.stdout).toBe(`Post ${published.remoteId} on "Newsroom" (publish): ${post.link}\n`);
    expect((await readBack(published.remoteId)).title.raw).toBe(`Budget approved ${word} (again)`);

    // Deleted on the site: said plainly; --as-new publishes it as a new post.
    await adminClient().call(`wp/v2/posts/${published.remoteId}`, {
      method: 'DELETE',
      query: { force: true },
    });
    const deleted = await run(['publish', draft.path]);
    expect(deleted.code).toBe(1);
    expect(stderrLines(deleted).at(-1)).toMatch(/is no longer on "Newsroom" .* Re-run with --as-new/);
    const asNew = await run(['publish', draft.path, '--as-new', '--json']);
    expect(asNew.code).toBe(0);
    expect((JSON.parse(asNew.stdout) as Published).remoteId).not.toBe(published.remoteId);
  });

  it('exits 3 with the blocking problems when preflight fails, sending nothing to the site', async () => {
    const { run, newDraft } = await workspace();
    const word = unique('blocked');
    const draft = await newDraft(word, { image: false });
    await editTitle(draft.path, '');

    const blocked = await run(['publish', draft.path]);
    expect(blocked.code).toBe(3);
    expect(blocked.stdout).toBe('');
    expect(blocked.stderr).toMatch(/^SEVERITY +CODE +FIELD +MESSAGE$/m);
    expect(blocked.stderr).toMatch(/blocking +title-missing +title/);
    expect(blocked.stderr).toMatch(/blocking +featured-image-missing +featuredImage/);
    expect(stderrLines(blocked).at(-1)).toBe(
      'pressroom: not published: 2 blocking problems (above); nothing was sent to "Newsroom"',
    );
    expect(await postsWith(word)).toEqual([]);
  });

  it('says plainly when the password, the site or the network is missing', async () => {
    const { run, newDraft, library } = await workspace();
    const draft = await newDraft(unique('setup'));

    const noPassword = await run(['publish', draft.path], { PRESSROOM_APP_PASSWORD: undefined });
    expect(noPassword).toMatchObject({ code: 1, stdout: '' });
    expect(stderrLines(noPassword)).toEqual([
      expect.stringMatching(
        /^pressroom: there is no password for "Newsroom" on this computer: set PRESSROOM_APP_PASSWORD/,
      ),
    ]);

    const unknown = await run(['publish', draft.id, '--library', library, '--site', 'Elsewhere']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(stderrLines(unknown)).toEqual([
      expect.stringMatching(/no site called "Elsewhere". The sites are "Newsroom"/),
    ]);

    const badStatus = await run(['publish', draft.path, '--status', 'private']);
    expect(badStatus.code).toBe(2);

    // With two sites and none named, the command asks rather than guesses.
    await run(['site', 'add', '--name', 'Archive', '--url', 'https://archive.example.org', '--user', 'x']);
    const which = await run(['publish', draft.path]);
    expect(which.code).toBe(2);
    expect(stderrLines(which)).toEqual(['pressroom: give --site NAME: the sites are "Newsroom", "Archive"']);
  });

  it('queues the release (exit 5) when the site does not answer, and says how it will be sent', async () => {
    const { run, newDraft } = await workspace(`http://127.0.0.1:${await closedPort()}`);
    const draft = await newDraft(unique('offline'));
    const offline = await run(['publish', draft.path]);
    expect(offline).toMatchObject({ code: 5, stdout: '' });
    expect(stderrLines(offline).at(-1)).toMatch(
      /^"Newsroom" could not be reached; the release is queued\. Run "pressroom outbox run" to send it/,
    );
  }, 60_000);

  it('pulls a post into a new draft that publishes back to the same post', async () => {
    const { run, newDraft, work } = await workspace();
    const word = unique('pull');
    // A category of its own: a post without one is put in the site's default category whenever it
    // is updated, which the publisher reports as a category the site did not keep.
    const draft = await newDraft(word, {
      extra: ['--category', `Pulled ${word}`, '--tag', `pulled-${word}`],
    });
    const first = await run(['publish', draft.path, '--status', 'publish', '--create-terms', '--json']);
    expect(first.code).toBe(0);
    const { remoteId } = JSON.parse(first.stdout) as Published;

    const otherLibrary = join(work, 'other library');
    const pulled = await run([
      'pull',
      '--site',
      'Newsroom',
      '--post',
      String(remoteId),
      '--library',
      otherLibrary,
      '--json',
    ]);
    expect(pulled.code).toBe(0);
    const { id, path } = JSON.parse(pulled.stdout) as { id: string; path: string };
    expect(path).toBe(join(otherLibrary, `${id}.pressroom`));
    expect(pulled.stderr).toMatch(/Reading the post…/);

    const shown = await run(['show', id, '--library', otherLibrary, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      title: `Budget approved ${word}`,
      categories: [`Pulled ${word}`],
      tags: [`pulled-${word}`],
      intendedStatus: 'publish',
      targetSite: 'newsroom',
      featuredImage: { alt: 'Council members voting', width: 1200, height: 800 },
    });

    const again = await run(['publish', id, '--library', otherLibrary, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ remoteId, status: 'publish' });
    expect(again.stderr).not.toMatch(/Uploading/);

    const missing = await run(['pull', '--post', '999999999', '--library', otherLibrary]);
    expect(missing.code).toBe(2);
    expect(stderrLines(missing).at(-1)).toMatch(/^pressroom: There is no post 999999999 on "Newsroom"/);
  });
});
