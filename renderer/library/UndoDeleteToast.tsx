/**
 * After a delete: "“Title” moved to the trash. Undo", for as long as the core keeps the delete
 * undoable. Ctrl/Cmd+Z outside a text field undoes it too, as in a file manager.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface PendingDelete {
  id: string;
  title: string;
  undoWindowMs: number;
}

interface Props {
  pending: PendingDelete;
  onUndo: (id: string) => void;
  onExpired: (id: string) => void;
}

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export const UndoDeleteToast = ({ pending, onUndo, onExpired }: Props) => {
  const { t } = useTranslation();
  // The latest callbacks, without restarting the undo timer when the parent re-renders.
  const handlers = useRef({ onUndo, onExpired });
  useEffect(() => {
    handlers.current = { onUndo, onExpired };
  });

  useEffect(() => {
    const timer = window.setTimeout(() => handlers.current.onExpired(pending.id), pending.undoWindowMs);
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        if (isTextField(event.target)) return; // the editor's own undo
        event.preventDefault();
        handlers.current.onUndo(pending.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [pending.id, pending.undoWindowMs]);

  return (
    <div className="toast" role="status">
      <span dir="auto">{t('library.deleted', { title: pending.title || t('library.untitled') })}</span>
      <button type="button" onClick={() => onUndo(pending.id)} aria-keyshortcuts="Control+Z Meta+Z">
        {t('library.undo')}
      </button>
    </div>
  );
};
