/**
 * Markdown (GitHub's flavour, as most people write it) into HTML with marked. The HTML is not
 * trusted: html-to-body.ts keeps only what the editor's schema allows.
 */
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, async: false });

export const markdownToHtml = (text: string): string => markdown.parse(text, { async: false });
