/**
 * Images in the body as core/image blocks. Only images the publisher has uploaded are written (with
 * their media-library id, as Gutenberg writes an image picked from the library); StarterKit has no
 * image node yet, so these documents are written by hand in the shape TipTap's Image extension uses.
 */
import { describe, expect, it } from 'vitest';
import type { UploadedImage } from '../../../../shared/publishing/gutenberg-blocks.js';
import type { RichTextNode } from '../../../../shared/release/draft-document.js';
import { br, markupOf, p, paragraph, readBlocks, text } from './block-markup-helpers.js';

describe('images', () => {
  const uploads: Record<string, UploadedImage> = {
    'assets/meeting.jpg': {
      id: 12,
      url: 'https://iifso.org/wp-content/uploads/2023/07/meeting-1024x683.jpg',
    },
  };
  const images = (src: string) => uploads[src] ?? null;
  const image = (attrs: Record<string, unknown>): RichTextNode => ({
    type: 'doc',
    content: [{ type: 'image', attrs }],
  });

  it('writes an uploaded image with its media id and large size', () => {
    expect(
      markupOf(image({ src: 'assets/meeting.jpg', alt: 'Dr. Parvez with OREMA leaders', title: null }), {
        images,
      }),
    ).toBe(
      '<!-- wp:image {"id":12,"sizeSlug":"large","linkDestination":"none"} -->\n' +
        '<figure class="wp-block-image size-large"><img src="https://iifso.org/wp-content/uploads/2023/07/meeting-1024x683.jpg" ' +
        'alt="Dr. Parvez with OREMA leaders" class="wp-image-12"/></figure>\n<!-- /wp:image -->',
    );
  });

  it('writes its title and caption, escaped', () => {
    const markup = markupOf(
      image({
        src: 'assets/meeting.jpg',
        alt: 'The "JDP" & OREMA',
        title: 'Rabat',
        caption: 'In Rabat <2023>',
      }),
      { images },
    );
    expect(markup).toContain(
      '<img src="https://iifso.org/wp-content/uploads/2023/07/meeting-1024x683.jpg" alt="The &quot;JDP&quot; &amp; OREMA" ' +
        'class="wp-image-12" title="Rabat"/><figcaption class="wp-element-caption">In Rabat &lt;2023></figcaption></figure>',
    );
  });

  it('uses the size the publisher uploaded, and large for anything that is not a size name', () => {
    const sized = (sizeSlug: string) => () => ({ id: 12, url: 'https://iifso.org/a.jpg', sizeSlug });
    const doc = image({ src: 'assets/meeting.jpg', alt: '' });
    expect(markupOf(doc, { images: sized('full') })).toContain(
      '<!-- wp:image {"id":12,"sizeSlug":"full","linkDestination":"none"} -->\n<figure class="wp-block-image size-full">',
    );
    expect(markupOf(doc, { images: sized('x" onload="alert(1)') })).toContain(
      '<figure class="wp-block-image size-large">',
    );
  });

  it('takes a caption written as the image’s own inline content, with its formatting', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'image',
          attrs: { src: 'assets/meeting.jpg', alt: 'Meeting' },
          content: [text('Photo: '), text('IIFSO', 'italic')],
        },
      ],
    } as RichTextNode;
    expect(markupOf(doc, { images })).toContain(
      '<figcaption class="wp-element-caption">Photo: <em>IIFSO</em></figcaption></figure>',
    );
  });

  it('leaves out an image that was not uploaded, so the post never points at a local file', () => {
    const notUploaded = image({ src: 'assets/other.jpg', alt: 'x' });
    expect(markupOf(notUploaded, { images })).toBe('');
    expect(markupOf(image({ src: 'assets/meeting.jpg', alt: 'x' }))).toBe('');
    const localUrl = () => ({ id: 3, url: 'file:///home/staff/meeting.jpg' });
    expect(markupOf(image({ src: 'assets/meeting.jpg', alt: 'x' }), { images: localUrl })).toBe('');
  });

  it('lifts an image out of a paragraph into its own block, between the text around it', () => {
    const body = {
      type: 'doc',
      content: [
        p(
          text('Before'),
          br,
          { type: 'image', attrs: { src: 'assets/meeting.jpg', alt: '' } },
          text('After'),
        ),
      ],
    } as RichTextNode;
    expect(readBlocks(markupOf(body, { images })).map((block) => block.name)).toEqual([
      'paragraph',
      'image',
      'paragraph',
    ]);
    expect(markupOf(body, { images })).toContain(`${paragraph('Before')}\n\n<!-- wp:image`);
  });
});

describe('image attributes in the block comment', () => {
  it('encodes `--` in an image’s size the same way in the block comment', () => {
    const images = (): UploadedImage => ({ id: 7, url: 'https://iifso.org/a.jpg', sizeSlug: 'post--thumb' });
    const markup = markupOf(
      { type: 'doc', content: [{ type: 'image', attrs: { src: 'assets/a.jpg' } }] },
      { images },
    );
    expect(markup.split('\n')[0]).toBe(
      '<!-- wp:image {"id":7,"sizeSlug":"post\\u002d\\u002dthumb","linkDestination":"none"} -->',
    );
    expect(readBlocks(markup)[0]?.attributes).toEqual({
      id: 7,
      sizeSlug: 'post--thumb',
      linkDestination: 'none',
    });
  });
});
