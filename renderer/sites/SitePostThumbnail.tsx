/**
 * A site post's featured image, small, in "Posts on this site". The main process downloads it from
 * the site, keeps it for offline use and answers a data: URL (the renderer fetches nothing remote);
 * a row asks only once it scrolls near view, since a site lists hundreds of posts. Pictures shown
 * are remembered per post and address, so searching again does not ask again; a post without one,
 * or one that could not be had, shows an empty box.
 */
import { useEffect, useRef, useState } from 'react';
import { pressroom } from '../bridge/pressroom.js';

const known = new Map<string, string>();

export const SitePostThumbnail = ({
  siteId,
  postId,
  address,
}: {
  siteId: string;
  postId: number;
  /** The post's thumbnail address as cached, or null when it has no featured image. */
  address: string | null;
}) => {
  const key = `${siteId}\n${postId}\n${address ?? ''}`;
  const [answer, setAnswer] = useState<{ key: string; dataUrl: string | null } | null>(null);
  // Already shown once, or no way to tell what is in view: ask at once.
  const [near, setNear] = useState(() => known.has(key) || typeof IntersectionObserver === 'undefined');
  const box = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    if (!near || address === null || known.has(key)) return;
    let current = true;
    void pressroom()
      .sites.postThumbnail({ siteId, postId })
      .then((result) => {
        const dataUrl = result.ok ? result.value : null;
        if (dataUrl) known.set(key, dataUrl);
        if (current) setAnswer({ key, dataUrl });
      });
    return () => {
      current = false;
    };
  }, [near, siteId, postId, address, key]);

  const dataUrl = known.get(key) ?? (answer?.key === key ? answer.dataUrl : null);
  // Decorative: the title beside it says what the post is.
  return dataUrl ? (
    <img className="site-post-thumbnail" src={dataUrl} alt="" width={48} height={48} />
  ) : (
    <span ref={box} className="site-post-thumbnail empty" aria-hidden="true" />
  );
};
