/**
 * The release's details beside the text, as in the WordPress editor's Post sidebar: the site, status
 * and date, featured image, excerpt and slug, categories and tags, related posts. Every change goes
 * through `onChange` and rides in the draft's next autosave with the title and body.
 */
import { useTranslation } from 'react-i18next';
import type { ReleaseDetails } from '../../shared/release/release-details.js';
import { ExcerptAndSlugFields } from './ExcerptAndSlugFields.js';
import { FeaturedImageField } from './FeaturedImageField.js';
import { RelatedPostsField } from './RelatedPostsField.js';
import { StatusAndDateFields } from './StatusAndDateFields.js';
import { TargetSiteField } from './TargetSiteField.js';
import { TokenInput } from './TokenInput.js';
import type { DetailsChange } from './use-release-details.js';
import { useTargetSite } from './use-target-site.js';

/** The release format's limits (draft-document.ts): the field stops taking more there. */
const MAX_CATEGORIES = 100;
const MAX_TAGS = 500;

interface Props {
  /** For the `aria-controls` of the button that shows and hides the panel. */
  id: string;
  draftId: string;
  title: string;
  details: ReleaseDetails;
  onChange: (change: DetailsChange) => void;
}

export const DetailsPanel = ({ id, draftId, title, details, onChange }: Props) => {
  const { t } = useTranslation();
  const target = useTargetSite(details.targetSite);
  const terms = target.terms;

  return (
    <aside id={id} className="details-panel" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.heading')}</h2>
      <TargetSiteField target={target} onChoose={(siteId) => onChange({ targetSite: siteId })} />
      <StatusAndDateFields details={details} siteZone={terms?.timeZone ?? null} onChange={onChange} />
      <FeaturedImageField draftId={draftId} image={details.featuredImage} onChange={onChange} />
      <ExcerptAndSlugFields title={title} details={details} onChange={onChange} />
      <section className="details-section" aria-labelledby="details-terms-heading">
        <h3 id="details-terms-heading">{t('details.termsHeading')}</h3>
        <TokenInput
          id="details-categories"
          label={t('details.categories')}
          values={details.categories}
          suggestions={terms?.categories ?? []}
          max={MAX_CATEGORIES}
          onChange={(categories) => onChange({ categories })}
        />
        <TokenInput
          id="details-tags"
          label={t('details.tags')}
          values={details.tags}
          suggestions={terms?.tags ?? []}
          max={MAX_TAGS}
          onChange={(tags) => onChange({ tags })}
        />
      </section>
      <RelatedPostsField
        posts={details.relatedPosts}
        target={target}
        onChange={(relatedPosts) => onChange({ relatedPosts })}
      />
    </aside>
  );
};
