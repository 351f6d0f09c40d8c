/**
 * Publishing one release: pick the site and how it goes out, see what preflight found, publish,
 * follow the progress (cancellable), and see the outcome: the link to the live post, or a conflict
 * with a change made on the site, or a post deleted there, each with the user's choices.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/contract/result.js';
import { preflight, hasBlockingProblems } from '../../shared/preflight/preflight.js';
import type { PublishOutcome, PublishProgress, WpStatus } from '../../shared/publishing/publish-outcome.js';
import type { DraftDocument } from '../../shared/release/draft-document.js';
import type { Site } from '../../shared/sites/site.js';
import { pressroom } from '../bridge/pressroom.js';
import { describeError } from '../i18n/i18n.js';
import { PreflightList } from './PreflightList.js';

const statusOfIntent: Record<DraftDocument['intendedStatus'], WpStatus> = {
  publish: 'publish',
  schedule: 'future',
  draft: 'draft',
  review: 'pending',
};

interface Props {
  /** The release as it stands in the editor (title and body current). */
  document: DraftDocument;
  /** Saves pending edits; publishing sends what is saved. False when the save failed. */
  saveFirst: () => Promise<boolean>;
  onClose: () => void;
  /** Shows another draft in the editor (the site's version, opened after a conflict). */
  onOpenDraft: (id: string) => void;
  /** The user chose another site here: it becomes the release's site, as in the details panel. */
  onSiteChange?: (siteId: string) => void;
}

export const PublishPanel = ({ document, saveFirst, onClose, onOpenDraft, onSiteChange }: Props) => {
  const { t } = useTranslation();
  const [sites, setSites] = useState<Site[] | null>(null);
  /** A site picked here when the editor does not make it the release's site (no `onSiteChange`). */
  const [pickedSite, setPickedSite] = useState<string | null>(null);
  /** "Publish as" picked here, for the intended status it was picked under (a new intent resets it). */
  const [pickedStatus, setPickedStatus] = useState<{ intent: string; status: WpStatus } | null>(null);
  const [createTerms, setCreateTerms] = useState(false);
  const [progress, setProgress] = useState<PublishProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The release's site and intended status, as the details panel sets them, are the defaults here.
  const wantedSite = pickedSite ?? document.targetSite;
  const siteId = (sites?.find((site) => site.id === wantedSite) ?? sites?.[0])?.id ?? '';
  const status =
    pickedStatus?.intent === document.intendedStatus
      ? pickedStatus.status
      : statusOfIntent[document.intendedStatus];
  const problems = preflight(document, { now: new Date() });
  const blocked = hasBlockingProblems(problems);

  useEffect(() => {
    heading.current?.focus();
    let current = true;
    void pressroom()
      .sites.list({})
      .then((result) => {
        if (!current) return;
        if (!result.ok) return setError(result.error);
        setSites(result.value);
      });
    return () => {
      current = false;
    };
  }, []);

  useEffect(
    () =>
      pressroom().on('publish.progress', (event) => {
        if (event.draftId === document.id) setProgress(event.progress);
      }),
    [document.id],
  );

  const run = async (extra: { overwrite?: boolean; asNew?: boolean } = {}) => {
    setError(null);
    setOutcome(null);
    setRunning(true);
    setProgress(null);
    try {
      if (!(await saveFirst())) return;
      const result = await pressroom().publish.release({
        draftId: document.id,
        siteId,
        status,
        createTerms,
        ...extra,
      });
      if (result.ok) setOutcome(result.value);
      else setError(result.error);
    } finally {
      setRunning(false);
    }
  };

  // After a conflict: the site's version becomes a draft of its own, so nothing of either is lost.
  const openSiteVersion = async (remoteId: number) => {
    setError(null);
    setRunning(true);
    try {
      const result = await pressroom().sites.openPost({ siteId, postId: remoteId });
      if (!result.ok) return setError(result.error);
      onOpenDraft(result.value.document.id);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section
      className="publish-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="publish-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !running) onClose();
      }}
    >
      <h3 id="publish-heading" tabIndex={-1} ref={heading}>
        {t('publish.heading')}
      </h3>
      {sites && sites.length === 0 && <p className="warning">{t('publish.noSites')}</p>}
      {sites && sites.length > 0 && (
        <div className="publish-options">
          <label htmlFor="publish-site">{t('publish.site')}</label>
          <select
            id="publish-site"
            value={siteId}
            onChange={(event) =>
              onSiteChange ? onSiteChange(event.target.value) : setPickedSite(event.target.value)
            }
            disabled={running}
          >
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
          <label htmlFor="publish-status">{t('publish.as')}</label>
          <select
            id="publish-status"
            value={status}
            onChange={(event) =>
              setPickedStatus({ intent: document.intendedStatus, status: event.target.value as WpStatus })
            }
            disabled={running}
          >
            {(['publish', 'future', 'draft', 'pending'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`publish.status.${value}`)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={createTerms}
              onChange={(event) => setCreateTerms(event.target.checked)}
              disabled={running}
            />
            {t('publish.createTerms')}
          </label>
        </div>
      )}
      <PreflightList problems={problems} />
      <div className="row">
        <button type="button" disabled={running || blocked || !siteId} onClick={() => void run()}>
          {running ? t('publish.publishing') : t('publish.publish')}
        </button>
        {running ? (
          <button type="button" onClick={() => void pressroom().publish.cancel({ draftId: document.id })}>
            {t('publish.cancel')}
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            {t('publish.close')}
          </button>
        )}
      </div>
      {running && <ProgressLine progress={progress} />}
      {outcome && (
        <Outcome
          outcome={outcome}
          onOverwrite={() => void run({ overwrite: true })}
          onAsNew={() => void run({ asNew: true })}
          onOpenSiteVersion={(remoteId) => void openSiteVersion(remoteId)}
          onDismiss={() => setOutcome(null)}
        />
      )}
      {error && (
        <p role="alert" className="error" dir="auto">
          {describeError(error, t)}
        </p>
      )}
    </section>
  );
};

const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

const ProgressLine = ({ progress }: { progress: PublishProgress | null }) => {
  const { t } = useTranslation();
  const text = !progress
    ? t('publish.progress.saving')
    : progress.step === 'images'
      ? t('publish.progress.images', { done: progress.done, total: progress.total })
      : progress.step === 'uploading' && progress.total > 0 && progress.sent === progress.total
        ? t('publish.progress.processing') // every byte sent; WordPress now makes its image sizes
        : progress.step === 'uploading'
          ? t('publish.progress.uploading', {
              sent: megabytes(progress.sent),
              total: megabytes(progress.total),
            })
          : progress.step === 'post'
            ? t(`publish.progress.${progress.action}`)
            : t(`publish.progress.${progress.step}`);
  return (
    <div role="status" aria-live="polite" className="publish-progress">
      {progress?.step === 'uploading' ? (
        <progress max={progress.total || 1} value={progress.sent} aria-label={text} />
      ) : (
        <progress aria-label={text} />
      )}
      <span>{text}</span>
    </div>
  );
};

interface OutcomeProps {
  outcome: PublishOutcome;
  onOverwrite: () => void;
  onAsNew: () => void;
  onOpenSiteVersion: (remoteId: number) => void;
  onDismiss: () => void;
}

const Outcome = ({ outcome, onOverwrite, onAsNew, onOpenSiteVersion, onDismiss }: OutcomeProps) => {
  const { t } = useTranslation();
  if (outcome.kind === 'published') {
    return (
      <p role="status" className="check ok">
        {t(
          `publish.done.${outcome.status === 'publish' ? 'published' : outcome.status === 'future' ? 'scheduled' : 'sent'}`,
        )}{' '}
        <a href={outcome.link} target="_blank" rel="noreferrer" dir="ltr">
          {outcome.link}
        </a>
      </p>
    );
  }
  if (outcome.kind === 'preflight') return <PreflightList problems={outcome.problems} />;
  if (outcome.kind === 'queued') {
    return (
      <p role="status" className="warning" dir="auto">
        {t('publish.queued')} <span className="hint">{outcome.message}</span>
      </p>
    );
  }
  if (outcome.kind === 'deleted') {
    return (
      <section role="alertdialog" aria-labelledby="deleted-title" className="conflict">
        <h4 id="deleted-title">{t('publish.deletedTitle')}</h4>
        <p>{t('publish.deletedText')}</p>
        <button type="button" onClick={onAsNew}>
          {t('publish.publishAsNew')}
        </button>
      </section>
    );
  }
  return (
    <section role="alertdialog" aria-labelledby="site-conflict-title" className="conflict">
      <h4 id="site-conflict-title">{t('publish.conflictTitle')}</h4>
      <p>{t('publish.conflictText')}</p>
      <div className="row">
        <button type="button" onClick={onOverwrite}>
          {t('publish.overwrite')}
        </button>
        <button type="button" onClick={() => onOpenSiteVersion(outcome.remoteId)}>
          {t('publish.openSiteVersion')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('publish.conflictCancel')}
        </button>
        <a href={outcome.link} target="_blank" rel="noreferrer">
          {t('publish.viewOnSite')}
        </a>
      </div>
    </section>
  );
};
