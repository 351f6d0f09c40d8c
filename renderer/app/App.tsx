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
import { useLibrary } from '../library/use-library.js';
import { SettingsView } from '../settings/SettingsView.js';

type View = 'drafts' | 'settings';

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
      <RecoveryBanner
        onOpen={(id) => {
          setView('drafts');
          setOpenId(id);
        }}
      />
      <div className="workspace">
        <LibraryList
          query={query}
          onQuery={setQuery}
          listing={listing}
          error={listError}
          selectedId={openId}
          onOpen={(id) => {
            setView('drafts');
            setOpenId(id);
          }}
        />
        <main id="main" tabIndex={-1}>
          {view === 'settings' ? (
            <SettingsView info={info} language={language} onLanguage={setLanguage} />
          ) : openId ? (
            <DraftEditor key={openId} id={openId} focusTitle={openId === newId} />
          ) : (
            <p className="hint">{t('editor.none')}</p>
          )}
        </main>
      </div>
    </div>
  );
};
