/** One draft open for editing: its title and its rich-text body (TipTap). */
import { EditorContent, useEditor } from '@tiptap/react';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import { type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { RichTextNode } from '../../shared/release/draft-document.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { useDraftSaver } from './use-draft-saver.js';

type OpenedDraft = ResponseOf<'drafts.open'>;

/** Mount with `key={id}`: each draft gets a fresh editor and fresh state. */
export const DraftEditor = ({ id, focusTitle = false }: { id: string; focusTitle?: boolean }) => {
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
  return <LoadedDraft key={opened.document.id} opened={opened} focusTitle={focusTitle} />;
};

const LoadedDraft = ({ opened, focusTitle }: { opened: OpenedDraft; focusTitle: boolean }) => {
  const { t } = useTranslation();
  const [title, setTitle] = useState(opened.document.title);
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
  const { status, error, save, markChanged } = useDraftSaver(opened.document.id, opened.etag, () =>
    editor ? { title, body: editor.getJSON() as RichTextNode } : null,
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

  return (
    <article className="editor" onKeyDown={onKeyDown}>
      <div className="editor-bar">
        <span role="status" aria-live="polite" className={`save-status ${status}`}>
          {t(`editor.status.${status}`)}
        </span>
        <button type="button" onClick={() => void save()} aria-keyshortcuts="Control+S Meta+S">
          {t('editor.save')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {describeError(error, t)}
        </p>
      )}
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
    </article>
  );
};
