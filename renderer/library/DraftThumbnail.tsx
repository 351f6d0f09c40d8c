/**
 * A draft's featured image, small, in the list. The main process makes the thumbnail (the renderer
 * reads no files); answers are remembered per draft and edit time so scrolling does not ask again.
 */
import { useEffect, useState } from 'react';
import { pressroom } from '../bridge/pressroom.js';

const known = new Map<string, string | null>();

export const DraftThumbnail = ({
  id,
  updatedAt,
  hasImage,
}: {
  id: string;
  updatedAt: string;
  hasImage: boolean;
}) => {
  const key = `${id}@${updatedAt}`;
  const [dataUrl, setDataUrl] = useState<string | null>(known.get(key) ?? null);

  useEffect(() => {
    if (!hasImage || known.has(key)) return;
    let current = true;
    void pressroom()
      .drafts.thumbnail({ id })
      .then((result) => {
        const url = result.ok ? (result.value?.dataUrl ?? null) : null;
        known.set(key, url);
        if (current) setDataUrl(url);
      });
    return () => {
      current = false;
    };
  }, [id, key, hasImage]);

  // Decorative: the title beside it says what the draft is.
  return dataUrl && hasImage ? (
    <img className="draft-thumbnail" src={dataUrl} alt="" width={48} height={48} />
  ) : (
    <span className="draft-thumbnail empty" aria-hidden="true" />
  );
};
