/**
 * The featured image: choose a picture (copied into the draft's own folder by the core, which checks
 * it is a web image that decodes), see it, and write what WordPress shows with it. Alt text is
 * required: preflight stops publishing without it, so the field says so up front.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseDetails } from '../../shared/release/release-details.js';
import { MAX_IMPORTED_IMAGE_BYTES } from '../../shared/release/release-details.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { FeaturedImageTexts } from './FeaturedImageTexts.js';
import { base64Of, fileNameForImport, readAsDataUrl } from './read-file.js';
import type { DetailsChange } from './use-release-details.js';

interface Props {
  draftId: string;
  image: ReleaseDetails['featuredImage'];
  onChange: (change: DetailsChange) => void;
}

export const FeaturedImageField = ({ draftId, image, onChange }: Props) => {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const altField = useRef<HTMLInputElement>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** A data: URL (the only kind of image source the Content-Security-Policy allows besides blob:). */
  const [preview, setPreview] = useState<string | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);
  /** Set when a picture was just added: its alt text field takes the focus once it shows. */
  const focusAlt = useRef(false);
  const hadImageAtOpen = useRef(image !== null);

  // The saved image's small copy, made by the core; a picture chosen now shows from its own bytes.
  useEffect(() => {
    if (!hadImageAtOpen.current) return;
    let current = true;
    void pressroom()
      .drafts.thumbnail({ id: draftId })
      .then((result) => {
        if (current && result.ok && result.value)
          setPreview((shown) => shown ?? result.value?.dataUrl ?? null);
      });
    return () => {
      current = false;
    };
  }, [draftId]);

  // A new picture needs its own description: the cursor goes where the user must type next.
  useEffect(() => {
    if (focusAlt.current && image) {
      focusAlt.current = false;
      altField.current?.focus();
    }
  }, [image]);

  const add = async (file: File) => {
    setError(null);
    if (file.size === 0) return setError(t('details.imageUnreadable', { name: file.name }));
    if (file.size > MAX_IMPORTED_IMAGE_BYTES)
      return setError(t('details.imageTooLarge', { name: file.name }));
    setAdding(true);
    try {
      const dataUrl = await readAsDataUrl(file);
      const result = await pressroom().drafts.importImage({
        id: draftId,
        fileName: fileNameForImport(file.name),
        data: base64Of(dataUrl),
      });
      if (!result.ok) return setError(describeError(result.error, t));
      // The alt text described the old picture; caption and credit often stay (same event, same photographer).
      onChange((current) => ({
        featuredImage: {
          ...result.value,
          alt: '',
          caption: current.featuredImage?.caption ?? '',
          credit: current.featuredImage?.credit ?? '',
        },
      }));
      setPreview(dataUrl);
      setPreviewFailed(false);
      focusAlt.current = true;
    } catch {
      setError(t('details.imageUnreadable', { name: file.name }));
    } finally {
      setAdding(false);
      if (fileInput.current) fileInput.current.value = ''; // choosing the same file again still counts
    }
  };

  const remove = () => {
    onChange({ featuredImage: null });
    setPreview(null);
    chooseButton.current?.focus();
  };

  return (
    <section className="details-section" aria-labelledby="details-image-heading">
      <h3 id="details-image-heading">{t('details.imageHeading')}</h3>
      {image && preview && !previewFailed && (
        <img
          className="featured-preview"
          src={preview}
          alt={image.alt.trim() ? image.alt : t('details.previewAlt')}
          onError={() => setPreviewFailed(true)}
        />
      )}
      {image && (previewFailed || !preview) && <p className="hint">{t('details.noPreview')}</p>}
      {image ? (
        <p className="hint">{t('details.imageSize', { width: image.width, height: image.height })}</p>
      ) : (
        <p className="hint">{t('details.noImage')}</p>
      )}
      <div className="details-row">
        <button
          type="button"
          ref={chooseButton}
          className="primary"
          disabled={adding}
          onClick={() => fileInput.current?.click()}
        >
          {image ? t('details.replaceImage') : t('details.chooseImage')}
        </button>
        {image && (
          <button type="button" disabled={adding} onClick={remove}>
            {t('details.removeImage')}
          </button>
        )}
      </div>
      {/* The OS file picker, opened by the button above: a file input cannot be styled or labelled well. */}
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void add(file);
        }}
      />
      {adding && (
        <div role="status" className="details-progress">
          <progress aria-label={t('details.addingImage')} />
          <span>{t('details.addingImage')}</span>
        </div>
      )}
      {error && (
        <p role="alert" className="error" dir="auto">
          {error}
        </p>
      )}
      {image && <FeaturedImageTexts image={image} altField={altField} onChange={onChange} />}
    </section>
  );
};
