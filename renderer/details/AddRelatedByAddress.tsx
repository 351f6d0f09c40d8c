/** "Add by address": a related post that is not among the site's posts (another site, an older archive). */
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedPost } from '../../shared/release/release-fields.js';

interface Props {
  chosen: RelatedPost[];
  onAdd: (post: RelatedPost) => void;
  onDone: () => void;
}

const isWebAddress = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '';
  } catch {
    return false;
  }
};

export const AddRelatedByAddress = ({ chosen, onAdd, onDone }: Props) => {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<'url' | 'title' | 'duplicate' | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const titleField = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    const found = !isWebAddress(address)
      ? 'url'
      : chosen.some((post) => post.url === address)
        ? 'duplicate'
        : !title.trim()
          ? 'title'
          : null;
    setProblem(found);
    if (found) return (found === 'title' ? titleField : urlField).current?.focus();
    onAdd({ url: address, title: title.trim(), ...(date ? { date } : {}) });
    onDone();
  };

  return (
    <form className="related-by-address" aria-label={t('details.addByAddress')} onSubmit={submit} noValidate>
      <label htmlFor="details-related-url">{t('details.relatedUrl')}</label>
      <input
        id="details-related-url"
        ref={urlField}
        type="url"
        dir="ltr"
        autoFocus
        maxLength={2048}
        placeholder="https://"
        aria-invalid={problem === 'url' || problem === 'duplicate'}
        aria-describedby={
          problem === 'url' || problem === 'duplicate' ? 'details-related-problem' : undefined
        }
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <label htmlFor="details-related-title">{t('details.relatedTitle')}</label>
      <input
        id="details-related-title"
        ref={titleField}
        dir="auto"
        maxLength={1000}
        aria-invalid={problem === 'title'}
        aria-describedby={problem === 'title' ? 'details-related-problem' : undefined}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <label htmlFor="details-related-date">{t('details.relatedDate')}</label>
      <input
        id="details-related-date"
        type="date"
        value={date}
        onChange={(event) => setDate(event.target.value)}
      />
      {problem && (
        <p id="details-related-problem" role="alert" className="error">
          {t(`details.relatedProblem.${problem}`)}
        </p>
      )}
      <div className="details-row">
        <button type="submit">{t('details.add')}</button>
        <button type="button" onClick={onDone}>
          {t('details.cancel')}
        </button>
      </div>
    </form>
  );
};
