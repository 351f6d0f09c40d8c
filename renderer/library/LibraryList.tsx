/**
 * The list of drafts: a keyboard-navigable listbox (arrows, Home, End, Enter; Delete deletes and
 * Ctrl/Cmd+D duplicates the highlighted draft), newest first, with drafts that cannot be read shown
 * apart with the reason, never hidden. The actions under the controls act on the highlighted draft.
 */
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/i18n.js';
import { DraftActions } from './DraftActions.js';
import { DraftThumbnail } from './DraftThumbnail.js';
import type { Listing } from './use-library.js';
import type { AppError } from '../../shared/contract/result.js';
import { draftStatuses, type LibraryQuery } from '../../shared/release/draft-summary.js';

interface Props {
  query: LibraryQuery;
  onQuery: (query: LibraryQuery) => void;
  listing: Listing | null;
  error: AppError | null;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onDuplicate: (id: string) => void;
  onDelete: (id: string, title: string) => void;
  onReveal: (id: string) => void;
}

export const LibraryList = (props: Props) => {
  const { query, onQuery, listing, error, selectedId, onOpen } = props;
  const { t, i18n } = useTranslation();
  const drafts = listing?.drafts ?? [];
  // The keyboard's position in the list follows the open draft until the arrows move it.
  const [moved, setMoved] = useState<{ from: string | null; to: string } | null>(null);
  const activeId = moved && moved.from === selectedId ? moved.to : selectedId;
  const active = Math.max(
    0,
    drafts.findIndex((draft) => draft.id === activeId),
  );
  const setActive = (index: number) => {
    const draft = drafts[index];
    if (draft) setMoved({ from: selectedId, to: draft.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = drafts.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key] ?? 0);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const draft = drafts[active];
      if (draft) onOpen(draft.id);
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && event.metaKey)) {
      event.preventDefault();
      const draft = drafts[active];
      // The next draft takes the highlight, as in a file manager.
      setActive(active + 1 <= last ? active + 1 : active - 1);
      if (draft) props.onDelete(draft.id, draft.title);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      const draft = drafts[active];
      if (draft) props.onDuplicate(draft.id);
    }
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  // A release date is a wall-clock time in the release's own zone: shown as written, with the zone.
  const wallClockFormat = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const activeDraft = drafts[active];

  return (
    <nav className="library" aria-labelledby="library-heading">
      <h2 id="library-heading">{t('library.heading')}</h2>
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
      {!listing && !error && <p role="status">{t('library.loading')}</p>}
      <div className="library-controls">
        <input
          type="search"
          aria-label={t('library.search')}
          placeholder={t('library.search')}
          value={query.search ?? ''}
          onChange={(event) => onQuery({ ...query, search: event.target.value })}
        />
        <select
          aria-label={t('library.filter')}
          value={query.status ?? ''}
          onChange={(event) =>
            onQuery({ ...query, status: (event.target.value || undefined) as LibraryQuery['status'] })
          }
        >
          <option value="">{t('library.allStatuses')}</option>
          {draftStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`library.status.${status}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('library.sort')}
          value={query.sort ?? 'edited'}
          onChange={(event) => onQuery({ ...query, sort: event.target.value as LibraryQuery['sort'] })}
        >
          <option value="edited">{t('library.sortEdited')}</option>
          <option value="date">{t('library.sortDate')}</option>
          <option value="title">{t('library.sortTitle')}</option>
        </select>
      </div>
      {activeDraft && (
        <DraftActions
          draft={activeDraft}
          onDuplicate={props.onDuplicate}
          onDelete={props.onDelete}
          onReveal={props.onReveal}
        />
      )}
      {listing && drafts.length === 0 && (
        <p className="hint">{query.search || query.status ? t('library.noMatches') : t('library.empty')}</p>
      )}
      {drafts.length > 0 && (
        <ul
          role="listbox"
          aria-labelledby="library-heading"
          tabIndex={0}
          aria-activedescendant={activeDraft ? `draft-${activeDraft.id}` : undefined}
          aria-keyshortcuts="Delete Control+D Meta+D"
          onKeyDown={onKeyDown}
          className="draft-list"
        >
          {drafts.map((draft, index) => (
            <li
              key={draft.id}
              id={`draft-${draft.id}`}
              role="option"
              aria-selected={draft.id === selectedId}
              className={index === active ? 'active' : undefined}
              onClick={() => {
                setActive(index);
                onOpen(draft.id);
              }}
            >
              <DraftThumbnail id={draft.id} updatedAt={draft.updatedAt} hasImage={draft.thumbnail !== null} />
              <span className="draft-title" dir="auto">
                {draft.title || t('library.untitled')}
              </span>
              <span className="draft-meta">
                <span className={`badge ${draft.status}`}>{t(`library.status.${draft.status}`)}</span>{' '}
                {draft.outbox && (
                  <span
                    className={`badge outbox-${draft.outbox.state}`}
                    title={draft.outbox.message ?? undefined}
                  >
                    {t(`library.outbox.${draft.outbox.state}`)}
                  </span>
                )}{' '}
                {draft.releaseDate
                  ? t('library.releaseDate', {
                      date: wallClockFormat.format(new Date(`${draft.releaseDate}:00Z`)),
                      zone: zoneName(draft.timeZone),
                    })
                  : t('library.edited', { date: dateFormat.format(new Date(draft.updatedAt)) })}
              </span>
              {draft.outbox?.state === 'failed' && draft.outbox.message && (
                // Why sending failed, in the row itself: a tooltip alone is out of reach by keyboard.
                <span className="draft-snippet outbox-reason" dir="auto">
                  {draft.outbox.message}
                </span>
              )}
              {draft.snippet && (
                <span className="draft-snippet" dir="auto">
                  {draft.snippet}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {listing && listing.unreadable.length > 0 && (
        <section className="unreadable" aria-labelledby="unreadable-heading">
          <h3 id="unreadable-heading">{t('library.cantOpenHeading')}</h3>
          <ul>
            {listing.unreadable.map((entry) => (
              <li key={entry.folder}>
                {t('library.cantOpen', { folder: entry.folder, reason: entry.reason })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {listing && (
        <p className="folder" dir="auto">
          {t('library.folder', { folder: listing.folder })}
        </p>
      )}
    </nav>
  );
};

/** "Europe/Istanbul" → "Istanbul", "America/Port_of_Spain" → "Port of Spain". */
const zoneName = (zone: string): string => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
