/** The window: a toolbar, the draft library beside the open draft, and settings. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { LibraryQuery } from '../../shared/release/draft-summary.js';
import type { Settings } from '../../shared/settings/settings-schema.js';
import { pressroom } from '../bridge/pressroom.js';
import { DraftEditor } from '../editor/DraftEditor.js';
import { describeError } from '../i18n/i18n.js';
import { LibraryList } from '../library/LibraryList.js';
import { RecoveryBanner } from '../library/RecoveryBanner.js';
import { type PendingDelete, UndoDeleteToast } from '../library/UndoDeleteToast.js';
import { useLibrary } from '../library/use-library.js';
import { SettingsView } from '../settings/SettingsView.js';
import { SitesView } from '../sites/SitesView.js';
import { RecentMenu } from './RecentMenu.js';
import { OutboxMenu } from '../publish/OutboxMenu.js';

type View = 'drafts' | 'settings' | 'sites';

export const App = ({ initialLanguage }: { initialLanguage: Settings['language'] }) => {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('drafts');
  const [openId, setOpenId] = useState<string | null>(null);
  /** The draft just created: its title field takes the focus when it opens. */
  const [newId, setNewId] = useState<string | null>(null);
  const [info, setInfo] = useState<ResponseOf<'app.info'> | null>(null);
  const [language, setLanguage] = useState<Settings['language']>(initialLanguage);
  const [error, setError] = useState<AppError | null>(null);
  const [query, setQuery] = useState<LibraryQuery>({});
  const { listing, error: listError } = useLibrary(query);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  /** A message in the user's language that is not an error of a request (e.g. "undo came too late"). */
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void pressroom()
      .app.info({})
      .then((result) => result.ok && setInfo(result.value));
  }, []);

  const createDraft = useCallback(async () => {
    const result = await pressroom().drafts.create({});
    if (!result.ok) return setError(result.error);
    setError(null);
    setView('drafts');
    setOpenId(result.value.document.id);
    setNewId(result.value.document.id);
  }, []);

  const openDraft = useCallback((id: string) => {
    setView('drafts');
    setOpenId(id);
  }, []);

  const duplicateDraft = useCallback(
    async (id: string) => {
      const result = await pressroom().drafts.duplicate({ id, copySuffix: t('library.copySuffix') });
      if (!result.ok) return setError(result.error);
      setError(null);
      openDraft(result.value.document.id);
    },
    [t, openDraft],
  );

  const deleteDraft = useCallback(async (id: string, title: string) => {
    const result = await pressroom().drafts.delete({ id });
    if (!result.ok) return setError(result.error);
    setError(null);
    setNotice(null);
    setOpenId((current) => (current === id ? null : current));
    setPendingDelete({ id, title, undoWindowMs: result.value.undoWindowMs });
  }, []);

  const undoDelete = useCallback(
    async (id: string) => {
      setPendingDelete(null);
      const result = await pressroom().drafts.undoDelete({ id });
      if (!result.ok) return setError(result.error);
      if (!result.value.restored) setNotice(t('library.undoTooLate'));
    },
    [t],
  );

  const revealDraft = useCallback(async (id: string) => {
    const result = await pressroom().drafts.reveal({ id });
    if (!result.ok) setError(result.error);
  }, []);

  useEffect(
    () =>
      pressroom().on('drafts.trashFailed', ({ title }) =>
        setNotice(t('library.trashFailed', { title: title || t('library.untitled') })),
      ),
    [t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        void createDraft();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [createDraft]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToEditor')}
      </a>
      <header className="toolbar">
        <h1>{t('app.name')}</h1>
        <button type="button" onClick={() => void createDraft()} aria-keyshortcuts="Control+N Meta+N">
          {t('toolbar.newDraft')}
        </button>
        <OutboxMenu />
        <RecentMenu onOpen={openDraft} />
        <button
          type="button"
          aria-pressed={view === 'sites'}
          onClick={() => setView(view === 'sites' ? 'drafts' : 'sites')}
        >
          {t('toolbar.sites')}
        </button>
        <button
          type="button"
          aria-pressed={view === 'settings'}
          onClick={() => setView(view === 'settings' ? 'drafts' : 'settings')}
        >
          {view === 'settings' ? t('toolbar.backToDrafts') : t('toolbar.settings')}
        </button>
      </header>
      {error && (
        <p role="alert" className="error banner">
          {describeError(error, t)}
        </p>
      )}
      {notice && (
        <p role="alert" className="error banner" dir="auto">
          {notice}
        </p>
      )}
      {pendingDelete && (
        <UndoDeleteToast
          key={pendingDelete.id}
          pending={pendingDelete}
          onUndo={(id) => void undoDelete(id)}
          onExpired={(id) => setPendingDelete((current) => (current?.id === id ? null : current))}
        />
      )}
      <RecoveryBanner onOpen={openDraft} />
      <div className="workspace">
        <LibraryList
          query={query}
          onQuery={setQuery}
          listing={listing}
          error={listError}
          selectedId={openId}
          onOpen={openDraft}
          onDuplicate={(id) => void duplicateDraft(id)}
          onDelete={(id, title) => void deleteDraft(id, title)}
          onReveal={(id) => void revealDraft(id)}
        />
        <main id="main" tabIndex={-1}>
          {view === 'settings' ? (
            <SettingsView info={info} language={language} onLanguage={setLanguage} />
          ) : view === 'sites' ? (
            <SitesView onOpenDraft={openDraft} />
          ) : openId ? (
            <DraftEditor key={openId} id={openId} focusTitle={openId === newId} onOpenDraft={openDraft} />
          ) : (
            <p className="hint">{t('editor.none')}</p>
          )}
        </main>
      </div>
    </div>
  );
};
