/**
 * Related posts, in the order they appear under the release: each can move up or down or go, and
 * more come from the site's posts (as last read) or by address. Moving keeps the keyboard focus on
 * the button just used, so a post can be moved several places by pressing it again.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedPost } from '../../shared/release/release-fields.js';
import { AddRelatedByAddress } from './AddRelatedByAddress.js';
import { AddRelatedFromSite } from './AddRelatedFromSite.js';
import { showCalendarDay } from './related-post-dates.js';
import type { TargetSite } from './use-target-site.js';

/** As many as the release format holds. */
const MAX_RELATED = 50;

interface Props {
  posts: RelatedPost[];
  target: TargetSite;
  onChange: (posts: RelatedPost[]) => void;
}

type Adding = 'site' | 'address' | null;

/** A key per post: its address, made unique when a draft written elsewhere lists one twice. */
const keysOf = (posts: RelatedPost[]): string[] =>
  posts.map((post, index) =>
    posts.findIndex((other) => other.url === post.url) === index ? post.url : `${post.url}#${index}`,
  );

export const RelatedPostsField = ({ posts, target, onChange }: Props) => {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState<Adding>(null);
  /** The button to focus once the list has been drawn again: `${url} ${action}`. */
  const focusNext = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const addressButton = useRef<HTMLButtonElement>(null);
  const full = posts.length >= MAX_RELATED;
  const keys = keysOf(posts);

  useEffect(() => {
    if (!focusNext.current) return;
    (buttons.current.get(focusNext.current) ?? addButton.current)?.focus();
    focusNext.current = null;
  }, [posts]);

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    const post = posts[index];
    if (!post || to < 0 || to >= posts.length) return;
    const next = [...posts];
    next.splice(index, 1);
    next.splice(to, 0, post);
    onChange(next);
    // At either end the button used is disabled: its neighbour takes the focus instead.
    const atEnd = to === 0 || to === posts.length - 1;
    const action = atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down';
    focusNext.current = `${keysOf(next)[to] ?? ''} ${action}`;
  };

  const remove = (index: number) => {
    const next = posts.filter((_, at) => at !== index);
    onChange(next);
    // The post that took its place, or the one before when it was the last; the Add button when none.
    const neighbour = keysOf(next)[Math.min(index, next.length - 1)];
    focusNext.current = neighbour ? `${neighbour} remove` : 'add';
  };

  const add = (post: RelatedPost) => {
    if (full || posts.some((existing) => existing.url === post.url)) return;
    onChange([...posts, post]);
  };

  const ref = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <section className="details-section" aria-labelledby="details-related-heading">
      <h3 id="details-related-heading">{t('details.relatedHeading')}</h3>
      {posts.length === 0 ? (
        <p className="hint">{t('details.relatedNone')}</p>
      ) : (
        <ol className="related-list" aria-labelledby="details-related-heading">
          {posts.map((post, index) => (
            <li key={keys[index]}>
              <span className="related-title" dir="auto">
                {post.title || t('library.untitled')}
              </span>
              <span className="hint">
                {post.date ? `${showCalendarDay(post.date, i18n.language)} · ` : ''}
                <span dir="ltr" className="related-url">
                  {post.url}
                </span>
              </span>
              <span className="details-row">
                <button
                  type="button"
                  ref={ref(`${keys[index] ?? ''} up`)}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {t('details.moveUp')}
                  <span className="visually-hidden">: {post.title}</span>
                </button>
                <button
                  type="button"
                  ref={ref(`${keys[index] ?? ''} down`)}
                  disabled={index === posts.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('details.moveDown')}
                  <span className="visually-hidden">: {post.title}</span>
                </button>
                <button type="button" ref={ref(`${keys[index] ?? ''} remove`)} onClick={() => remove(index)}>
                  {t('details.removeRelated')}
                  <span className="visually-hidden">: {post.title}</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {full && <p className="hint">{t('details.relatedFull', { count: MAX_RELATED })}</p>}
      <div className="details-row">
        <button
          type="button"
          ref={addButton}
          aria-expanded={adding === 'site'}
          disabled={full}
          onClick={() => setAdding(adding === 'site' ? null : 'site')}
        >
          {t('details.addFromSite')}
        </button>
        <button
          type="button"
          ref={addressButton}
          aria-expanded={adding === 'address'}
          disabled={full}
          onClick={() => setAdding(adding === 'address' ? null : 'address')}
        >
          {t('details.addByAddress')}
        </button>
      </div>
      {adding === 'site' && <AddRelatedFromSite target={target} chosen={posts} onAdd={add} />}
      {adding === 'address' && (
        <AddRelatedByAddress
          chosen={posts}
          onAdd={add}
          onDone={() => {
            setAdding(null);
            addressButton.current?.focus();
          }}
        />
      )}
    </section>
  );
};
