/**
 * How and when the release goes out: the intended status, the date and time as a wall clock, and the
 * IANA time zone that wall clock is in (publishing turns the two into the instant). The site's own
 * zone is offered when Pressroom knows it, since most releases follow it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intendedStatuses, type IntendedStatus } from '../../shared/release/release-fields.js';
import type { ReleaseDetails } from '../../shared/release/release-details.js';
import type { DetailsChange } from './use-release-details.js';

interface Props {
  details: ReleaseDetails;
  /** The site's IANA zone, when Pressroom has read it. */
  siteZone: string | null;
  onChange: (change: DetailsChange) => void;
}

/** Every zone this browser knows, with the release's own first when it is not among them. */
const zoneChoices = (current: string): string[] => {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes('UTC') ? zones : [...zones, 'UTC'];
  return all.includes(current) ? all : [current, ...all];
};

const isIntendedStatus = (value: string): value is IntendedStatus =>
  (intendedStatuses as readonly string[]).includes(value);

export const StatusAndDateFields = ({ details, siteZone, onChange }: Props) => {
  const { t } = useTranslation();
  const { timeZone, local } = details.schedule;
  const zones = useMemo(() => zoneChoices(timeZone), [timeZone]);

  return (
    <section className="details-section" aria-labelledby="details-when-heading">
      <h3 id="details-when-heading">{t('details.whenHeading')}</h3>
      <div className="details-field">
        <label htmlFor="details-status">{t('details.status')}</label>
        <select
          id="details-status"
          value={details.intendedStatus}
          onChange={(event) => {
            const value = event.target.value;
            if (isIntendedStatus(value)) onChange({ intendedStatus: value });
          }}
        >
          {intendedStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`details.statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="details-field">
        <label htmlFor="details-date">{t('details.date')}</label>
        <input
          id="details-date"
          type="datetime-local"
          value={local ?? ''}
          onChange={(event) => {
            // Minutes are what the release format keeps; a browser set to seconds would add ":00".
            const value = event.target.value.slice(0, 16);
            onChange((current) => ({ schedule: { ...current.schedule, local: value || null } }));
          }}
        />
      </div>
      <div className="details-field">
        <label htmlFor="details-zone">{t('details.timeZone')}</label>
        <select
          id="details-zone"
          value={timeZone}
          aria-describedby={siteZone ? 'details-zone-hint' : undefined}
          onChange={(event) => {
            const value = event.target.value;
            onChange((current) => ({ schedule: { ...current.schedule, timeZone: value } }));
          }}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
        {siteZone && (
          <p id="details-zone-hint" className="hint details-row">
            <span>{t('details.siteZone', { zone: siteZone.replaceAll('_', ' ') })}</span>
            {siteZone !== timeZone && zones.includes(siteZone) && (
              <button
                type="button"
                onClick={() =>
                  onChange((current) => ({ schedule: { ...current.schedule, timeZone: siteZone } }))
                }
              >
                {t('details.useSiteZone')}
              </button>
            )}
          </p>
        )}
      </div>
    </section>
  );
};
