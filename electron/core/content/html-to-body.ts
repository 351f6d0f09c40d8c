/**
 * HTML (from a file, from Markdown through marked, or a post's block markup pulled from a site) into
 * the editor's JSON body. The HTML is parsed into a server-side DOM (linkedom, which never runs
 * scripts or loads anything) and read with ProseMirror's own DOM parser against the editor's schema:
 * whatever the schema has no place for (scripts, styles, images, forms, unsafe links) is dropped, and
 * loose text is wrapped the way the editor would wrap pasted HTML. Block comments (`<!-- wp:… -->`)
 * are comments to the DOM, so block markup reads as the HTML it wraps.
 */
import { parseHTML } from 'linkedom';
import { DOMParser } from 'prosemirror-model';
import { bodySchema, type RichTextNode } from '../../../shared/release/draft-document.js';
import { editorSchema } from './editor-schema.js';

const parser = DOMParser.fromSchema(editorSchema);

export const htmlToBody = (html: string): RichTextNode => {
  // A complete page keeps its own <head> out of the body; a fragment goes into an empty one.
  const page = /<body[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(page);
  const doc = parser.parse(document.body);
  doc.check();
  return bodySchema.parse(doc.toJSON());
};
