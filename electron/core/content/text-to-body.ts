/**
 * Plain text into the editor's JSON body: a blank line starts a new paragraph, and a single line
 * break inside one is kept as a line break (addresses and contact blocks are written that way).
 */
import { emptyBody, type RichTextNode } from '../../../shared/release/draft-document.js';

const paragraphOf = (block: string): RichTextNode => {
  const lines = block.split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
  const content: RichTextNode[] = [];
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push({ type: 'text', text: line });
  });
  return { type: 'paragraph', content };
};

export const textToBody = (text: string): RichTextNode => {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  return blocks.length ? { type: 'doc', content: blocks.map(paragraphOf) } : emptyBody();
};
