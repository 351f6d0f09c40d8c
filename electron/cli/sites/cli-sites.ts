/**
 * The command line's sites: their list in the CLI's own settings file (Conf, in the OS config
 * folder, or in PRESSROOM_CONFIG_DIR for scripts and tests), their passwords in the OS keychain.
 * The desktop app keeps its own list and its passwords under safeStorage; a site is added to each.
 */
import { dirname } from 'node:path';
import Conf from 'conf';
import { keyringSecrets } from '../../core/sites/keyring-secrets.js';
import { SiteRegistry } from '../../core/sites/site-registry.js';
import { SiteService } from '../../core/sites/site-service.js';

export const CONFIG_DIR_VARIABLE = 'PRESSROOM_CONFIG_DIR';

const cliStore = (environment: Record<string, string | undefined>) => {
  const folder = environment[CONFIG_DIR_VARIABLE];
  return new Conf<Record<string, unknown>>({
    projectName: 'pressroom',
    configName: 'cli',
    ...(folder ? { cwd: folder } : {}),
  });
};

/** The folder the command line keeps its settings and its outbox in. */
export const cliConfigFolder = (environment: Record<string, string | undefined> = process.env): string =>
  dirname(cliStore(environment).path);

export const cliSites = (environment: Record<string, string | undefined> = process.env): SiteService => {
  const store = cliStore(environment);
  return new SiteService({
    registry: new SiteRegistry(store),
    secrets: keyringSecrets(environment),
    environment,
  });
};
