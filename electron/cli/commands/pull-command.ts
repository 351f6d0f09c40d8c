/**
 * `pressroom pull --site NAME --post ID --library DIR`: a post of a site as a new draft, already
 * linked to the post (electron/core/publishing/pull-post.ts), so that `pressroom publish` of the
 * draft updates that post and sends only what was edited.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import { DraftLibrary } from '../../core/drafts/draft-library.js';
import { EventHub } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { pullPost, type PullProgress } from '../../core/publishing/pull-post.js';
import { APP_PASSWORD_VARIABLE } from '../../core/sites/secret-store.js';
import { CliError, EXIT_FAILURE, EXIT_OK, usageError } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions, required } from '../command-line.js';
import { cliDefaults } from '../drafts/cli-defaults.js';
import { resolveLibrary } from '../drafts/library-folder.js';
import { cliSites } from '../sites/cli-sites.js';
import { chooseSite, connectSite } from './publish-command.js';
import type { Command } from './command.js';

const options = {
  ...commonOptions,
  site: { type: 'string' },
  post: { type: 'string' },
  library: { type: 'string' },
} as const;

const help = `Usage: pressroom pull --post ID --library DIR [--site NAME] [--json]

Opens a post of a WordPress site as a new draft in the library, with its title, text, excerpt,
date (in the site's time zone), categories, tags, related posts and featured image. The draft stays
linked to the post: "pressroom publish" of it updates the post, sending only what was edited, and
stops if the post is changed on the site meanwhile. Prints the draft's id and folder.

  --post ID         the post's number (in wp-admin: post.php?post=ID)
  --library DIR     the library folder (created if it does not exist)
  --site NAME       the site (name or id); may be left out when there is only one
  --json            print {"id","path"} as JSON

The password comes from ${APP_PASSWORD_VARIABLE} when set, else from the OS keychain.
`;

const progressLines: Record<PullProgress['step'], string> = {
  post: 'Reading the post…',
  terms: 'Reading its categories and tags…',
  image: 'Downloading the featured image…',
  creating: 'Creating the draft…',
};

const readPostId = (value: string): number => {
  const id = /^[1-9]\d{0,15}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id)) throw usageError(`--post ${value}: give the post's number, such as 123`);
  return id;
};

export const pullCommand: Command<typeof options> = {
  name: 'pull',
  summary: "open a site's post as a new draft",
  help,
  options,
  maxPositionals: 0,
  async execute(line, io) {
    const postId = readPostId(required(line.string('post'), '--post ID', 'pull'));
    const folder = await resolveLibrary(required(line.string('library'), '--library DIR', 'pull'), io.cwd, {
      mustExist: false,
    });
    const sites = cliSites();
    const { site, client } = await connectSite(sites, chooseSite(sites, line.string('site'), null));
    const library = new DraftLibrary({
      folder: () => folder,
      releaseDefaults: cliDefaults,
      events: new EventHub(),
      logger: silentLogger,
    });
    const pulled = await pullPost({
      client,
      site,
      postId,
      library,
      onProgress: (progress) => io.note(`${progressLines[progress.step]}\n`),
    }).catch((error: unknown) => {
      if (!(error instanceof AppFailure)) throw error;
      // A post that is not there is the user's input to fix, like a draft id that is not there.
      if (error.code === 'not-found') throw usageError(error.message);
      throw new CliError(EXIT_FAILURE, `pulling from "${site.name}" failed: ${error.message}`);
    });
    for (const note of pulled.notes) io.note(`pressroom: note: ${note}\n`);

    const id = pulled.document.id;
    const path = library.folderOf(id);
    if (line.flag('json')) printJson(io, { id, path });
    else io.out(`id:   ${id}\npath: ${path}\n`);
    return EXIT_OK;
  },
};
