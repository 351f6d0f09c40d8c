/**
 * The excerpt (lists, feeds, search results) and the slug (the end of the post's address). An empty
 * slug is made from the title when publishing; the hint shows which, so nobody types one for nothing.
 */
import { useTranslation } from 'react-i18next';
import { EXCERPT_MAX_LENGTH } from '../../shared/release/draft-document.js';
import type { ReleaseDetails } from '../../shared/release/release-details.js';
import { isValidSlug, SLUG_MAX_LENGTH, slugFromTitle } from '../../shared/release/slug.js';
import type { DetailsChange } from './use-release-details.js';

interface Props {
  title: string;
  details: ReleaseDetails;
  onChange: (change: DetailsChange) => void;
}

export const ExcerptAndSlugFields = ({ title, details, onChange }: Props) => {
  const { t } = useTranslation();
  const fromTitle = slugFromTitle(title);
  const badSlug = details.slug !== '' && !isValidSlug(details.slug);

  return (
    <section className="details-section" aria-labelledby="details-summary-heading">
      <h3 id="details-summary-heading">{t('details.summaryHeading')}</h3>
      <div className="details-field">
        <label htmlFor="details-excerpt">{t('details.excerpt')}</label>
        <textarea
          id="details-excerpt"
          dir="auto"
          rows={3}
          maxLength={EXCERPT_MAX_LENGTH}
          aria-describedby="details-excerpt-hint"
          value={details.excerpt}
          onChange={(event) => onChange({ excerpt: event.target.value })}
        />
        <p id="details-excerpt-hint" className="hint">
          {t('details.excerptHint')}
        </p>
      </div>
      <div className="details-field">
        <label htmlFor="details-slug">{t('details.slug')}</label>
        <input
          id="details-slug"
          // Slugs are ASCII addresses: left to right even in an Arabic window.
          dir="ltr"
          spellCheck={false}
          autoCapitalize="off"
          maxLength={SLUG_MAX_LENGTH}
          placeholder={fromTitle}
          aria-invalid={badSlug}
          aria-describedby="details-slug-hint"
          value={details.slug}
          onChange={(event) => onChange({ slug: event.target.value })}
        />
        <p id="details-slug-hint" className={badSlug ? 'error' : 'hint'}>
          {badSlug
            ? t('details.slugInvalid')
            : fromTitle
              ? t('details.slugHint', { slug: fromTitle })
              : t('details.slugHintNoTitle')}
        </p>
      </div>
    </section>
  );
};
