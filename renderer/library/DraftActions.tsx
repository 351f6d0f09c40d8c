/** Duplicate, delete and show-in-folder for the draft highlighted in the list. */
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../shared/release/draft-summary.js';

interface Props {
  draft: DraftSummary;
  onDuplicate: (id: string) => void;
  onDelete: (id: string, title: string) => void;
  onReveal: (id: string) => void;
}

export const DraftActions = ({ draft, onDuplicate, onDelete, onReveal }: Props) => {
  const { t } = useTranslation();
  const title = draft.title || t('library.untitled');
  return (
    <div className="draft-actions" role="group" aria-label={t('library.actionsFor', { title })}>
      <button type="button" onClick={() => onDuplicate(draft.id)} aria-keyshortcuts="Control+D Meta+D">
        {t('library.duplicate')}
      </button>
      <button type="button" onClick={() => onDelete(draft.id, draft.title)} aria-keyshortcuts="Delete">
        {t('library.delete')}
      </button>
      <button type="button" onClick={() => onReveal(draft.id)}>
        {t('library.reveal')}
      </button>
    </div>
  );
};
