/** Settings for new releases: the newsroom's time zone and the language they are written in. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/contract/result.js';
import type { Settings } from '../../shared/settings/settings-schema.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';

/** The languages this organisation writes in first; any other BCP 47 code can be set from the CLI. */
const RELEASE_LANGUAGES = ['en', 'ar', 'tr', 'fr', 'ur', 'bn', 'id', 'ms', 'sw', 'ha'];

export const ReleaseDefaults = ({ settings }: { settings: Settings }) => {
  const { t, i18n } = useTranslation();
  const [current, setCurrent] = useState({
    timeZone: settings.timeZone,
    releaseLanguage: settings.releaseLanguage,
  });
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const zones = Intl.supportedValuesOf('timeZone');
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });

  const update = async (change: Partial<typeof current>) => {
    const next = { ...current, ...change };
    setCurrent(next);
    const result = await pressroom().settings.setReleaseDefaults(next);
    setSaved(result.ok);
    setError(result.ok ? null : result.error);
  };

  return (
    <fieldset className="release-defaults">
      <label htmlFor="time-zone">{t('settings.timeZone')}</label>
      <p id="time-zone-hint" className="hint">
        {t('settings.timeZoneHint')}
      </p>
      <select
        id="time-zone"
        aria-describedby="time-zone-hint"
        value={current.timeZone}
        onChange={(event) => void update({ timeZone: event.target.value })}
      >
        {(zones.includes(current.timeZone) ? zones : [current.timeZone, ...zones]).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <label htmlFor="release-language">{t('settings.releaseLanguage')}</label>
      <select
        id="release-language"
        value={current.releaseLanguage}
        onChange={(event) => void update({ releaseLanguage: event.target.value })}
      >
        {[...new Set([current.releaseLanguage, ...RELEASE_LANGUAGES])].map((code) => (
          <option key={code} value={code}>
            {names.of(code) ?? code}
          </option>
        ))}
      </select>
      {saved && <p role="status">{t('settings.releaseDefaultsSaved')}</p>}
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </fieldset>
  );
};
