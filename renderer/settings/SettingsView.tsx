/** Settings: where the draft library lives, defaults for new releases, and the interface language. */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError, Result } from '../../shared/contract/result.js';
import type { Settings } from '../../shared/settings/settings-schema.js';
import { pressroom } from '../bridge/pressroom.js';
import { applyLanguage, describeError } from '../i18n/i18n.js';
import { ReleaseDefaults } from './ReleaseDefaults.js';

interface Props {
  info: ResponseOf<'app.info'> | null;
  language: Settings['language'];
  onLanguage: (language: Settings['language']) => void;
}

export const SettingsView = ({ info, language, onLanguage }: Props) => {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void pressroom()
      .settings.get({})
      .then((result) => {
        if (result.ok) {
          setSettings(result.value);
          setFolder(result.value.libraryFolder);
        } else setError(result.error);
      });
  }, []);

  const settle = (result: Result<Settings | null>) => {
    if (!result.ok) {
      setError(result.error);
      setMessage(null);
    } else if (result.value) {
      setSettings(result.value);
      setFolder(result.value.libraryFolder);
      setError(null);
      setMessage(t('settings.saved', { folder: result.value.libraryFolder }));
    }
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    void pressroom().settings.setLibraryFolder({ path: folder.trim() }).then(settle);
  };

  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form onSubmit={apply}>
        <label htmlFor="library-folder">{t('settings.libraryFolder')}</label>
        <p id="library-folder-hint" className="hint">
          {t('settings.libraryFolderHint')}
        </p>
        <div className="row">
          <input
            id="library-folder"
            dir="ltr"
            aria-describedby="library-folder-hint"
            value={folder}
            disabled={!settings}
            onChange={(event) => setFolder(event.target.value)}
          />
          <button type="submit" disabled={!settings || folder.trim() === settings.libraryFolder}>
            {t('settings.apply')}
          </button>
          {info?.canPickFolders && (
            <button
              type="button"
              onClick={() => void pressroom().settings.chooseLibraryFolder({}).then(settle)}
            >
              {t('settings.choose')}
            </button>
          )}
        </div>
      </form>
      {message && <p role="status">{message}</p>}
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
      {settings && <ReleaseDefaults settings={settings} />}
      <label htmlFor="language">{t('settings.language')}</label>
      <select
        id="language"
        value={language}
        onChange={(event) => {
          const next = event.target.value as Settings['language'];
          onLanguage(next);
          void applyLanguage(next);
          void pressroom().settings.setLanguage({ language: next });
        }}
      >
        <option value="system">{t('settings.languageSystem')}</option>
        <option value="en">English</option>
        <option value="ar">العربية</option>
      </select>
    </section>
  );
};
