/**
 * `--body FILE`: the release text from Markdown, HTML or plain text, by the file's extension.
 * Markdown becomes HTML with marked, then goes the same way as HTML, so both are sanitised alike.
 */
import { extname } from 'node:path';
import { emptyBody, type RichTextNode } from '../../../shared/release/draft-document.js';
import { usageError } from '../cli-errors.js';
import { textToBody } from '../../core/content/text-to-body.js';
import { readInputFile } from './input-file.js';

/** A release is a few pages; this leaves room for long ones with pasted tables. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

// The HTML and Markdown readers (a DOM, ProseMirror, marked) are most of the command's code: they
// are loaded only when a body needs them, so every other command starts faster.
const fromHtml = async (html: string) =>
  (await import('../../core/content/html-to-body.js')).htmlToBody(html);
const fromMarkdown = async (text: string) =>
  fromHtml((await import('../../core/content/markdown-to-html.js')).markdownToHtml(text));

const converters: Record<string, (text: string) => RichTextNode | Promise<RichTextNode>> = {
  '.md': fromMarkdown,
  '.markdown': fromMarkdown,
  '.html': fromHtml,
  '.htm': fromHtml,
  '.txt': textToBody,
};

const decodeUtf8 = (file: string, bytes: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw usageError(`--body ${file}: the file is not UTF-8 text`);
  }
};

export const readBody = async (file: string | undefined, cwd: string): Promise<RichTextNode> => {
  if (file === undefined) return emptyBody();
  const convert = converters[extname(file).toLowerCase()];
  if (!convert) throw usageError(`--body ${file}: use a .md, .html or .txt file`);
  const bytes = await readInputFile('--body', file, cwd, MAX_BODY_BYTES);
  return convert(decodeUtf8(file, bytes));
};
