/**
 * Saving a draft the way users of Word or Google Docs expect: shortly after typing stops, when the
 * window loses focus, when the draft is closed, and at once on Ctrl/Cmd+S. Saves run one after
 * another, each presenting the fingerprint the previous one returned, so none can overwrite a newer
 * file, and a refused save (for example a conflict) keeps the edits in the editor.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { RichTextNode } from '../../shared/release/draft-document.js';
import type { ReleaseDetails } from '../../shared/release/release-details.js';
import { pressroom } from '../bridge/pressroom.js';

type OpenedDraft = ResponseOf<'drafts.open'>;

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'failed';

/** What one save writes: the title, the body and the details the user changed, under one fingerprint. */
export interface DraftContent {
  title: string;
  body: RichTextNode;
  details: Partial<ReleaseDetails>;
}

const AUTOSAVE_DELAY_MS = 1200;
/** However long the user keeps typing, unsaved work is never older than this (a crash loses less). */
const AUTOSAVE_MAX_WAIT_MS = 2000;

export const useDraftSaver = (id: string, initialEtag: string, read: () => DraftContent | null) => {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<AppError | null>(null);
  const etag = useRef(initialEtag);
  const dirty = useRef(false);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** When the oldest unsaved change was made (null when everything is saved). */
  const dirtySince = useRef<number | null>(null);
  const readRef = useRef(read);
  useLayoutEffect(() => {
    readRef.current = read;
  });

  const save = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    // Read the content now: on close the editor is destroyed before a queued save would run.
    const content = dirty.current ? readRef.current() : null;
    if (!content) return queue.current;
    dirty.current = false;
    dirtySince.current = null;
    queue.current = queue.current.then(async () => {
      setStatus('saving');
      const result = await pressroom().drafts.save({ id, ...content, baseEtag: etag.current });
      if (result.ok) {
        etag.current = result.value.etag;
        setError(null);
        setStatus(dirty.current ? 'dirty' : 'saved');
      } else {
        dirty.current = true; // the edits are still only in the editor: keep saying so
        setError(result.error);
        setStatus('failed');
      }
    });
    return queue.current;
  }, [id]);

  const markChanged = useCallback(() => {
    dirty.current = true;
    setStatus((current) => (current === 'failed' ? current : 'dirty'));
    const now = Date.now();
    dirtySince.current ??= now;
    clearTimeout(timer.current);
    // Save once typing pauses, but no later than the maximum wait after the first unsaved change.
    const delay = Math.min(AUTOSAVE_DELAY_MS, dirtySince.current + AUTOSAVE_MAX_WAIT_MS - now);
    timer.current = setTimeout(() => void save(), Math.max(0, delay));
  }, [save]);

  useEffect(() => {
    const flush = () => void save();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush(); // closing or switching drafts saves what was typed
    };
  }, [save]);

  /**
   * After a conflict: keep the user's version (the other becomes a conflict copy) or take the other
   * one (the user's becomes the copy). Answers the draft as it now is, or null when that failed.
   */
  const resolveConflict = useCallback(
    (keep: 'mine' | 'theirs', copySuffix: string): Promise<OpenedDraft | null> => {
      clearTimeout(timer.current);
      const content = readRef.current();
      const run = queue.current.then(async () => {
        if (!content) return null;
        const result = await pressroom().drafts.resolveConflict({ id, ...content, keep, copySuffix });
        if (!result.ok) {
          setError(result.error);
          return null;
        }
        dirty.current = false;
        dirtySince.current = null;
        etag.current = result.value.draft.etag;
        setError(null);
        setStatus('saved');
        return result.value.draft;
      });
      queue.current = run.then(() => undefined);
      return run;
    },
    [id],
  );

  /** Saves what is pending and says whether everything is now on disk (publishing needs that). */
  const saveAll = useCallback(async (): Promise<boolean> => {
    await save();
    return !dirty.current;
  }, [save]);

  return { status, error, save, saveAll, markChanged, resolveConflict };
};
