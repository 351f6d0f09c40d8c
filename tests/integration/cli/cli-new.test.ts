/**
 * `pressroom new`, run as the real command: every flag reaches the draft, the featured image is
 * copied byte for byte, and bodies from Markdown, HTML and plain text become editor documents that
 * the editor's own schema (StarterKit) accepts, with unsafe content gone.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Node } from '@tiptap/pm/model';
import { getSchema } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DraftDocument, RichTextNode } from '../../../shared/release/draft-document.js';
import { ensureCliBuilt, runCli, writeJpeg } from '../../support/cli.js';
import { useTempFolder } from '../../support/temp-folder.js';

const editorSchema = getSchema([StarterKit]);

/** Every node of a body, depth first. */
const nodesOf = (node: RichTextNode): RichTextNode[] => [node, ...(node.content ?? []).flatMap(nodesOf)];
const hrefsOf = (body: RichTextNode): unknown[] =>
  nodesOf(body).flatMap((node) =>
    (node.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs?.href),
  );
const marksOf = (body: RichTextNode): string[] =>
  nodesOf(body).flatMap((node) => (node.marks ?? []).map((mark) => mark.type));
const typesOf = (body: RichTextNode): string[] => nodesOf(body).map((node) => node.type);
const textOf = (body: RichTextNode): string =>
  nodesOf(body)
    .map((node) => node.text ?? '')
    .join('');

describe('pressroom new', () => {
  const tempFolder = useTempFolder();
  beforeAll(ensureCliBuilt, 60_000);

  /** Creates a draft with `args` and reads it back with `pressroom show --json`. */
  const createAndShow = async (library: string, args: string[]): Promise<DraftDocument> => {
    const created = await runCli(['new', '--library', library, '--json', ...args]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const { id, path } = JSON.parse(created.stdout) as { id: string; path: string };
    expect(path).toBe(join(library, `${id}.pressroom`));
    const shown = await runCli(['show', id, '--library', library, '--json']);
    expect(shown.code).toBe(0);
    const document = JSON.parse(shown.stdout) as DraftDocument;
    expect(document.id).toBe(id);
    // Whatever the CLI wrote, the editor must be able to open.
    expect(() => Node.fromJSON(editorSchema, document.body).check()).not.toThrow();
    return document;
  };

  it('stores every flag, and show --json gives each back', async () => {
    const work = await tempFolder();
    const library = join(work, 'library');
    const image = join(work, 'board vote.jpg');
    const imageBytes = await writeJpeg(image, 640, 360);
    await writeFile(join(work, 'body.txt'), 'The council approved the budget.\n');

    const document = await createAndShow(library, [
      '--title',
      'Council approves the 2027 budget',
      '--date',
      '2030-06-01T10:00',
      '--timezone',
      'Europe/Paris',
      '--body',
      join(work, 'body.txt'),
      '--featured-image',
      image,
      '--alt',
      'Council members raise their hands to vote',
      '--caption',
      'The vote on 1 June',
      '--credit',
      'Photo: Press Office',
      '--related',
      'https://example.org/?p=12=Last year’s budget@2029-05-30',
      '--related',
      'https://example.org/news/harbour=Harbour opens',
      '--category',
      'News',
      '--category',
      'Council',
      '--tag',
      'budget',
      '--tag',
      'vote',
      '--tag',
      'budget',
      '--excerpt',
      'The budget passed 31 to 4.',
      '--slug',
      'budget-2027',
      '--language',
      'fr',
    ]);

    expect(document).toMatchObject({
      format: 'pressroom.release',
      schemaVersion: 2,
      title: 'Council approves the 2027 budget',
      slug: 'budget-2027',
      schedule: { local: '2030-06-01T10:00', timeZone: 'Europe/Paris' },
      intendedStatus: 'draft',
      excerpt: 'The budget passed 31 to 4.',
      categories: ['News', 'Council'],
      tags: ['budget', 'vote'],
      relatedPosts: [
        { url: 'https://example.org/?p=12', title: 'Last year’s budget', date: '2029-05-30' },
        { url: 'https://example.org/news/harbour', title: 'Harbour opens' },
      ],
      language: 'fr',
      direction: 'ltr',
      targetSite: null,
      publishRecord: null,
    });
    expect(document.relatedPosts[1]).not.toHaveProperty('date');
    expect(textOf(document.body)).toBe('The council approved the budget.');

    const sha256 = createHash('sha256').update(imageBytes).digest('hex');
    expect(document.featuredImage).toEqual({
      file: 'assets/featured.jpg',
      alt: 'Council members raise their hands to vote',
      caption: 'The vote on 1 June',
      credit: 'Photo: Press Office',
      width: 640,
      height: 360,
      sha256,
    });
    const copied = await readFile(join(library, `${document.id}.pressroom`, 'assets', 'featured.jpg'));
    expect(createHash('sha256').update(copied).digest('hex')).toBe(sha256);
  });

  it('prints the id and path for a person, and uses the machine zone without --timezone', async () => {
    const library = await tempFolder();
    const created = await runCli([
      'new',
      '--library',
      library,
      '--title',
      'Harbour opens',
      '--date',
      '2030-01-15T09:30',
    ]);
    expect(created.code).toBe(0);
    const [idLine = '', pathLine = ''] = created.stdout.trim().split('\n');
    const id = idLine.replace(/^id:\s+/, '');
    expect(pathLine.replace(/^path:\s+/, '')).toBe(join(library, `${id}.pressroom`));
    const document = JSON.parse(
      (await runCli(['show', join(library, `${id}.pressroom`), '--json'])).stdout,
    ) as DraftDocument;
    expect(document.schedule).toEqual({ local: '2030-01-15T09:30', timeZone: 'Europe/Istanbul' });
    expect(document.slug).toBe('harbour-opens');
  });

  it('turns Markdown into headings, lists, links and bold, and drops scripts and javascript: links', async () => {
    const work = await tempFolder();
    const body = join(work, 'release.md');
    await writeFile(
      body,
      [
        '## Budget at a glance',
        '',
        'The council approved **31 million** for [schools](https://example.org/schools?year=2027).',
        'Do not click [this](javascript:alert(1)).',
        '',
        '- roads',
        '- harbour',
        '',
        '1. first',
        '2. second',
        '',
        '<script>alert("x")</script>',
        '',
        'Contact: [press office](mailto:press@example.org)',
      ].join('\n'),
    );
    const document = await createAndShow(work, ['--title', 'Budget', '--body', body]);
    const types = typesOf(document.body);
    expect(document.body.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(types).toEqual(expect.arrayContaining(['bulletList', 'orderedList', 'listItem']));
    expect(marksOf(document.body)).toContain('bold');
    expect(hrefsOf(document.body)).toEqual([
      'https://example.org/schools?year=2027',
      'mailto:press@example.org',
    ]);
    expect(textOf(document.body)).toContain('Do not click this.');
    expect(textOf(document.body)).not.toContain('alert');
  });

  it('sanitises HTML into the editor schema', async () => {
    const work = await tempFolder();
    const body = join(work, 'release.html');
    await writeFile(
      body,
      `<html><head><title>Page title</title><style>p { color: red }</style></head><body>
        <h3 onclick="steal()">Harbour <em>reopens</em></h3>
        <p>Ships return <strong>today</strong>. <a href="javascript:alert(1)">Click</a>
           <a href="https://example.org/harbour" class="fancy" target="_self">Map</a>
           <img src="x.png" onerror="alert(2)" alt="pic"></p>
        <script>alert(3)</script>
        <ul><li>Pier 1<li>Pier 2</ul>
        <blockquote>Quote</blockquote><hr>
      </body></html>`,
    );
    const document = await createAndShow(work, ['--title', 'Harbour', '--body', body]);
    expect(document.body.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 3 } });
    expect(typesOf(document.body)).toEqual(
      expect.arrayContaining(['bulletList', 'blockquote', 'horizontalRule']),
    );
    expect(marksOf(document.body)).toEqual(expect.arrayContaining(['bold', 'italic', 'link']));
    expect(hrefsOf(document.body)).toEqual(['https://example.org/harbour']);
    const link = nodesOf(document.body)
      .flatMap((node) => node.marks ?? [])
      .find((mark) => mark.type === 'link');
    expect(link?.attrs).toMatchObject({ class: null, target: '_blank' });
    const text = textOf(document.body);
    expect(text).not.toMatch(/alert|steal|color|Page title/);
    expect(text).toContain('Click');
  });

  it('splits plain text into paragraphs on blank lines and keeps single line breaks', async () => {
    const work = await tempFolder();
    const body = join(work, 'release.txt');
    await writeFile(body, 'First paragraph.\r\n\r\nPress contact:\r\nAyşe Yılmaz\r\n\r\n\r\nLast one.\r\n');
    const document = await createAndShow(work, ['--title', 'Plain', '--body', body]);
    expect(document.body).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First paragraph.' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Press contact:' },
            { type: 'hardBreak' },
            { type: 'text', text: 'Ayşe Yılmaz' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'Last one.' }] },
      ],
    });
  });

  it('gives an Arabic title an ASCII slug, and Arabic right-to-left direction', async () => {
    const library = await tempFolder();
    const document = await createAndShow(library, [
      '--title',
      'الأمين العام يلتقي بقادة الطلاب',
      '--language',
      'ar',
    ]);
    expect(document.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
    expect(document).toMatchObject({ language: 'ar', direction: 'rtl' });
  });
});
