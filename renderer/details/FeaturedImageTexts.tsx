/** What WordPress shows with the featured image: alt text (required), caption and credit. */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeaturedImage } from '../../shared/release/release-fields.js';
import type { DetailsChange } from './use-release-details.js';

interface Props {
  image: FeaturedImage;
  altField: RefObject<HTMLInputElement | null>;
  onChange: (change: DetailsChange) => void;
}

type ImageText = 'alt' | 'caption' | 'credit';

export const FeaturedImageTexts = ({ image, altField, onChange }: Props) => {
  const { t } = useTranslation();
  // From the latest image: an edit must never bring back a picture that was replaced meanwhile.
  const set = (field: ImageText, value: string) =>
    onChange((current) =>
      current.featuredImage ? { featuredImage: { ...current.featuredImage, [field]: value } } : {},
    );
  const missingAlt = !image.alt.trim();

  return (
    <>
      <div className="details-field">
        <label htmlFor="details-alt">{t('details.alt')}</label>
        <input
          id="details-alt"
          ref={altField}
          dir="auto"
          required
          aria-invalid={missingAlt}
          aria-describedby="details-alt-hint"
          maxLength={1000}
          value={image.alt}
          onChange={(event) => set('alt', event.target.value)}
        />
        <p id="details-alt-hint" className={missingAlt ? 'hint required' : 'hint'}>
          {t('details.altHint')}
        </p>
      </div>
      <div className="details-field">
        <label htmlFor="details-caption">{t('details.caption')}</label>
        <textarea
          id="details-caption"
          dir="auto"
          rows={2}
          maxLength={2000}
          value={image.caption}
          onChange={(event) => set('caption', event.target.value)}
        />
      </div>
      <div className="details-field">
        <label htmlFor="details-credit">{t('details.credit')}</label>
        <input
          id="details-credit"
          dir="auto"
          aria-describedby="details-credit-hint"
          maxLength={500}
          value={image.credit}
          onChange={(event) => set('credit', event.target.value)}
        />
        <p id="details-credit-hint" className="hint">
          {t('details.creditHint')}
        </p>
      </div>
    </>
  );
};
