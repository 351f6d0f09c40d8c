/**
 * Editing a site: its name, address and user name; a new application password only when one is
 * typed (the stored one is never shown). The connection is tested again after saving.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/contract/result.js';
import type { Site } from '../../shared/sites/site.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';

interface Props {
  site: Site;
  onSaved: (site: Site) => void;
  onCancel: () => void;
}

export const EditSiteForm = ({ site, onSaved, onCancel }: Props) => {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ name: site.name, url: site.url, user: site.user, password: '' });
  const [error, setError] = useState<AppError | null>(null);
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { password, ...rest } = fields;
    const result = await pressroom().sites.update({
      id: site.id,
      ...rest,
      ...(password ? { password } : {}),
    });
    if (!result.ok) return setError(result.error);
    onSaved(result.value);
  };

  const id = (name: string) => `edit-${site.id}-${name}`;
  return (
    <form
      className="add-site"
      onSubmit={(event) => void submit(event)}
      aria-label={t('sites.editHeading', { name: site.name })}
    >
      <label htmlFor={id('name')}>{t('sites.name')}</label>
      <input id={id('name')} required value={fields.name} onChange={set('name')} />
      <label htmlFor={id('url')}>{t('sites.url')}</label>
      <input id={id('url')} required dir="ltr" inputMode="url" value={fields.url} onChange={set('url')} />
      <label htmlFor={id('user')}>{t('sites.user')}</label>
      <input
        id={id('user')}
        required
        dir="ltr"
        autoComplete="off"
        value={fields.user}
        onChange={set('user')}
      />
      <label htmlFor={id('password')}>{t('sites.newPassword')}</label>
      <input
        id={id('password')}
        type="password"
        dir="ltr"
        autoComplete="off"
        value={fields.password}
        onChange={set('password')}
      />
      <div className="row">
        <button type="submit">{t('sites.saveChanges')}</button>
        <button type="button" onClick={onCancel}>
          {t('sites.cancelEdit')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </form>
  );
};
