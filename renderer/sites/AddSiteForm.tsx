/**
 * Adding a WordPress site by hand: name, address, user name and an application password. The
 * password goes to the main process once and is never shown again; the connection is tested at once.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import { looksLikeApplicationPassword } from '../../shared/sites/application-password.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';

type Added = ResponseOf<'sites.add'>;

export const AddSiteForm = ({ onAdded }: { onAdded: (added: Added) => void }) => {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ name: '', url: '', user: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  const passwordHint = fields.password.length > 0 && !looksLikeApplicationPassword(fields.password);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await pressroom().sites.add(fields);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setFields({ name: '', url: '', user: '', password: '' });
    onAdded(result.value);
  };

  return (
    <form className="add-site" onSubmit={(event) => void submit(event)} aria-labelledby="add-site-heading">
      <h3 id="add-site-heading">{t('sites.addHeading')}</h3>
      <label htmlFor="site-name">{t('sites.name')}</label>
      <input
        id="site-name"
        required
        value={fields.name}
        onChange={set('name')}
        placeholder={t('sites.namePlaceholder')}
      />
      <label htmlFor="site-url">{t('sites.url')}</label>
      <input
        id="site-url"
        required
        dir="ltr"
        inputMode="url"
        value={fields.url}
        onChange={set('url')}
        placeholder="https://news.example.org"
      />
      <label htmlFor="site-user">{t('sites.user')}</label>
      <input
        id="site-user"
        required
        dir="ltr"
        autoComplete="off"
        value={fields.user}
        onChange={set('user')}
      />
      <label htmlFor="site-password">{t('sites.password')}</label>
      <input
        id="site-password"
        required
        type="password"
        dir="ltr"
        autoComplete="off"
        aria-describedby="site-password-hint"
        value={fields.password}
        onChange={set('password')}
      />
      <p id="site-password-hint" className={passwordHint ? 'warning' : 'hint'}>
        {passwordHint ? t('sites.passwordLooksWrong') : t('sites.passwordHint')}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? t('sites.adding') : t('sites.add')}
      </button>
      {busy && (
        <p role="status" className="hint">
          {t('sites.testing')}
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
