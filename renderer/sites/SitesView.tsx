/** The Sites page: the WordPress sites releases go to; test or remove each, add another. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { Site, SiteCheck } from '../../shared/sites/site.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { AddSiteForm } from './AddSiteForm.js';
import { ConnectSiteForm } from './ConnectSiteForm.js';
import { EditSiteForm } from './EditSiteForm.js';
import { SitePostsBrowser } from './SitePostsBrowser.js';

type Storage = ResponseOf<'sites.passwordStorage'>;

export const SitesView = ({ onOpenDraft }: { onOpenDraft: (id: string) => void }) => {
  const { t } = useTranslation();
  const [sites, setSites] = useState<Site[] | null>(null);
  const [storage, setStorage] = useState<Storage | null>(null);
  const [checks, setChecks] = useState<Record<string, SiteCheck | 'testing'>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const result = await pressroom().sites.list({});
    if (result.ok) setSites(result.value);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void pressroom()
      .sites.list({})
      .then((result) => (result.ok ? setSites(result.value) : setError(result.error)));
    void pressroom()
      .sites.passwordStorage({})
      .then((result) => result.ok && setStorage(result.value));
  }, []);

  const onConnected = useCallback(
    (connection: { ok: boolean; site: Site | null; check: SiteCheck | null }) => {
      const { site, check } = connection;
      if (site && check) setChecks((current) => ({ ...current, [site.id]: check }));
      void reload();
    },
    [reload],
  );

  const test = async (id: string) => {
    setChecks((current) => ({ ...current, [id]: 'testing' }));
    const result = await pressroom().sites.test({ id });
    if (!result.ok) {
      setError(result.error);
      return setChecks(({ [id]: _dropped, ...rest }) => rest);
    }
    setChecks((current) => ({ ...current, [id]: result.value }));
  };

  const remove = async (site: Site) => {
    if (!window.confirm(t('sites.confirmRemove', { name: site.name }))) return;
    const result = await pressroom().sites.remove({ id: site.id });
    if (!result.ok) return setError(result.error);
    await reload();
  };

  return (
    <section className="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sites.heading')}</h2>
      {storage && !storage.available && (
        <p role="alert" className="warning">
          {t('sites.noPasswordStorage', { reason: storage.reason ?? '' })}
        </p>
      )}
      {sites && sites.length === 0 && <p className="hint">{t('sites.none')}</p>}
      {sites && sites.length > 0 && (
        <ul className="site-list" aria-label={t('sites.heading')}>
          {sites.map((site) => {
            const check = checks[site.id];
            return (
              <li key={site.id} aria-labelledby={`site-${site.id}`}>
                <span id={`site-${site.id}`} className="site-name" dir="auto">
                  {site.name}
                </span>
                <span className="site-address" dir="ltr">
                  {site.url} · {site.user}
                </span>
                <div className="row">
                  <button type="button" onClick={() => void test(site.id)} disabled={check === 'testing'}>
                    {check === 'testing' ? t('sites.testing') : t('sites.test')}
                  </button>
                  <button
                    type="button"
                    aria-expanded={browsing === site.id}
                    onClick={() => setBrowsing(browsing === site.id ? null : site.id)}
                  >
                    {t('sites.browsePosts')}
                  </button>
                  <button
                    type="button"
                    aria-expanded={editing === site.id}
                    onClick={() => setEditing(editing === site.id ? null : site.id)}
                  >
                    {t('sites.edit')}
                  </button>
                  <button type="button" onClick={() => void remove(site)}>
                    {t('sites.remove')}
                  </button>
                </div>
                {editing === site.id && (
                  <EditSiteForm
                    site={site}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved) => {
                      setEditing(null);
                      void reload().then(() => test(saved.id));
                    }}
                  />
                )}
                {browsing === site.id && <SitePostsBrowser site={site} onOpenDraft={onOpenDraft} />}
                {check && check !== 'testing' && <CheckResult check={check} />}
              </li>
            );
          })}
        </ul>
      )}
      <ConnectSiteForm onConnected={onConnected} />
      <AddSiteForm
        onAdded={({ site, check }) => {
          setChecks((current) => ({ ...current, [site.id]: check }));
          void reload();
        }}
      />
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </section>
  );
};

const CheckResult = ({ check }: { check: SiteCheck }) => {
  const { t } = useTranslation();
  return (
    <div role="status" className={check.ok ? 'check ok' : 'check failed'}>
      <p>
        {check.ok
          ? t('sites.checkOk', { title: check.title ?? '', zone: check.timeZone ?? '?' })
          : t(`sites.problem.${check.problem ?? 'unknown'}`, { defaultValue: check.message ?? '' })}
      </p>
      {!check.ok && check.message && (
        <p className="hint" dir="auto">
          {check.message}
        </p>
      )}
      {check.insecure && <p className="warning">{t('sites.insecure')}</p>}
    </div>
  );
};
