/**
 * Test helpers for block markup: documents built through the editor's real schema (so they have the
 * shape and default attributes the editor saves), and a reader of block delimiters that checks the
 * markup the way WordPress's block parser would split it.
 */
import { getSchema, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Node } from '@tiptap/pm/model';
import { type BlockMarkupOptions, toBlockMarkup } from '../../../../shared/publishing/gutenberg-blocks.js';
import type { RichTextNode } from '../../../../shared/release/draft-document.js';

const schema = getSchema([StarterKit]);

/** A body as the editor would save it: checked against StarterKit, defaults filled in. */
export const editorDoc = (...content: JSONContent[]): RichTextNode => {
  const doc = Node.fromJSON(schema, { type: 'doc', content });
  doc.check();
  return doc.toJSON() as RichTextNode;
};

type MarkSpec = string | { type: string; attrs?: Record<string, unknown> };

export const text = (value: string, ...marks: MarkSpec[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks.length ? { marks: marks.map((mark) => (typeof mark === 'string' ? { type: mark } : mark)) } : {}),
});
export const link = (href: string): MarkSpec => ({ type: 'link', attrs: { href } });
export const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
export const heading = (level: number, ...content: JSONContent[]): JSONContent => ({
  type: 'heading',
  attrs: { level },
  content,
});
export const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
export const ul = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });
export const ol = (start: number, ...items: JSONContent[]): JSONContent => ({
  type: 'orderedList',
  attrs: { start },
  content: items,
});
export const quote = (...content: JSONContent[]): JSONContent => ({ type: 'blockquote', content });
export const br: JSONContent = { type: 'hardBreak' };

// The delimiter grammar of WordPress's block parser (block-serialization-default-parser), simplified
// to the attributes we write: `<!-- wp:name {json} -->`, `<!-- /wp:name -->`, `<!-- wp:name /-->`.
const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*)\s+(?:(\{[^]*?\})\s+)?(\/)?-->/g;

export interface ParsedBlock {
  name: string;
  attributes: Record<string, unknown>;
  depth: number;
}

/**
 * Every block in the markup, in document order, after checking that each opener has its closer at
 * the same depth and that no other HTML comment is present (a stray `<!--` in text would mean
 * escaping failed). Throws with the reason otherwise.
 */
export const readBlocks = (markup: string): ParsedBlock[] => {
  const blocks: ParsedBlock[] = [];
  const open: string[] = [];
  let delimiters = 0;
  for (const match of markup.matchAll(DELIMITER)) {
    delimiters += 1;
    const [, closer, name = '', json, selfClosing] = match;
    if (closer) {
      const expected = open.pop();
      if (expected !== name) throw new Error(`<!-- /wp:${name} --> closes ${expected ?? 'nothing'}`);
      continue;
    }
    const attributes = json ? (JSON.parse(json) as Record<string, unknown>) : {};
    blocks.push({ name, attributes, depth: open.length });
    if (!selfClosing) open.push(name);
  }
  if (open.length) throw new Error(`unclosed blocks: ${open.join(', ')}`);
  const comments = markup.split('<!--').length - 1;
  if (comments !== delimiters)
    throw new Error(`${comments - delimiters} HTML comment(s) are not block delimiters`);
  return blocks;
};

export const paragraph = (html: string): string =>
  `<!-- wp:paragraph -->\n<p>${html}</p>\n<!-- /wp:paragraph -->`;

/** The block markup of a body, after checking its delimiters are balanced and parse. */
export const markupOf = (body: RichTextNode, options?: BlockMarkupOptions): string => {
  const markup = toBlockMarkup(body, options);
  readBlocks(markup);
  return markup;
};
