/**
 * Which site the release is for. Its categories, tags, time zone and posts feed the rest of the panel,
 * read at the last refresh so they work offline; "Refresh from the site" reads them again.
 */
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/i18n.js';
import type { TargetSite } from './use-target-site.js';

interface Props {
  target: TargetSite;
  onChoose: (siteId: string) => void;
}

export const TargetSiteField = ({ target, onChoose }: Props) => {
  const { t, i18n } = useTranslation();
  const { sites, site, terms } = target;
  if (!sites) return null;
  if (sites.length === 0 || !site) return <p className="hint">{t('details.noSites')}</p>;

  const readAt = terms?.refreshedAt
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(terms.refreshedAt),
      )
    : null;
  return (
    <div className="details-field">
      <label htmlFor="details-site">{t('details.site')}</label>
      <select id="details-site" value={site.id} onChange={(event) => onChoose(event.target.value)}>
        {sites.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      <div className="details-row">
        <span className="hint">
          {readAt ? t('details.siteReadAt', { date: readAt }) : t('details.siteNotRead')}
        </span>
        <button type="button" onClick={() => void target.refresh()} disabled={target.refreshing}>
          {t('details.refreshSite')}
        </button>
      </div>
      {target.refreshing && (
        <div role="status" className="details-progress">
          <progress aria-label={t('details.refreshingSite')} />
          <span>{t('details.refreshingSite')}</span>
        </div>
      )}
      {target.error && (
        <p role="alert" className="error" dir="auto">
          {describeError(target.error, t)}
        </p>
      )}
    </div>
  );
};
