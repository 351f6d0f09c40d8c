/** At start: work that could not be saved last time, offered back as new drafts. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';

type Recovered = ResponseOf<'drafts.recovered'>;

export const RecoveryBanner = ({ onOpen }: { onOpen: (id: string) => void }) => {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<Recovered>([]);
  const [hidden, setHidden] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void pressroom()
      .drafts.recovered({})
      .then((result) => result.ok && setEntries(result.value));
  }, []);

  if (hidden || entries.length === 0) return null;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const restore = async (id: string) => {
    const result = await pressroom().drafts.restoreRecovered({ id, copySuffix: t('recovery.suffix') });
    if (!result.ok) return setError(result.error);
    setEntries((current) => current.filter((entry) => entry.id !== id));
    onOpen(result.value.document.id);
  };

  return (
    <section className="recovery" role="region" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('recovery.heading')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            <span dir="auto">
              {t('recovery.item', { title: entry.title, date: dateFormat.format(new Date(entry.keptAt)) })}
            </span>
            <button type="button" onClick={() => void restore(entry.id)}>
              {t('recovery.restore')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setHidden(true)}>
        {t('recovery.later')}
      </button>
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
    </section>
  );
};
