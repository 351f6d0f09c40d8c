/** One draft open for editing: its title, its rich-text body (TipTap) and, beside them, its details. */
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { type KeyboardEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { RichTextNode } from '../../shared/release/draft-document.js';
import { pressroom } from '../bridge/pressroom.js';
import { DetailsPanel } from '../details/DetailsPanel.js';
import { type DetailsChange, useReleaseDetails } from '../details/use-release-details.js';
import { describeError } from '../i18n/i18n.js';
import { PublishPanel } from '../publish/PublishPanel.js';
import { useDraftSaver } from './use-draft-saver.js';

type OpenedDraft = ResponseOf<'drafts.open'>;

/**
 * Whether the details panel shows, for the rest of the session once the user has chosen; at first
 * only where the window leaves the body a comfortable width beside it.
 */
let detailsShown: boolean | null = null;
const showDetailsAtFirst = () => detailsShown ?? window.matchMedia('(min-width: 1100px)').matches;

/** Mount with `key={id}`: each draft gets a fresh editor and fresh state. */
interface DraftEditorProps {
  id: string;
  focusTitle?: boolean;
  /** Opens another draft in the editor (the site's version of a post, after a publish conflict). */
  onOpenDraft: (id: string) => void;
}

export const DraftEditor = ({ id, focusTitle = false, onOpenDraft }: DraftEditorProps) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<OpenedDraft | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void pressroom()
      .drafts.open({ id })
      .then((result) => {
        if (!current) return;
        if (result.ok) setOpened(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [id]);

  if (error)
    return (
      <p role="alert" className="error">
        {describeError(error, t)}
      </p>
    );
  if (!opened) return <p role="status">{t('editor.opening')}</p>;
  // Keyed by the file's fingerprint too: taking the other version after a conflict reloads the editor.
  return (
    <LoadedDraft
      key={`${opened.document.id}:${opened.etag}`}
      opened={opened}
      focusTitle={focusTitle}
      onReload={setOpened}
      onOpenDraft={onOpenDraft}
    />
  );
};

interface LoadedDraftProps {
  opened: OpenedDraft;
  focusTitle: boolean;
  onReload: (draft: OpenedDraft) => void;
  onOpenDraft: (id: string) => void;
}

const LoadedDraft = ({ opened, focusTitle, onReload, onOpenDraft }: LoadedDraftProps) => {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [title, setTitle] = useState(opened.document.title);
  const [publishing, setPublishing] = useState(false);
  const [showDetails, setShowDetails] = useState(showDetailsAtFirst);
  const {
    details,
    update: updateDetails,
    read: readDetails,
    adopt: adoptDetails,
  } = useReleaseDetails(opened.document);
  const editor = useEditor({
    extensions: [StarterKit, Placeholder.configure({ placeholder: t('editor.bodyPlaceholder') })],
    content: opened.document.body,
    // TipTap would inject a <style> element, which our Content-Security-Policy forbids; the
    // few rules it needs are in styles.css instead.
    injectCSS: false,
    editorProps: {
      attributes: {
        'aria-label': t('editor.bodyLabel'),
        'aria-multiline': 'true',
        role: 'textbox',
        dir: 'auto',
        class: 'body-editor',
      },
    },
  });
  const { status, error, save, saveAll, markChanged, resolveConflict } = useDraftSaver(
    opened.document.id,
    opened.etag,
    () => (editor ? { title, body: editor.getJSON() as RichTextNode, details: readDetails() } : null),
  );

  const changeDetails = useCallback(
    (change: DetailsChange) => {
      updateDetails(change);
      markChanged();
    },
    [updateDetails, markChanged],
  );

  useEffect(() => {
    editor?.on('update', markChanged);
    return () => {
      editor?.off('update', markChanged);
    };
  }, [editor, markChanged]);

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };
  // The release as the editor has it now: preflight and publishing look at this.
  const current = {
    ...opened.document,
    ...details,
    title,
    body: (editor?.getJSON() as RichTextNode | undefined) ?? opened.document.body,
  };

  return (
    <article className={showDetails ? 'editor with-details' : 'editor'} onKeyDown={onKeyDown}>
      <div className="editor-bar">
        <span role="status" aria-live="polite" className={`save-status ${status}`}>
          {t(`editor.status.${status}`)}
        </span>
        <button
          type="button"
          onClick={() =>
            void pressroom()
              .drafts.reveal({ id: opened.document.id })
              .then((result) => setNotice(result.ok ? null : describeError(result.error, t)))
          }
        >
          {t('editor.reveal')}
        </button>
        <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S Meta+S">
          {t('editor.save')}
        </button>
        <button
          type="button"
          aria-expanded={showDetails}
          aria-controls="release-details"
          onClick={() => {
            detailsShown = !showDetails;
            setShowDetails(!showDetails);
          }}
        >
          {t('details.toggle')}
        </button>
        <button type="button" aria-expanded={publishing} onClick={() => setPublishing(!publishing)}>
          {t('publish.open')}
        </button>
      </div>
      {publishing && (
        <PublishPanel
          document={current}
          saveFirst={saveAll}
          onClose={() => setPublishing(false)}
          onOpenDraft={onOpenDraft}
          onSiteChange={(targetSite) => changeDetails({ targetSite })}
        />
      )}
      {error?.code === 'conflict' ? (
        <ConflictPrompt
          onChoose={async (keep) => {
            const draft = await resolveConflict(keep, t('editor.copySuffix'));
            if (!draft) return;
            setNotice(t('editor.conflictResolved'));
            if (keep === 'theirs') onReload(draft);
            else adoptDetails(draft.document);
          }}
        />
      ) : (
        error && (
          <p role="alert" className="error">
            {describeError(error, t)}
          </p>
        )
      )}
      {notice && <p role="status">{notice}</p>}
      <div className="editor-columns">
        <div className="editor-text">
          <label id="title-label" htmlFor="draft-title" className="visually-hidden">
            {t('editor.titleLabel')}
          </label>
          <textarea
            id="draft-title"
            // A new draft puts the cursor where the user types first, as a word processor does.
            autoFocus={focusTitle}
            className="title-input"
            dir="auto"
            rows={1}
            value={title}
            placeholder={t('editor.titlePlaceholder')}
            onKeyDown={(event) => {
              // A title is one line: Enter moves on to the body, as in the WordPress editor.
              if (event.key === 'Enter') {
                event.preventDefault();
                editor?.commands.focus('start');
              }
            }}
            onChange={(event) => {
              setTitle(event.target.value.replace(/[\r\n]+/g, ' '));
              markChanged();
            }}
          />
          <EditorContent editor={editor} />
        </div>
        {showDetails && (
          <DetailsPanel
            id="release-details"
            draftId={opened.document.id}
            title={title}
            details={details}
            onChange={changeDetails}
          />
        )}
      </div>
    </article>
  );
};

/** Shown when a save was refused because the draft changed on disk: the user decides, nothing is lost. */
const ConflictPrompt = ({ onChoose }: { onChoose: (keep: 'mine' | 'theirs') => void }) => {
  const { t } = useTranslation();
  return (
    <section role="alert" aria-labelledby="conflict-title" className="conflict">
      <h3 id="conflict-title">{t('editor.conflictTitle')}</h3>
      <p>{t('editor.conflictText')}</p>
      <div className="row">
        <button type="button" onClick={() => onChoose('mine')}>
          {t('editor.keepMine')}
        </button>
        <button type="button" onClick={() => onChoose('theirs')}>
          {t('editor.keepTheirs')}
        </button>
      </div>
    </section>
  );
};
