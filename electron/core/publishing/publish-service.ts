/**
 * Publishing as the app offers it: one run per draft at a time, progress sent to the renderer as
 * typed events, cancellable, and the library told when a release's status changed. The release is
 * read from disk at the start (the editor saves first), so what goes out is what is saved.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import type { PublishOutcome, WpStatus } from '../../../shared/publishing/publish-outcome.js';
import type { DraftLibrary } from '../drafts/draft-library.js';
import type { EventSink } from '../events.js';
import type { SiteService } from '../sites/site-service.js';
import { isTransient } from '../../../shared/sites/site-problems.js';
import { SiteFailure } from '../wordpress/wp-client.js';
import {
  type Outbox,
  type OutboxItem,
  type OutboxSendResult,
  sendResultOf,
  sendResultOfError,
} from './outbox.js';
import { publishRelease } from './publisher.js';

export interface PublishCommand {
  draftId: string;
  siteId: string;
  status?: WpStatus;
  createTerms?: boolean;
  overwrite?: boolean;
  asNew?: boolean;
}

export class PublishService {
  private readonly running = new Map<string, AbortController>();
  private outbox: { queue: Outbox; ready: Promise<unknown> } | null = null;

  /** Where a publish goes when the site cannot be reached (set once the outbox exists). */
  useOutbox(queue: Outbox, ready: Promise<unknown>): void {
    this.outbox = { queue, ready };
  }

  /** The outbox's way of sending: the same publish, with its own cancel signal. */
  async sendQueued(item: OutboxItem, signal: AbortSignal): Promise<OutboxSendResult> {
    try {
      const { document } = await this.drafts.open(item.draftId);
      const { site, client } = await this.sites.client(item.siteId);
      const outcome = await publishRelease({
        draftFolder: this.drafts.folderOf(item.draftId),
        document,
        site,
        client,
        signal,
        ...(item.options.status ? { status: item.options.status } : {}),
        ...(item.options.createTerms ? { createTerms: true } : {}),
      });
      if (outcome.kind === 'published') this.events.emit('library.changed', { reason: 'saved' });
      return sendResultOf(outcome);
    } catch (error) {
      return sendResultOfError(error);
    }
  }

  constructor(
    private readonly drafts: DraftLibrary,
    private readonly sites: SiteService,
    private readonly events: EventSink,
  ) {}

  async publish(command: PublishCommand): Promise<PublishOutcome> {
    if (this.running.has(command.draftId)) {
      throw new AppFailure(
        'conflict',
        'This release is already being published. Wait for it to finish, or cancel it.',
      );
    }
    const controller = new AbortController();
    this.running.set(command.draftId, controller);
    try {
      const { document } = await this.drafts.open(command.draftId);
      const { site, client, hasPassword } = await this.sites.client(command.siteId);
      if (!hasPassword) {
        throw new AppFailure(
          'site',
          `No password is stored for "${site.name}" on this computer. Enter it again on the Sites page.`,
          { problem: 'auth' },
        );
      }
      const outcome = await publishRelease({
        draftFolder: this.drafts.folderOf(command.draftId),
        document,
        site,
        client,
        signal: controller.signal,
        ...(command.status ? { status: command.status } : {}),
        ...(command.createTerms ? { createTerms: true } : {}),
        ...(command.overwrite ? { overwrite: true } : {}),
        ...(command.asNew ? { asNew: true } : {}),
        onProgress: (progress) =>
          this.events.emit('publish.progress', { draftId: command.draftId, progress }),
      });
      if (outcome.kind === 'published') this.events.emit('library.changed', { reason: 'saved' });
      return outcome;
    } catch (error) {
      // Offline, or the site is down: the release waits in the outbox instead of failing.
      if (
        error instanceof SiteFailure &&
        isTransient(error.problem) &&
        this.outbox &&
        !controller.signal.aborted
      ) {
        await this.outbox.ready;
        const [{ document }, site] = await Promise.all([
          this.drafts.open(command.draftId),
          this.sites.client(command.siteId).then(({ site: found }) => found),
        ]);
        const item = await this.outbox.queue.enqueue({
          draftId: command.draftId,
          draftTitle: document.title,
          siteId: site.id,
          siteName: site.name,
          options: {
            ...(command.status ? { status: command.status } : {}),
            ...(command.createTerms ? { createTerms: true } : {}),
          },
          lastError: error.message,
        });
        return {
          kind: 'queued',
          itemId: item.id,
          // Why it was queued; the renderer says in the user's language that it waits in the outbox.
          message: error.message,
        };
      }
      if (controller.signal.aborted) {
        throw new AppFailure(
          'internal',
          'Publishing was cancelled. If the post had already been created on the site, it stays there as a draft; publishing again continues with it.',
        );
      }
      throw error;
    } finally {
      this.running.delete(command.draftId);
    }
  }

  /** Stops a run; what was already sent stays on the site as a remote draft (never published half). */
  cancel(draftId: string): boolean {
    const controller = this.running.get(draftId);
    controller?.abort();
    return controller !== undefined;
  }
}
