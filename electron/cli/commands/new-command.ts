/**
 * `pressroom new`: a draft from flags and files. Every input is read and checked before anything is
 * written; the draft is then created by the app's own DraftLibrary, which assembles it in a hidden
 * folder and renames it into place, so the library never holds half a draft.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import { DraftLibrary } from '../../core/drafts/draft-library.js';
import { EventHub } from '../../core/events.js';
import { silentLogger } from '../../core/logger.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions, required } from '../command-line.js';
import { DEFAULT_LANGUAGE } from '../drafts/cli-defaults.js';
import { resolveLibrary } from '../drafts/library-folder.js';
import { readBody } from '../inputs/body-input.js';
import { readFeaturedImage } from '../inputs/featured-image-input.js';
import { readRelatedPosts } from '../inputs/related-post-input.js';
import { readSchedule } from '../inputs/schedule-input.js';
import { readExcerpt, readLanguage, readSlug, readTerms, readTitle } from '../inputs/text-fields-input.js';
import type { Command } from './command.js';

const options = {
  ...commonOptions,
  library: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  timezone: { type: 'string' },
  body: { type: 'string' },
  'featured-image': { type: 'string' },
  alt: { type: 'string' },
  caption: { type: 'string' },
  credit: { type: 'string' },
  related: { type: 'string', multiple: true },
  category: { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  excerpt: { type: 'string' },
  slug: { type: 'string' },
  language: { type: 'string' },
} as const;

const help = `Usage: pressroom new --library DIR --title TEXT [options]

Creates a draft in the library folder and prints its id and path.

  --library DIR              the library folder (created if it does not exist)
  --title TEXT               the release's title
  --date YYYY-MM-DDTHH:MM    when it goes out, as a wall-clock time in --timezone
  --timezone ZONE            IANA zone such as Europe/Istanbul (default: this machine's zone)
  --body FILE                the text, from a .md, .html or .txt file
  --featured-image FILE      JPEG, PNG, WebP, GIF, AVIF or TIFF, copied into the draft
  --alt TEXT                 what the image shows (required with --featured-image)
  --caption TEXT, --credit TEXT
  --related URL=TITLE[@YYYY-MM-DD]   a related post; repeatable; the title follows the last "="
  --category NAME, --tag NAME        repeatable
  --excerpt TEXT
  --slug SLUG                lowercase a-z, digits and dashes (default: made from the title)
  --language CODE            en, ar, tr, fr, ... (default: en); sets the text direction
  --json                     print {"id","path"} as JSON
`;

export const newCommand: Command<typeof options> = {
  name: 'new',
  summary: 'create a draft from flags and files',
  help,
  options,
  maxPositionals: 0,
  async execute(line, io) {
    const library = await resolveLibrary(required(line.string('library'), '--library DIR', 'new'), io.cwd, {
      mustExist: false,
    });
    const title = readTitle(required(line.string('title'), '--title TEXT', 'new'));
    const { schedule, note } = readSchedule(line.string('date'), line.string('timezone'));
    const slug = readSlug(line.string('slug'), title);
    const { language, direction } = readLanguage(line.string('language'), DEFAULT_LANGUAGE);
    const excerpt = readExcerpt(line.string('excerpt'));
    const categories = readTerms('--category', line.list('category'), 100);
    const tags = readTerms('--tag', line.list('tag'), 500);
    const relatedPosts = readRelatedPosts(line.list('related'));
    const featured = await readFeaturedImage(
      {
        file: line.string('featured-image'),
        alt: line.string('alt'),
        caption: line.string('caption'),
        credit: line.string('credit'),
      },
      io.cwd,
    );
    const body = await readBody(line.string('body'), io.cwd);

    const drafts = new DraftLibrary({
      folder: () => library,
      releaseDefaults: () => ({ timeZone: schedule.timeZone, language }),
      events: new EventHub(),
      logger: silentLogger,
    });
    const created = await drafts
      .create({
        title,
        slug,
        schedule,
        featuredImage: featured?.image ?? null,
        body,
        excerpt,
        categories,
        tags,
        relatedPosts,
        language,
        direction,
        assets: featured ? [featured.asset] : [],
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppFailure)) throw error;
        throw new CliError(error.code === 'invalid-request' ? EXIT_USAGE : EXIT_FAILURE, error.message);
      });

    if (note) io.note(`${note}\n`);
    const id = created.document.id;
    const path = drafts.folderOf(id);
    if (line.flag('json')) printJson(io, { id, path });
    else io.out(`id:   ${id}\npath: ${path}\n`);
    return EXIT_OK;
  },
};
