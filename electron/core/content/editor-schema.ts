/**
 * The editor's document schema (TipTap's StarterKit, as renderer/editor/DraftEditor.tsx uses it),
 * written out with prosemirror-model for reading HTML outside the editor: the command line's `--body`
 * files, and posts pulled from a site (publishing/pull-post.ts).
 *
 * Why not StarterKit itself: the layer rule keeps the editor's UI packages out of electron/ (see
 * eslint.config.js), and the CLI needs only the names, content rules and HTML parse rules, not the
 * editor. tests/integration/cli/editor-schema.test.ts compares this schema with StarterKit's, so
 * the two cannot drift apart unnoticed. The parse rules follow StarterKit's own, with one
 * difference on purpose: links keep only their address (and title), and only web and e-mail ones.
 */
import { type AttributeSpec, Schema } from 'prosemirror-model';

/** The element's inline CSS, lower-cased, for the rules that look at font-weight or font-style. */
interface StyledElement {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  firstElementChild?: StyledElement | null;
}

const styleOf = (element: StyledElement): string => (element.getAttribute('style') ?? '').toLowerCase();

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export const isAllowedLink = (href: string): boolean => {
  try {
    return LINK_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false; // relative or malformed: it would point nowhere on the site
  }
};

const ORDERED_LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);
const CODE_LANGUAGE = /^language-([A-Za-z0-9_+#.-]{1,40})$/;

const codeLanguage = (pre: StyledElement): string | null => {
  const classes = (pre.firstElementChild?.getAttribute('class') ?? '').split(/\s+/);
  for (const name of classes) {
    const match = CODE_LANGUAGE.exec(name);
    if (match?.[1]) return match[1];
  }
  return null;
};

const attrs = (defaults: Record<string, unknown>): Record<string, AttributeSpec> =>
  Object.fromEntries(Object.entries(defaults).map(([name, value]) => [name, { default: value }]));

const isBold = (value: string) => /^(bold(er)?|[5-9]\d{2,})$/.test(value);

export const editorSchema = new Schema({
  topNode: 'doc',
  // The order matters: the first block (paragraph) is what loose text is wrapped in.
  nodes: {
    paragraph: { content: 'inline*', group: 'block', parseDOM: [{ tag: 'p' }] },
    blockquote: { content: 'block+', group: 'block', defining: true, parseDOM: [{ tag: 'blockquote' }] },
    bulletList: { content: 'listItem+', group: 'block list', parseDOM: [{ tag: 'ul' }] },
    codeBlock: {
      content: 'text*',
      group: 'block',
      marks: '',
      code: true,
      defining: true,
      attrs: attrs({ language: null }),
      parseDOM: [
        {
          tag: 'pre',
          preserveWhitespace: 'full',
          getAttrs: (pre) => ({ language: codeLanguage(pre) }),
        },
      ],
    },
    doc: { content: 'block+' },
    hardBreak: { group: 'inline', inline: true, selectable: false, parseDOM: [{ tag: 'br' }] },
    heading: {
      content: 'inline*',
      group: 'block',
      defining: true,
      attrs: attrs({ level: 1 }),
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    },
    horizontalRule: { group: 'block', parseDOM: [{ tag: 'hr' }] },
    listItem: { content: 'paragraph block*', defining: true, parseDOM: [{ tag: 'li' }] },
    orderedList: {
      content: 'listItem+',
      group: 'block list',
      attrs: attrs({ start: 1, type: null }),
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (list) => {
            const start = Number.parseInt(list.getAttribute('start') ?? '', 10);
            const type = list.getAttribute('type');
            return {
              start: Number.isFinite(start) ? start : 1,
              type: type !== null && ORDERED_LIST_TYPES.has(type) ? type : null,
            };
          },
        },
      ],
    },
    text: { group: 'inline' },
  },
  marks: {
    link: {
      inclusive: true,
      attrs: attrs({
        href: null,
        target: '_blank',
        rel: 'noopener noreferrer nofollow',
        class: null,
        title: null,
      }),
      parseDOM: [
        {
          tag: 'a[href]',
          // Only the address and title are kept: classes and targets from elsewhere mean nothing here.
          getAttrs: (link) => {
            const href = (link.getAttribute('href') ?? '').trim();
            return isAllowedLink(href) ? { href, title: link.getAttribute('title') } : false;
          },
        },
      ],
    },
    bold: {
      parseDOM: [
        { tag: 'strong' },
        // Google Docs wraps whole documents in <b style="font-weight:normal">.
        {
          tag: 'b',
          getAttrs: (element) => (/font-weight\s*:\s*normal/.test(styleOf(element)) ? false : null),
        },
        { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
        { style: 'font-weight', getAttrs: (value) => (isBold(value) ? null : false) },
      ],
    },
    code: { excludes: '_', parseDOM: [{ tag: 'code' }] },
    italic: {
      parseDOM: [
        { tag: 'em' },
        {
          tag: 'i',
          getAttrs: (element) => (/font-style\s*:\s*normal/.test(styleOf(element)) ? false : null),
        },
        { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'italic' },
        { style: 'font-style=italic' },
      ],
    },
    strike: {
      parseDOM: [
        { tag: 's' },
        { tag: 'del' },
        { tag: 'strike' },
        {
          style: 'text-decoration',
          consuming: false,
          getAttrs: (value) => (value.includes('line-through') ? {} : false),
        },
      ],
    },
    underline: {
      parseDOM: [
        { tag: 'u' },
        {
          style: 'text-decoration',
          consuming: false,
          getAttrs: (value) => (value.includes('underline') ? {} : false),
        },
      ],
    },
  },
});
