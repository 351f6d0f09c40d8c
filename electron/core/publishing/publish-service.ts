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
