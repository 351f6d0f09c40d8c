/**
 * Connecting a site the easy way: the site's own approval screen opens in the browser, the user
 * signs in there and approves, and the site comes back connected; nobody copies a password.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayloadOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';

type Connection = EventPayloadOf<'sites.connection'>;

export const ConnectSiteForm = ({ onConnected }: { onConnected: (connection: Connection) => void }) => {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(
    () =>
      pressroom().on('sites.connection', (connection) => {
        setWaiting(false);
        if (connection.ok) {
          setName('');
          setUrl('');
          setFailure(null);
        } else setFailure(connection.message);
        onConnected(connection);
      }),
    [onConnected],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = await pressroom().sites.connect({ name, url });
    if (!result.ok) return setError(result.error);
    setError(null);
    setWaiting(true);
    // The desktop app hands http(s) windows to the system browser; browser mode opens a tab.
    window.open(result.value.authorizeUrl, '_blank', 'noopener');
  };

  return (
    <form
      className="add-site"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="connect-site-heading"
    >
      <h3 id="connect-site-heading">{t('sites.connectHeading')}</h3>
      <p className="hint">{t('sites.connectHint')}</p>
      <label htmlFor="connect-name">{t('sites.name')}</label>
      <input
        id="connect-name"
        required
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder={t('sites.namePlaceholder')}
      />
      <label htmlFor="connect-url">{t('sites.url')}</label>
      <input
        id="connect-url"
        required
        dir="ltr"
        inputMode="url"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        placeholder="https://news.example.org"
      />
      <button type="submit">{t('sites.connect')}</button>
      {waiting && (
        <p role="status" className="hint">
          {t('sites.waitingForApproval')}
        </p>
      )}
      {failure && (
        <p role="alert" className="error" dir="auto">
          {failure}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </form>
  );
};
