/**
 * `pressroom site add|list|test|remove`: the WordPress sites releases are published to. The
 * application password is read from stdin (never a flag) and kept in the OS keychain; where there is
 * none, the site is kept alone and PRESSROOM_APP_PASSWORD must carry the password.
 */
import { AppFailure } from '../../../shared/contract/result.js';
import type { Site } from '../../../shared/sites/site.js';
import { APP_PASSWORD_VARIABLE } from '../../core/sites/secret-store.js';
import { CliError, EXIT_FAILURE, EXIT_OK, usageError } from '../cli-errors.js';
import { printJson } from '../cli-io.js';
import { commonOptions, required } from '../command-line.js';
import { readSecret } from '../inputs/secret-input.js';
import { cliSites } from '../sites/cli-sites.js';
import { formatTable } from '../format/table.js';
import type { Command } from './command.js';

const options = {
  ...commonOptions,
  name: { type: 'string' },
  url: { type: 'string' },
  user: { type: 'string' },
} as const;

const help = `Usage: pressroom site add --name NAME --url URL --user USER   (password on stdin)
       pressroom site list [--json]
       pressroom site test NAME [--json]
       pressroom site remove NAME

The WordPress sites releases are published to.

  add      keeps the site; reads its application password from stdin (typed without echo at a
           terminal, or piped) and stores it in the OS keychain. Without a keychain (Linux with no
           Secret Service, CI) the site is kept alone and the password must come from
           ${APP_PASSWORD_VARIABLE}, which always takes precedence when set.
  list     the sites, never their passwords
  test     signs in and checks that the user may publish posts and upload images (exit 1 if not)
  remove   forgets the site and its stored password

Make an application password on the site under Users → Profile → Application Passwords.
Sites live in the command line's settings (PRESSROOM_CONFIG_DIR chooses the folder).
`;

const describe = (site: Site) => ({ id: site.id, name: site.name, url: site.url, user: site.user });

const siteArgument = (positionals: readonly string[], name: string | undefined, action: string): string => {
  const value = positionals[1] ?? name;
  if (!value)
    throw usageError(`"pressroom site ${action}" needs the site's name: pressroom site ${action} NAME`);
  return value;
};

/** Core failures keep their plain message; a missing or clashing site is the user's input (2). */
const asCliError = (error: unknown): never => {
  if (error instanceof AppFailure) {
    const usage = ['invalid-request', 'not-found', 'conflict'].includes(error.code);
    throw new CliError(usage ? 2 : EXIT_FAILURE, error.message);
  }
  throw error;
};

export const siteCommand: Command<typeof options> = {
  name: 'site',
  summary: 'add, list, test or remove a WordPress site',
  help,
  options,
  maxPositionals: 2,
  async execute(line, io) {
    const [action] = line.positionals;
    const sites = cliSites();
    const json = line.flag('json');
    if (action === 'add') {
      const name = required(line.string('name'), '--name NAME', 'site add');
      const url = required(line.string('url'), '--url URL', 'site add');
      const user = required(line.string('user'), '--user USER', 'site add');
      const password = await readSecret(process.stdin, (text) => io.note(text));
      const added = await sites
        .add({ name, url, user, password }, { requireSecretStore: false })
        .catch(asCliError);
      if (!added.passwordStored) {
        io.note(
          `pressroom: the site was added, but its password was not stored: ${added.reason ?? ''} ` +
            `Set ${APP_PASSWORD_VARIABLE} when publishing to it.\n`,
        );
      }
      if (json) printJson(io, { ...describe(added.site), passwordStored: added.passwordStored });
      else io.out(`Added "${added.site.name}" (${added.site.url}) as ${added.site.id}.\n`);
      return EXIT_OK;
    }
    if (action === 'list') {
      const listed = sites.list().map(describe);
      if (json) printJson(io, listed);
      else if (listed.length === 0)
        io.note('No sites yet: pressroom site add --name NAME --url URL --user USER\n');
      else
        io.out(
          formatTable(
            ['NAME', 'URL', 'USER', 'ID'],
            listed.map((site) => [site.name, site.url, site.user, site.id]),
          ),
        );
      return EXIT_OK;
    }
    if (action === 'test') {
      const target = siteArgument(line.positionals, line.string('name'), 'test');
      io.note(`Testing ${target}…\n`);
      const { site, check } = await sites.test(target).catch(asCliError);
      if (json) printJson(io, { site: describe(site), ...check });
      else if (check.ok) {
        io.out(
          `OK: signed in to "${check.title ?? site.name}" as ${site.user}; may publish posts and upload images.` +
            `${check.timeZone ? ` Site time zone: ${check.timeZone}.` : ''}\n`,
        );
      }
      if (check.insecure)
        io.note(`pressroom: warning: ${site.url} is plain http; the password travels unencrypted.\n`);
      if (!check.ok) {
        if (json) return EXIT_FAILURE;
        throw new CliError(EXIT_FAILURE, check.message ?? 'the connection test failed');
      }
      return EXIT_OK;
    }
    if (action === 'remove') {
      const target = siteArgument(line.positionals, line.string('name'), 'remove');
      const removed = await sites.remove(target).catch(asCliError);
      if (json) printJson(io, describe(removed));
      else io.out(`Removed "${removed.name}".\n`);
      return EXIT_OK;
    }
    throw usageError(
      action === undefined
        ? '"pressroom site" needs an action: add, list, test or remove'
        : `unknown action "${action}"; the actions are add, list, test and remove`,
    );
  },
};
