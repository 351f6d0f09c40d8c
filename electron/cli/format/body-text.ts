/**
 * A draft's body as readable plain text for `pressroom show`: one block per paragraph, with the
 * marks a reader of Markdown would recognise for headings, lists, quotes and rules. Links show
 * their address after the text, so nothing of the document is hidden from the terminal.
 */
import type { RichTextNode } from '../../../shared/release/draft-document.js';

const inlineText = (nodes: readonly RichTextNode[] = []): string =>
  nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '\n';
      const text = node.text ?? inlineText(node.content);
      const link = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
      return typeof link === 'string' ? `${text} <${link}>` : text;
    })
    .join('');

const indent = (text: string, prefix: string, first = prefix): string =>
  text
    .split('\n')
    .map((line, index) => (index === 0 ? first : prefix) + line)
    .join('\n');

const blockText = (node: RichTextNode): string => {
  const children = node.content ?? [];
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inlineText(children)}`;
    case 'paragraph':
      return inlineText(children);
    case 'blockquote':
      return indent(blocksText(children), '> ');
    case 'horizontalRule':
      return '---';
    case 'codeBlock':
      return indent(inlineText(children), '    ');
    case 'bulletList':
      return children.map((item) => indent(blocksText(item.content ?? []), '  ', '- ')).join('\n');
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return children
        .map((item, index) => {
          const marker = `${start + index}. `;
          return indent(blocksText(item.content ?? []), ' '.repeat(marker.length), marker);
        })
        .join('\n');
    }
    default:
      // A node from a newer Pressroom: show its text rather than nothing.
      return children.length ? blocksText(children) : (node.text ?? '');
  }
};

const blocksText = (nodes: readonly RichTextNode[]): string => nodes.map(blockText).join('\n');

export const bodyText = (body: RichTextNode): string =>
  (body.content ?? [])
    .map(blockText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
