/**
 * A site's posts, to open one as a draft: the list read at the last refresh (so it works offline),
 * searchable by title, id or address and filterable by status; "Refresh from the site" reads it again.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import { postStatuses, type PostStatus } from '../../shared/sites/site-cache.js';
import type { Site } from '../../shared/sites/site.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { SitePostThumbnail } from './SitePostThumbnail.js';

type Listing = ResponseOf<'sites.posts'>;

export const SitePostsBrowser = ({
  site,
  onOpenDraft,
}: {
  site: Site;
  onOpenDraft: (id: string) => void;
}) => {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<PostStatus | ''>('');
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState<'refreshing' | number | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notes, setNotes] = useState<string[]>([]);

  const load = useCallback(async () => {
    const result = await pressroom().sites.posts({
      siteId: site.id,
      ...(search ? { search } : {}),
      ...(status ? { status } : {}),
    });
    if (result.ok) setListing(result.value);
    else setError(result.error);
  }, [site.id, search, status]);

  useEffect(() => {
    let current = true;
    void pressroom()
      .sites.posts({ siteId: site.id, ...(search ? { search } : {}), ...(status ? { status } : {}) })
      .then((result) => {
        if (!current) return;
        if (result.ok) setListing(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [site.id, search, status]);

  const refresh = async () => {
    setBusy('refreshing');
    setError(null);
    const result = await pressroom().sites.refresh({ siteId: site.id });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    await load();
  };

  const open = async (postId: number) => {
    setBusy(postId);
    setError(null);
    const result = await pressroom().sites.openPost({ siteId: site.id, postId });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setNotes(result.value.notes);
    onOpenDraft(result.value.document.id);
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <section className="site-posts" aria-label={t('sites.postsOf', { name: site.name })}>
      <div className="row">
        <button type="button" onClick={() => void refresh()} disabled={busy !== null}>
          {busy === 'refreshing' ? t('sites.refreshing') : t('sites.refresh')}
        </button>
        <span className="hint">
          {listing?.refreshedAt
            ? t('sites.readAt', { date: dateFormat.format(new Date(listing.refreshedAt)) })
            : t('sites.neverRead')}
        </span>
      </div>
      <div className="row">
        <input
          type="search"
          aria-label={t('sites.searchPosts')}
          placeholder={t('sites.searchPosts')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <select
          aria-label={t('sites.postStatus')}
          value={status}
          onChange={(event) => setStatus(event.target.value as PostStatus | '')}
        >
          <option value="">{t('sites.allPosts')}</option>
          {postStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`sites.postStatuses.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {listing && listing.scope === 'published' && <p className="hint">{t('sites.onlyPublished')}</p>}
      {listing && listing.posts.length === 0 && listing.refreshedAt && (
        <p className="hint">{t('sites.noPosts')}</p>
      )}
      {listing && listing.posts.length > 0 && (
        <ul className="post-list" aria-label={t('sites.postsOf', { name: site.name })}>
          {listing.posts.map((post) => (
            <li key={post.id}>
              <SitePostThumbnail siteId={site.id} postId={post.id} address={post.thumbnailUrl} />
              <span className="draft-title" dir="auto">
                {post.title || t('library.untitled')}
              </span>
              <span className="hint">
                {t(`sites.postStatuses.${post.status}`)}
                {post.dateGmt ? ` · ${dateFormat.format(new Date(post.dateGmt))}` : ''}
              </span>
              <button type="button" onClick={() => void open(post.id)} disabled={busy !== null}>
                {busy === post.id ? t('sites.opening') : t('sites.openAsDraft')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul role="status" className="hint">
          {notes.map((note) => (
            <li key={note} dir="auto">
              {note}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error" dir="auto">
          {describeError(error, t)}
        </p>
      )}
    </section>
  );
};
