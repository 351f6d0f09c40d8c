/**
 * The outbox: releases waiting because their site could not be reached. The toolbar button shows
 * how many wait; its panel shows each one's state (waiting, with the next try; failed, with why),
 * and lets the user retry now or cancel. The renderer also tells the core when the network returns.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../shared/publishing/outbox-item.js';
import { pressroom } from '../bridge/pressroom.js';

const active = (item: OutboxItemView) => ['queued', 'sending', 'waiting'].includes(item.state);

export const OutboxMenu = () => {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<OutboxItemView[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    void pressroom()
      .outbox.list({})
      .then((result) => result.ok && setItems(result.value));
    const stop = pressroom().on('outbox.changed', (event) => setItems(event.items));
    const report = () => void pressroom().outbox.networkChanged({ online: navigator.onLine });
    window.addEventListener('online', report);
    window.addEventListener('offline', report);
    return () => {
      stop();
      window.removeEventListener('online', report);
      window.removeEventListener('offline', report);
    };
  }, []);

  const waiting = items.filter(active).length;
  const failed = items.filter((item) => item.state === 'failed').length;
  if (items.length === 0) return null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });

  return (
    <div className="menu-button">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('outbox.button', { count: waiting })}
        {failed > 0 ? ` · ${t('outbox.failedCount', { count: failed })}` : ''}
      </button>
      {open && (
        <section className="menu outbox" aria-label={t('outbox.heading')}>
          <h2>{t('outbox.heading')}</h2>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <span className="draft-title" dir="auto">
                  {item.draftTitle || t('library.untitled')}
                </span>
                <span className="hint">
                  {item.siteName} ·{' '}
                  {item.state === 'waiting' && item.nextAttemptAt
                    ? t('outbox.waitingUntil', { time: time.format(new Date(item.nextAttemptAt)) })
                    : t(`outbox.state.${item.state}`)}
                </span>
                {item.lastError && item.state !== 'sent' && (
                  <span className="hint" dir="auto">
                    {item.lastError}
                  </span>
                )}
                {item.result && (
                  <a href={item.result.link} target="_blank" rel="noreferrer" dir="ltr">
                    {item.result.link}
                  </a>
                )}
                <div className="row">
                  {(item.state === 'waiting' || item.state === 'failed' || item.state === 'queued') && (
                    <button type="button" onClick={() => void pressroom().outbox.retry({ id: item.id })}>
                      {t('outbox.retry')}
                    </button>
                  )}
                  {active(item) && (
                    <button type="button" onClick={() => void pressroom().outbox.cancel({ id: item.id })}>
                      {t('outbox.cancel')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
};
