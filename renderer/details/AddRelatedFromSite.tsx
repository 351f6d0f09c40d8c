/**
 * "Add from site…": the site's published posts as Pressroom last read them (so it works offline),
 * searched by title words, id or address. Adding one records its address, title, the day the site
 * shows it on and its thumbnail, as the related-posts section needs them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/contract/result.js';
import type { RelatedPost } from '../../shared/release/release-fields.js';
import type { CachedPost } from '../../shared/sites/site-cache.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { calendarDayIn, showCalendarDay } from './related-post-dates.js';
import type { TargetSite } from './use-target-site.js';

/** Enough to find a post by its title; more would only be scrolled past. */
const SHOWN = 20;

interface Props {
  target: TargetSite;
  chosen: RelatedPost[];
  onAdd: (post: RelatedPost) => void;
}

const relatedPostOf = (post: CachedPost, siteZone: string | null): RelatedPost => {
  const date = calendarDayIn(post.dateGmt, siteZone);
  return {
    url: post.link,
    title: post.title,
    ...(date ? { date } : {}),
    ...(post.thumbnailUrl ? { thumbnailUrl: post.thumbnailUrl } : {}),
    remoteId: post.id,
  };
};

export const AddRelatedFromSite = ({ target, chosen, onAdd }: Props) => {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<CachedPost[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const siteId = target.site?.id ?? null;
  const siteZone = target.terms?.timeZone ?? null;

  useEffect(() => {
    if (!siteId) return;
    let current = true;
    void pressroom()
      .sites.posts({ siteId, status: 'publish', ...(search.trim() ? { search: search.trim() } : {}) })
      .then((result) => {
        if (!current) return;
        if (result.ok) setFound(result.value.posts);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [siteId, search, target.readCount]);

  if (!target.site) return <p className="hint">{t('details.noSites')}</p>;
  return (
    <div className="related-search">
      <label htmlFor="details-related-search">{t('details.searchSite', { name: target.site.name })}</label>
      <input
        id="details-related-search"
        type="search"
        dir="auto"
        // Opened on purpose, to search: the cursor goes there.
        autoFocus
        maxLength={500}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {found && found.length === 0 && (
        <p className="hint">
          {target.terms?.refreshedAt ? t('details.noPostsFound') : t('details.siteNotRead')}
        </p>
      )}
      {found && found.length > 0 && (
        <ul className="post-list" aria-label={t('details.postsFound')}>
          {found.slice(0, SHOWN).map((post) => {
            const added = chosen.some((related) => related.url === post.link);
            const day = calendarDayIn(post.dateGmt, siteZone);
            return (
              <li key={post.id}>
                <span className="draft-title" dir="auto">
                  {post.title || t('library.untitled')}
                </span>
                {day && <span className="hint">{showCalendarDay(day, i18n.language)}</span>}
                <button type="button" disabled={added} onClick={() => onAdd(relatedPostOf(post, siteZone))}>
                  {added ? t('details.added') : t('details.add')}
                  <span className="visually-hidden">: {post.title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p role="alert" className="error" dir="auto">
          {describeError(error, t)}
        </p>
      )}
    </div>
  );
};
