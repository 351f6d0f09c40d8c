/**
 * The body as WordPress 6.1 block markup. Expected strings are what Gutenberg 6.1 itself saves for
 * the same content (its block-library save functions and serializer), so a published release opens
 * on the site as valid, editable core blocks.
 */
import { describe, expect, it } from 'vitest';
import {
  joinBlocks,
  serializeBlockAttributes,
  toBlockMarkup,
} from '../../../../shared/publishing/gutenberg-blocks.js';
import { emptyBody, type RichTextNode } from '../../../../shared/release/draft-document.js';
import {
  br,
  editorDoc,
  heading,
  li,
  link,
  markupOf,
  ol,
  p,
  paragraph,
  quote,
  readBlocks,
  text,
  ul,
} from './block-markup-helpers.js';

describe('each kind of block', () => {
  it('writes a paragraph', () => {
    expect(markupOf(editorDoc(p(text('Text'))))).toBe(
      '<!-- wp:paragraph -->\n<p>Text</p>\n<!-- /wp:paragraph -->',
    );
  });

  it('writes a level 2 heading without attributes or class (6.2 added wp-block-heading)', () => {
    expect(markupOf(editorDoc(heading(2, text('T'))))).toBe(
      '<!-- wp:heading -->\n<h2>T</h2>\n<!-- /wp:heading -->',
    );
  });

  it.each([1, 3, 4, 5, 6])('writes a level %i heading with its level', (level) => {
    expect(markupOf(editorDoc(heading(level, text('T'))))).toBe(
      `<!-- wp:heading {"level":${level}} -->\n<h${level}>T</h${level}>\n<!-- /wp:heading -->`,
    );
  });

  it('writes a bulleted list as list-item blocks', () => {
    expect(markupOf(editorDoc(ul(li(p(text('One'))), li(p(text('Two'))))))).toBe(
      [
        '<!-- wp:list -->',
        '<ul><!-- wp:list-item -->',
        '<li>One</li>',
        '<!-- /wp:list-item -->',
        '',
        '<!-- wp:list-item -->',
        '<li>Two</li>',
        '<!-- /wp:list-item --></ul>',
        '<!-- /wp:list -->',
      ].join('\n'),
    );
  });

  it('writes a numbered list, with its start only when it is not 1', () => {
    expect(markupOf(editorDoc(ol(1, li(p(text('a'))))))).toBe(
      '<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item -->\n<li>a</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->',
    );
    expect(markupOf(editorDoc(ol(3, li(p(text('c'))))))).toBe(
      '<!-- wp:list {"ordered":true,"start":3} -->\n<ol start="3"><!-- wp:list-item -->\n<li>c</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->',
    );
  });

  it('writes a quote around its inner blocks', () => {
    expect(markupOf(editorDoc(quote(p(text('Quoted')), p(text('Second')))))).toBe(
      [
        '<!-- wp:quote -->',
        '<blockquote class="wp-block-quote"><!-- wp:paragraph -->',
        '<p>Quoted</p>',
        '<!-- /wp:paragraph -->',
        '',
        '<!-- wp:paragraph -->',
        '<p>Second</p>',
        '<!-- /wp:paragraph --></blockquote>',
        '<!-- /wp:quote -->',
      ].join('\n'),
    );
  });

  it('writes a horizontal rule as a separator', () => {
    expect(markupOf(editorDoc({ type: 'horizontalRule' }))).toBe(
      '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->',
    );
  });

  it('writes a code block as core/code, escaped so WordPress runs no shortcode and embeds no URL', () => {
    const code =
      'if (a < b && c > d) {}\n[gallery ids="1,2"]\n  https://www.youtube.com/watch?v=x  \nsee https://a.example';
    expect(markupOf(editorDoc({ type: 'codeBlock', attrs: { language: 'js' }, content: [text(code)] }))).toBe(
      '<!-- wp:code -->\n<pre class="wp-block-code"><code>if (a &lt; b &amp;&amp; c > d) {}\n&#91;gallery ids="1,2"]\n' +
        '  https:&#47;&#47;www.youtube.com/watch?v=x  \nsee https://a.example</code></pre>\n<!-- /wp:code -->',
    );
  });

  it('writes a hard break as <br>', () => {
    expect(markupOf(editorDoc(p(text('Line one'), br, text('Line two'))))).toBe(
      paragraph('Line one<br>Line two'),
    );
  });

  it('separates top-level blocks with a blank line, as Gutenberg does', () => {
    expect(markupOf(editorDoc(heading(2, text('A')), p(text('B'))))).toBe(
      '<!-- wp:heading -->\n<h2>A</h2>\n<!-- /wp:heading -->\n\n' + paragraph('B'),
    );
  });
});

describe('text formatting', () => {
  it.each([
    ['bold', '<strong>x</strong>'],
    ['italic', '<em>x</em>'],
    ['strike', '<s>x</s>'],
    ['underline', '<span style="text-decoration: underline;">x</span>'],
    ['code', '<code>x</code>'],
  ])('writes %s as Gutenberg’s format does: %s', (mark, html) => {
    expect(markupOf(editorDoc(p(text('x', mark))))).toBe(paragraph(html));
  });

  it('nests marks the same way whatever their order: link, strong, em, s, underline', () => {
    const marks = ['underline', 'strike', 'italic', 'bold', link('https://iifso.org/')];
    const expected = paragraph(
      '<a href="https://iifso.org/"><strong><em><s><span style="text-decoration: underline;">x</span></s></em></strong></a>',
    );
    expect(markupOf(editorDoc(p(text('x', ...marks))))).toBe(expected);
    expect(markupOf({ type: 'doc', content: [p(text('x', ...[...marks].reverse()))] } as RichTextNode)).toBe(
      expected,
    );
  });

  it('keeps a link over differently formatted text as one link', () => {
    const href = link('https://iifso.org/news');
    expect(markupOf(editorDoc(p(text('a ', href), text('b', href, 'bold'), text(' c', href))))).toBe(
      paragraph('<a href="https://iifso.org/news">a <strong>b</strong> c</a>'),
    );
  });

  it('writes a paragraph mixing plain text, bold and a link', () => {
    const body = editorDoc(
      p(
        text('Read '),
        text('the full statement', 'bold'),
        text(' on '),
        text('our site', link('https://iifso.org/statement?lang=en&v=2')),
        text('.'),
      ),
    );
    expect(markupOf(body)).toBe(
      paragraph(
        'Read <strong>the full statement</strong> on <a href="https://iifso.org/statement?lang=en&amp;v=2">our site</a>.',
      ),
    );
  });

  it('keeps mailto links and drops the editor’s own target and rel', () => {
    const body = editorDoc(p(text('press@iifso.org', link('mailto:press@iifso.org'))));
    expect(body.content?.[0]?.content?.[0]?.marks?.[0]?.attrs).toMatchObject({ target: '_blank' });
    expect(markupOf(body)).toBe(paragraph('<a href="mailto:press@iifso.org">press@iifso.org</a>'));
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///C:/Users/staff/Desktop/secret.pdf',
    '/wp-admin/',
    'vbscript:msgbox',
    '',
  ])('drops the link to “%s” and keeps its text', (href) => {
    expect(markupOf(editorDoc(p(text('Click '), text('here', link(href), 'bold'))))).toBe(
      paragraph('Click <strong>here</strong>'),
    );
  });
});

describe('nesting', () => {
  it('puts a nested list inside its list item, after the item’s text', () => {
    const body = editorDoc(
      ul(li(p(text('Parent')), ul(li(p(text('Child'))), li(p(text('Child 2'))))), li(p(text('Next')))),
    );
    expect(markupOf(body)).toBe(
      [
        '<!-- wp:list -->',
        '<ul><!-- wp:list-item -->',
        '<li>Parent<!-- wp:list -->',
        '<ul><!-- wp:list-item -->',
        '<li>Child</li>',
        '<!-- /wp:list-item -->',
        '',
        '<!-- wp:list-item -->',
        '<li>Child 2</li>',
        '<!-- /wp:list-item --></ul>',
        '<!-- /wp:list --></li>',
        '<!-- /wp:list-item -->',
        '',
        '<!-- wp:list-item -->',
        '<li>Next</li>',
        '<!-- /wp:list-item --></ul>',
        '<!-- /wp:list -->',
      ].join('\n'),
    );
    expect(readBlocks(toBlockMarkup(body)).map(({ name, depth }) => `${depth}:${name}`)).toEqual([
      '0:list',
      '1:list-item',
      '2:list',
      '3:list-item',
      '3:list-item',
      '1:list-item',
    ]);
  });

  it('joins a list item’s paragraphs with a line break (a list item holds one run of text)', () => {
    expect(markupOf(editorDoc(ol(2, li(p(text('First')), p(text('Second'))))))).toContain(
      '<li>First<br>Second</li>',
    );
  });

  it('writes a list inside a quote as a block inside the quote', () => {
    const blocks = readBlocks(toBlockMarkup(editorDoc(quote(p(text('Q')), ul(li(p(text('a'))))))));
    expect(blocks.map(({ name, depth }) => `${depth}:${name}`)).toEqual([
      '0:quote',
      '1:paragraph',
      '1:list',
      '2:list-item',
    ]);
  });
});

describe('escaping', () => {
  it('escapes markup typed as text, so it shows as text and cannot run', () => {
    const markup = markupOf(editorDoc(p(text('<script>alert("x")</script> & <!-- wp:html --> R&D'))));
    expect(markup).toBe(paragraph('&lt;script>alert("x")&lt;/script> &amp; &lt;!-- wp:html --> R&amp;D'));
    expect(readBlocks(markup)).toHaveLength(1);
  });

  it('escapes quotes, ampersands and angle brackets in attributes', () => {
    const href = 'https://iifso.org/search?q="students"&lang=<ar>';
    expect(markupOf(editorDoc(p(text('search', link(href)))))).toBe(
      paragraph('<a href="https://iifso.org/search?q=&quot;students&quot;&amp;lang=&lt;ar&gt;">search</a>'),
    );
  });

  it('encodes comment attributes as WordPress does, so `--` cannot end the comment', () => {
    const attributes = { note: '--> <b> & "q"', path: 'C:\\' };
    const encoded = serializeBlockAttributes(attributes);
    expect(encoded).toBe(
      '{"note":"\\u002d\\u002d\\u003e \\u003cb\\u003e \\u0026 \\u0022q\\u0022","path":"C:\\\\"}',
    );
    expect(encoded).not.toMatch(/--|[<>&]/);
    // Still JSON for the same values. WordPress's plain `\\"` substitution would have turned the
    // escaped backslash before the closing quote of "C:\\" into a broken string.
    expect(JSON.parse(encoded)).toEqual(attributes);
  });
});

describe('what is left out', () => {
  it('drops empty paragraphs, including the editor’s trailing one', () => {
    const body = editorDoc(p(text('A')), p(), p(text('B')), p(br), p(text('   ')), p());
    expect(markupOf(body)).toBe(`${paragraph('A')}\n\n${paragraph('B')}`);
  });

  it('gives nothing for an empty body', () => {
    expect(toBlockMarkup(emptyBody())).toBe('');
    expect(toBlockMarkup(editorDoc(ul(li(p())), quote(p()), heading(3)))).toBe('');
  });

  it('publishes the text of nodes this build does not know instead of losing it', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'callout', content: [text('Note')] },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('Cell'))] }] }],
        },
      ],
    } as RichTextNode;
    expect(markupOf(body)).toBe(`${paragraph('Note')}\n\n${paragraph('Cell')}`);
  });
});

describe('right-to-left text', () => {
  it('passes Arabic through unchanged, with its marks and links', () => {
    const title = 'الأمين العام يلتقي قيادة مُنَظَّمَة التجديد الطلابي';
    const body = editorDoc(
      heading(2, text(title)),
      p(
        text('التقى الأمين العام '),
        text('د. مصطفى فيصل پرويز', 'bold'),
        text(' بقيادة '),
        text('حزب العدالة والتنمية', link('https://iifso.org/ar/جدول')),
        text(' في ١٢ يوليو ٢٠٢٣\u200F.'),
      ),
    );
    const markup = markupOf(body);
    expect(markup).toBe(
      `<!-- wp:heading -->\n<h2>${title}</h2>\n<!-- /wp:heading -->\n\n` +
        paragraph(
          'التقى الأمين العام <strong>د. مصطفى فيصل پرويز</strong> بقيادة ' +
            '<a href="https://iifso.org/ar/جدول">حزب العدالة والتنمية</a> في ١٢ يوليو ٢٠٢٣\u200F.',
        ),
    );
    // Not normalized: the combining vowel marks are the very code points typed.
    expect(markup).toContain('مُنَظَّمَة');
  });
});

describe('joining parts', () => {
  it('joins the body and other parts with a blank line, skipping empty ones', () => {
    expect(joinBlocks(paragraph('A'), '', paragraph('B'))).toBe(`${paragraph('A')}\n\n${paragraph('B')}`);
  });
});
