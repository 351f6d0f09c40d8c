/**
 * `pressroom publish DRAFT`: one release to one site, through the app's own publisher
 * (electron/core/publishing/publisher.ts), so a script gets exactly what the Publish button does:
 * preflight first, never a second post for one release, images sent once, only changed fields sent
 * again, and a stop when the post was changed on the site since the last publish. Each way it can
 * end has its own exit code (docs/cli.md), so a batch can tell "fix the draft" (3) from "someone
 * edited it on the site" (4) from "try again later" (1, or 5 once the outbox queues it).
 */
import { AppFailure } from '../../../shared/contract/result.js';
import { hasBlockingProblems, preflight } from '../../../shared/preflight/preflight.js';
import { type WpStatus, wpStatuses } from '../../../shared/publishing/publish-outcome.js';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import type { Site } from '../../../shared/sites/site.js';
import { isTransient } from '../../../shared/sites/site-problems.js';
import { readPublishState } from '../../core/drafts/publish-state.js';
import { fieldHashes } from '../../core/publishing/post-fields.js';
import {
  type PublishOutcome,
  publishRelease,
  type PublishProgress,
} from '../../core/publishing/publisher.js';
import { APP_PASSWORD_VARIABLE } from '../../core/sites/secret-store.js';
import type { SiteService } from '../../core/sites/site-service.js';
import { SiteFailure, type WpClient } from '../../core/wordpress/wp-client.js';
import {
  CliError,
  EXIT_CONFLICT,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_QUEUED,
  invalidDraftError,
  usageError,
} from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions } from '../command-line.js';
import { locateDraft } from '../drafts/locate-draft.js';
import { formatTable } from '../format/table.js';
import { cliSites } from '../sites/cli-sites.js';
import { cliOutbox } from '../sites/cli-outbox.js';
import type { Command } from './command.js';

const options = {
  ...commonOptions,
  library: { type: 'string' },
  site: { type: 'string' },
  status: { type: 'string' },
  'create-terms': { type: 'boolean' },
  overwrite: { type: 'boolean' },
  'as-new': { type: 'boolean' },
} as const;

const help = `Usage: pressroom publish DRAFT [--site NAME] [--status publish|future|draft|pending]
                         [--create-terms] [--overwrite] [--as-new] [--library DIR] [--json]

Publishes a draft to a WordPress site added with "pressroom site add", or updates the post it was
published as. Progress goes to stderr; the post's id, link and status to stdout.

  --site NAME       the site (name or id). Default: the draft's own site, else the only site
  --status STATUS   publish, future (scheduled for the release date), draft or pending (for review).
                    Default: the status the post was last published with; the first time, what the
                    draft intends (a draft made by "pressroom new" intends draft)
  --create-terms    create categories and tags the site does not have yet (else: exit 1, naming them)
  --overwrite       replace the post even though it was changed on the site since the last publish
  --as-new          publish as a new post, when the old one was deleted on the site
  --library DIR     the library folder, to name the draft by its id
  --json            print {"remoteId","link","status","site"} as JSON

The password comes from ${APP_PASSWORD_VARIABLE} when set, else from the OS keychain.
Exit codes: 0 published, 1 failed (nothing published), 2 usage, 3 blocking preflight problems,
4 the post was changed on the site (re-run with --overwrite to replace it).
`;

// ---------------------------------------------------------------------------------------------
// The site (shared with `pressroom pull`)
// ---------------------------------------------------------------------------------------------

const quotedNames = (sites: readonly Site[]) => sites.map((site) => `"${site.name}"`).join(', ');

/**
 * The site to use: --site, else the one the draft was meant for, else the only one. Never a guess
 * between several: publishing to the wrong site is worse than asking.
 */
export const chooseSite = (sites: SiteService, requested: string | undefined, targetSite: string | null) => {
  if (requested !== undefined) return requested;
  const known = sites.list();
  if (targetSite !== null) {
    if (known.some((site) => site.id === targetSite)) return targetSite;
    throw usageError(
      `the draft is meant for the site "${targetSite}", which is not among this command line's sites; give --site NAME${known.length ? ` (the sites are ${quotedNames(known)})` : ''}, or add it with "pressroom site add"`,
    );
  }
  const [only] = known;
  if (known.length === 1 && only) return only.id;
  if (!only)
    throw usageError(
      'there is no site yet: add one with "pressroom site add --name NAME --url URL --user USER"',
    );
  throw usageError(`give --site NAME: the sites are ${quotedNames(known)}`);
};

/** The site's REST client, signed in; an unknown site is a usage error, a missing password exit 1. */
export const connectSite = async (
  sites: SiteService,
  name: string,
): Promise<{ site: Site; client: WpClient }> => {
  const connected = await sites.client(name).catch((error: unknown) => {
    if (error instanceof AppFailure && error.code === 'not-found') throw usageError(error.message);
    throw error;
  });
  if (!connected.hasPassword) {
    throw new CliError(
      EXIT_FAILURE,
      `there is no password for "${connected.site.name}" on this computer: set ${APP_PASSWORD_VARIABLE} to its application password (this machine has no keychain to keep it in, or it was never stored)`,
    );
  }
  return { site: connected.site, client: connected.client };
};

// ---------------------------------------------------------------------------------------------
// Progress and outcomes
// ---------------------------------------------------------------------------------------------

const size = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** One line on stderr per step, or nothing for the steps that say nothing new. */
const progressLine = (progress: PublishProgress, site: Site): string | null => {
  switch (progress.step) {
    case 'preflight':
      return 'Checking the release…';
    case 'post':
      return progress.action === 'creating' ? `Creating the post on "${site.name}"…` : 'Updating the post…';
    case 'images':
      return progress.done < progress.total
        ? `Preparing image ${progress.done + 1} of ${progress.total}…`
        : null;
    case 'uploading':
      if (progress.sent === 0) return `Uploading ${size(progress.total)}…`;
      return progress.sent === progress.total ? `Uploaded; "${site.name}" is processing the image…` : null;
    case 'terms':
      return 'Matching categories and tags…';
    case 'done':
      return null;
  }
};

/** A preflight problem as the publisher reports it (its code as plain text). */
type ReportedProblem = Extract<PublishOutcome, { kind: 'preflight' }>['problems'][number];

/** As `pressroom check` prints them, blocking ones first. */
const problemTable = (problems: readonly ReportedProblem[]): string =>
  formatTable(
    ['SEVERITY', 'CODE', 'FIELD', 'MESSAGE'],
    [...problems]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1))
      .map((problem) => [problem.severity, problem.code, problem.field, problem.message]),
  );

export interface QueueRequest {
  draftFolder: string;
  document: DraftDocument;
  site: Site;
  status: WpStatus | undefined;
  createTerms: boolean;
  overwrite: boolean;
  asNew: boolean;
  /** Why it could not be sent now (a transient problem, after the publisher's own retries). */
  failure: SiteFailure;
}

/**
 * A release whose site could not be reached goes to the command line's outbox (cli-outbox.ts), to
 * be sent by `pressroom outbox run`; `publish` then exits 5.
 */
export const queueForLater = async (request: QueueRequest): Promise<boolean> => {
  const outbox = await cliOutbox({ online: false });
  try {
    await outbox.enqueue({
      draftId: request.document.id,
      draftTitle: request.document.title,
      draftFolder: request.draftFolder,
      siteId: request.site.id,
      siteName: request.site.name,
      options: {
        ...(request.status ? { status: request.status } : {}),
        ...(request.createTerms ? { createTerms: true } : {}),
      },
      lastError: request.failure.message,
    });
    return true;
  } finally {
    await outbox.stop();
  }
};

/** A publish that stopped on the site's side, as one line with what to do next. */
const siteFailure = (error: AppFailure, site: Site, republish: boolean): CliError => {
  if (error.params?.taxonomy) {
    return new CliError(EXIT_FAILURE, `${error.message} (re-run with --create-terms to create them)`);
  }
  if (error instanceof SiteFailure && isTransient(error.problem)) {
    const left = republish
      ? 'The post on the site was not changed.'
      : 'Nothing was changed on it beyond a remote draft, which the next publish continues with.';
    return new CliError(
      EXIT_FAILURE,
      `"${site.name}" could not be reached: ${error.message} ${left} Publish again when it answers.`,
    );
  }
  return new CliError(EXIT_FAILURE, `publishing to "${site.name}" failed: ${error.message}`);
};

// ---------------------------------------------------------------------------------------------
// The command
// ---------------------------------------------------------------------------------------------

const readStatus = (value: string | undefined, document: DraftDocument): WpStatus | undefined => {
  if (value === undefined) return undefined;
  const status = wpStatuses.find((known) => known === value);
  if (!status) throw usageError(`--status ${value}: use publish, future, draft or pending`);
  if (status === 'future' && document.schedule.local === null) {
    throw usageError('--status future schedules the release for its date, and this draft has none');
  }
  return status;
};

/**
 * The status the post was last published with, recognised by its hash among the fields last sent.
 * A republish without --status keeps it: a draft made by `pressroom new` intends "draft", and
 * sending that would take a post published with --status publish off the site.
 */
const lastSentStatus = async (folder: string, siteId: string): Promise<WpStatus | undefined> => {
  const state = await readPublishState(folder);
  if (state.record?.site !== siteId) return undefined;
  const sent = state.sentFields.status;
  return wpStatuses.find((status) => fieldHashes({ status }).status === sent);
};

export const publishCommand: Command<typeof options> = {
  name: 'publish',
  summary: 'publish a draft to a WordPress site (or update its post)',
  help,
  options,
  maxPositionals: 1,
  async execute(line, io) {
    const [argument] = line.positionals;
    if (argument === undefined)
      throw usageError('"pressroom publish" needs DRAFT: a draft folder, or an id with --library');
    const { folder, document } = await locateDraft(argument, line.string('library'), io.cwd);
    const requested = readStatus(line.string('status'), document);
    const sites = cliSites();
    const { site, client } = await connectSite(
      sites,
      chooseSite(sites, line.string('site'), document.targetSite),
    );
    const flags = {
      createTerms: line.flag('create-terms'),
      overwrite: line.flag('overwrite'),
      asNew: line.flag('as-new'),
    };
    const status = requested ?? (flags.asNew ? undefined : await lastSentStatus(folder, site.id));

    const problems = preflight(document, { now: new Date() });
    if (!hasBlockingProblems(problems)) {
      for (const problem of problems) io.note(`pressroom: warning: ${problem.message}\n`);
    }
    const republish = document.publishRecord?.site === site.id && !flags.asNew;
    const outcome = await publishRelease({
      draftFolder: folder,
      document,
      site,
      client,
      ...flags,
      ...(status ? { status } : {}),
      onProgress: (progress) => {
        const text = progressLine(progress, site);
        if (text) io.note(`${text}\n`);
      },
    }).catch(async (error: unknown) => {
      if (!(error instanceof AppFailure)) throw error;
      if (error instanceof SiteFailure && isTransient(error.problem)) {
        const request = { draftFolder: folder, document, site, status, ...flags, failure: error };
        if (await queueForLater(request)) return 'queued' as const;
      }
      throw siteFailure(error, site, republish);
    });

    if (outcome === 'queued') {
      io.note(
        `"${site.name}" could not be reached; the release is queued. Run "pressroom outbox run" to send it when the site answers again.\n`,
      );
      return EXIT_QUEUED;
    }
    if (outcome.kind === 'preflight') {
      io.note(problemTable(outcome.problems));
      const blocking = outcome.problems.filter((problem) => problem.severity === 'blocking').length;
      throw invalidDraftError(
        `not published: ${blocking} blocking problem${blocking === 1 ? '' : 's'} (above); nothing was sent to "${site.name}"`,
      );
    }
    if (outcome.kind === 'conflict') {
      throw new CliError(
        EXIT_CONFLICT,
        `not published: post ${outcome.remoteId} on "${site.name}" was changed on the site since this release was last published (${outcome.link}); nothing was sent. Re-run with --overwrite to replace the site's version with this draft.`,
      );
    }
    if (outcome.kind === 'deleted') {
      throw new CliError(
        EXIT_FAILURE,
        `not published: post ${outcome.remoteId} is no longer on "${site.name}" (it was deleted there); nothing was sent. Re-run with --as-new to publish this release as a new post.`,
      );
    }
    if (outcome.kind === 'queued') return EXIT_QUEUED; // only the app's PublishService answers this
    const result = {
      remoteId: outcome.remoteId,
      link: outcome.link,
      status: outcome.status,
      site: outcome.site,
    };
    if (line.flag('json')) printJson(io, result);
    else io.out(`Post ${result.remoteId} on "${site.name}" (${result.status}): ${result.link}\n`);
    return EXIT_OK;
  },
};
