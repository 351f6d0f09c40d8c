/**
 * The editor's document (TipTap / ProseMirror JSON) as WordPress block markup: the `post_content`
 * that WordPress's block editor itself stores. A release published this way opens on the site as
 * ordinary core blocks (paragraphs, headings, lists…) that staff can keep editing, not as one
 * "Classic" block of HTML.
 *
 * Target: WordPress 6.1 (the site runs 6.1.9), whose markup later versions also accept through each
 * block's deprecations. Every shape below was checked against the block library of a WordPress 6.1.1
 * install (wp-includes/js/dist/block-library.js save functions and wp-includes/blocks/<name>/block.json):
 * - heading: `<h2>` with no class (6.1's block.json has `className: false`). The `wp-block-heading`
 *   class came in 6.2 (Gutenberg #42122), with a deprecation that migrates headings without it (#46138).
 * - list: inner `core/list-item` blocks (6.1 has them), no class on `<ul>`/`<ol>` (className: false).
 * - quote: inner blocks inside `<blockquote class="wp-block-quote">`.
 * - image caption: `<figcaption class="wp-element-caption">` (block-editor's element class names).
 * - block comments: attributes not equal to their default, in block.json order, encoded like
 *   serialize_block_attributes(); inner blocks and top-level blocks joined by a blank line.
 * - text: rich text escapes only `&` and `<` (rich-text's escapeEditableHTML); `>` stays as typed.
 */
import { isSafeExternalUrl } from '../security/external-links.js';
import type { RichTextNode } from '../release/draft-document.js';

/** An inline image after upload: its media-library id and the URL the post should show. */
export interface UploadedImage {
  id: number;
  url: string;
  /** The registered size `url` is (WordPress's own default for inserted images is "large"). */
  sizeSlug?: string;
}

export interface BlockMarkupOptions {
  /**
   * The uploaded media item for an image's `src` (an asset path of the draft), or null if it was not
   * uploaded. Images without one are left out: the publisher uploads every inline image first, and a
   * post must never point at a file on the author's computer.
   */
  images?: (src: string) => UploadedImage | null;
}

type Attributes = Record<string, string | number | boolean>;
type Mark = NonNullable<RichTextNode['marks']>[number];

// ---------------------------------------------------------------------------------------------
// Escaping and block comments
// ---------------------------------------------------------------------------------------------

/** Text inside an element, escaped as Gutenberg's rich text does: `&` and `<` only. */
export const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An attribute value inside double quotes. */
export const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const JSON_SUBSTITUTES: Record<string, string> = {
  '--': '\\u002d\\u002d',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\\"': '\\u0022',
};

/**
 * A block's comment attributes, encoded as WordPress's serialize_block_attributes() does: `--` would
 * end the HTML comment, `<` `>` `&` upset tools that are not standards-compliant, and `\"` would be
 * unescaped by wp_kses_stripslashes(). Unlike WordPress's plain regex, an escaped backslash before a
 * closing quote (`"a\\"`) is left alone, which WordPress would corrupt.
 */
export const serializeBlockAttributes = (attributes: Attributes): string =>
  JSON.stringify(attributes).replace(/\\.|--|[<>&]/g, (match) => JSON_SUBSTITUTES[match] ?? match);

/** A block with its comment delimiters, as Gutenberg's serializer writes it. */
const block = (name: string, attributes: Attributes, html: string): string => {
  const encoded = Object.keys(attributes).length > 0 ? `${serializeBlockAttributes(attributes)} ` : '';
  return `<!-- wp:${name} ${encoded}-->\n${html}\n<!-- /wp:${name} -->`;
};

/** Blocks (or whole serialized parts, such as the body and the related posts) one after another. */
export const joinBlocks = (...blocks: string[]): string => blocks.filter((part) => part !== '').join('\n\n');

const paragraphBlock = (innerHtml: string): string => block('paragraph', {}, `<p>${innerHtml}</p>`);

/** Level 2 is core/heading's default, so it is not written in the comment. */
export const headingBlock = (level: number, innerHtml: string): string =>
  block('heading', level === 2 ? {} : { level }, `<h${level}>${innerHtml}</h${level}>`);

/** One list item: its rich-text content, then any nested list blocks (list-item's save order). */
export const listItemBlock = (innerHtml: string, nestedLists: string[] = []): string =>
  block('list-item', {}, `<li>${innerHtml}${nestedLists.join('\n\n')}</li>`);

/** `start` is left out when absent or 1, where every ordered list starts anyway. */
export const listBlock = (items: string[], list: { ordered?: boolean; start?: number } = {}): string => {
  if (!list.ordered) return block('list', {}, `<ul>${items.join('\n\n')}</ul>`);
  const start = list.start !== undefined && list.start !== 1 ? list.start : undefined;
  const attributes: Attributes = start === undefined ? { ordered: true } : { ordered: true, start };
  const startAttribute = start === undefined ? '' : ` start="${start}"`;
  return block('list', attributes, `<ol${startAttribute}>${items.join('\n\n')}</ol>`);
};

/** Only absolute http(s) addresses: what a published post may point to or load an image from. */
export const isWebUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Inline content: text, marks and hard breaks
// ---------------------------------------------------------------------------------------------

interface MarkTag {
  /** Nesting position: lower ranks wrap higher ones, so the same marks always nest the same way. */
  rank: number;
  /** Equal keys are one continuous element: a link over "a **b** c" stays one `<a>`. */
  key: string;
  open: string;
  close: string;
}

// The tags Gutenberg's own formats write (format-library: core/bold, italic, strikethrough,
// underline, code); TipTap's StarterKit has exactly these marks plus the link.
const SIMPLE_MARKS: Record<string, { rank: number; open: string; close: string }> = {
  bold: { rank: 1, open: '<strong>', close: '</strong>' },
  italic: { rank: 2, open: '<em>', close: '</em>' },
  strike: { rank: 3, open: '<s>', close: '</s>' },
  underline: { rank: 4, open: '<span style="text-decoration: underline;">', close: '</span>' },
  code: { rank: 5, open: '<code>', close: '</code>' },
};

const markTag = (mark: Mark): MarkTag | null => {
  if (mark.type === 'link') {
    const href = typeof mark.attrs?.href === 'string' ? mark.attrs.href.trim() : '';
    // An unsafe link (javascript:, data:, file:, a relative path) loses the link, keeps its text.
    // The editor's target="_blank" and rel are its own defaults, not the author's choice: dropped,
    // as Gutenberg writes a plain link unless "open in new tab" is chosen.
    if (!href || !isSafeExternalUrl(href)) return null;
    return { rank: 0, key: `link ${href}`, open: `<a href="${escapeAttribute(href)}">`, close: '</a>' };
  }
  const simple = SIMPLE_MARKS[mark.type];
  return simple ? { ...simple, key: mark.type } : null;
};

const markTagsOf = (node: RichTextNode): MarkTag[] => {
  const tags = (node.marks ?? []).flatMap((mark) => markTag(mark) ?? []);
  const unique = tags.filter((tag, index) => tags.findIndex((other) => other.rank === tag.rank) === index);
  return unique.sort((a, b) => a.rank - b.rank);
};

const inlinePiece = (node: RichTextNode): string => {
  if (node.type === 'text') return escapeText(node.text ?? '');
  if (node.type === 'hardBreak') return '<br>';
  if (node.type === 'image') return ''; // Only paragraphs can place an image (as its own block).
  return inlineHtml(node.content ?? []); // An unknown inline node: keep what it contains.
};

/**
 * The HTML of inline nodes. Marks open and close as runs: a node keeps every open element it shares
 * with the previous one (by rank order), so marks spanning several text nodes are not split.
 */
const inlineHtml = (nodes: readonly RichTextNode[]): string => {
  let html = '';
  let open: MarkTag[] = [];
  for (const node of nodes) {
    const piece = inlinePiece(node);
    if (piece === '') continue;
    const wanted = markTagsOf(node);
    let shared = 0;
    while (shared < open.length && shared < wanted.length && open[shared]?.key === wanted[shared]?.key) {
      shared += 1;
    }
    html += open
      .slice(shared)
      .reverse()
      .map((tag) => tag.close)
      .join('');
    html += wanted
      .slice(shared)
      .map((tag) => tag.open)
      .join('');
    html += piece;
    open = wanted;
  }
  return (
    html +
    open
      .reverse()
      .map((tag) => tag.close)
      .join('')
  );
};

/** No visible text: only spaces and line breaks (a trailing empty paragraph from the editor). */
const isBlank = (nodes: readonly RichTextNode[]): boolean =>
  !nodes.some((node) =>
    node.type === 'text'
      ? /\S/.test(node.text ?? '')
      : node.type !== 'hardBreak' && !isBlank(node.content ?? []),
  );

const isInline = (node: RichTextNode): boolean =>
  node.type === 'text' || node.type === 'hardBreak' || node.type === 'image';

const plainTextOf = (nodes: readonly RichTextNode[]): string =>
  nodes
    .map((node) =>
      node.type === 'hardBreak'
        ? '\n'
        : node.type === 'text'
          ? (node.text ?? '')
          : plainTextOf(node.content ?? []),
    )
    .join('');

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

const trimBreaks = (nodes: RichTextNode[]): RichTextNode[] => {
  let start = 0;
  let end = nodes.length;
  while (start < end && nodes[start]?.type === 'hardBreak') start += 1;
  while (end > start && nodes[end - 1]?.type === 'hardBreak') end -= 1;
  return nodes.slice(start, end);
};

/**
 * A paragraph, or several blocks when it holds images: core/paragraph cannot contain a core/image,
 * so the text before and after each image becomes its own paragraph, in reading order. Blank
 * paragraphs are left out (Gutenberg would keep them; on a published release they are only gaps).
 */
const paragraphBlocks = (node: RichTextNode, options: BlockMarkupOptions): string[] => {
  const children = node.content ?? [];
  if (!children.some((child) => child.type === 'image')) {
    return isBlank(children) ? [] : [paragraphBlock(inlineHtml(children))];
  }
  const blocks: string[] = [];
  let run: RichTextNode[] = [];
  const flush = () => {
    const text = trimBreaks(run);
    if (!isBlank(text)) blocks.push(paragraphBlock(inlineHtml(text)));
    run = [];
  };
  for (const child of children) {
    if (child.type !== 'image') {
      run.push(child);
      continue;
    }
    flush();
    blocks.push(...imageBlock(child, options));
  }
  flush();
  return blocks;
};

const headingLevel = (node: RichTextNode): number => {
  const level = node.attrs?.level;
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
};

/** Code as core/code escapes it: else WordPress runs a `[shortcode]` or embeds a URL alone on a line. */
const escapeCode = (code: string): string =>
  escapeText(code)
    .replace(/\[/g, '&#91;')
    // Gutenberg escapes only the first such URL (its regex has no `g`); every one is safer, and the
    // block validator reads `&#47;` and `/` as the same text, so the block stays valid.
    .replace(/^(\s*https?:)\/\/([^\s<>"]+\s*)$/gm, '$1&#47;&#47;$2');

const codeBlock = (node: RichTextNode): string[] => {
  const code = plainTextOf(node.content ?? []);
  if (!/\S/.test(code)) return [];
  // The editor's `language` has no place in core/code and is dropped.
  return [block('code', {}, `<pre class="wp-block-code"><code>${escapeCode(code)}</code></pre>`)];
};

const SIZE_SLUG = /^[a-z0-9_-]{1,64}$/i;

const imageBlock = (node: RichTextNode, options: BlockMarkupOptions): string[] => {
  const src = node.attrs?.src;
  const uploaded = typeof src === 'string' && options.images ? options.images(src) : null;
  if (!uploaded || !Number.isInteger(uploaded.id) || uploaded.id <= 0 || !isWebUrl(uploaded.url)) return [];
  const { id, url } = uploaded;
  const sizeSlug = uploaded.sizeSlug && SIZE_SLUG.test(uploaded.sizeSlug) ? uploaded.sizeSlug : 'large';
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : '';
  const title = typeof node.attrs?.title === 'string' && node.attrs.title.trim() ? node.attrs.title : '';
  // A caption is either the node's inline content (a figure-like image node) or a plain attribute.
  const captionHtml = node.content?.length
    ? inlineHtml(node.content)
    : typeof node.attrs?.caption === 'string'
      ? escapeText(node.attrs.caption.trim())
      : '';
  // Attribute order is the save function's: src, alt, class, title.
  const titleAttribute = title ? ` title="${escapeAttribute(title)}"` : '';
  const imgAttributes = `src="${escapeAttribute(url)}" alt="${escapeAttribute(alt)}" class="wp-image-${id}"`;
  const img = `<img ${imgAttributes}${titleAttribute}/>`;
  const caption = captionHtml ? `<figcaption class="wp-element-caption">${captionHtml}</figcaption>` : '';
  const figure = `<figure class="wp-block-image size-${sizeSlug}">${img}${caption}</figure>`;
  return [block('image', { id, sizeSlug, linkDestination: 'none' }, figure)];
};

/**
 * A list item's text and nested lists. core/list-item holds one run of rich text followed by nested
 * lists only, so several paragraphs join with line breaks, text after a nested list moves before
 * it, and blocks a list item cannot hold (images, separators) are left out.
 */
const listItemParts = (
  nodes: readonly RichTextNode[],
  options: BlockMarkupOptions,
): { lines: string[]; nested: string[] } => {
  const lines: string[] = [];
  const nested: string[] = [];
  for (const node of nodes) {
    if (node.type === 'bulletList' || node.type === 'orderedList') {
      nested.push(...listBlocks(node, options));
    } else if (node.type === 'codeBlock') {
      const code = plainTextOf(node.content ?? []);
      if (/\S/.test(code)) lines.push(`<code>${escapeText(code).replace(/\n/g, '<br>')}</code>`);
    } else if (node.content?.some(isInline)) {
      if (!isBlank(node.content)) lines.push(inlineHtml(node.content));
    } else {
      const inner = listItemParts(node.content ?? [], options);
      lines.push(...inner.lines);
      nested.push(...inner.nested);
    }
  }
  return { lines, nested };
};

const listBlocks = (node: RichTextNode, options: BlockMarkupOptions): string[] => {
  const items = (node.content ?? []).flatMap((item) => {
    const { lines, nested } = listItemParts(item.content ?? [], options);
    return lines.length || nested.length ? [listItemBlock(lines.join('<br>'), nested)] : [];
  });
  if (!items.length) return [];
  const start = node.attrs?.start;
  return [
    listBlock(items, {
      ordered: node.type === 'orderedList',
      start: typeof start === 'number' && Number.isInteger(start) ? start : undefined,
    }),
  ];
};

const blocksOf = (nodes: readonly RichTextNode[], options: BlockMarkupOptions): string[] =>
  nodes.flatMap((node) => nodeBlocks(node, options));

const nodeBlocks = (node: RichTextNode, options: BlockMarkupOptions): string[] => {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return paragraphBlocks(node, options);
    case 'heading':
      return isBlank(children) ? [] : [headingBlock(headingLevel(node), inlineHtml(children))];
    case 'bulletList':
    case 'orderedList':
      return listBlocks(node, options);
    case 'blockquote': {
      const inner = blocksOf(children, options);
      if (!inner.length) return [];
      return [block('quote', {}, `<blockquote class="wp-block-quote">${inner.join('\n\n')}</blockquote>`)];
    }
    case 'horizontalRule':
      return [block('separator', {}, '<hr class="wp-block-separator has-alpha-channel-opacity"/>')];
    case 'codeBlock':
      return codeBlock(node);
    case 'image':
      return imageBlock(node, options);
    default:
      // A node this build does not know (a newer editor extension): its text is published as a
      // paragraph, its blocks as blocks, so nothing the author wrote silently disappears.
      return children.some(isInline)
        ? paragraphBlocks({ type: 'paragraph', content: children }, options)
        : blocksOf(children, options);
  }
};

/**
 * The body as block markup, ready for `post_content`. Blocks are separated by a blank line, as
 * Gutenberg writes them; an empty body gives ''. Append the related posts with `joinBlocks`.
 */
export const toBlockMarkup = (body: RichTextNode, options: BlockMarkupOptions = {}): string =>
  blocksOf(body.type === 'doc' ? (body.content ?? []) : [body], options).join('\n\n');
