/**
 * Where site passwords live: never in settings, logs or messages, only behind this interface. The
 * desktop app keeps them encrypted with the OS keychain (Electron's safeStorage, see
 * encrypted-secrets.ts), the command line in the OS keychain itself (keyring-secrets.ts). Where
 * neither exists (Linux without a Secret Service, CI) the store says so instead of pretending, and
 * the password comes from PRESSROOM_APP_PASSWORD.
 */
export type SecretAvailability = { available: true } | { available: false; reason: string };

export interface SecretStore {
  availability(): Promise<SecretAvailability>;
  get(key: string): Promise<string | null>;
  /** Throws (with the reason) when secrets cannot be kept safely here. */
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export const APP_PASSWORD_VARIABLE = 'PRESSROOM_APP_PASSWORD';

/** The password of a site: PRESSROOM_APP_PASSWORD when set (always first), else the store's. */
export const passwordOf = async (
  store: SecretStore,
  siteId: string,
  environment: Record<string, string | undefined> = process.env,
): Promise<string | null> => {
  const fromEnvironment = environment[APP_PASSWORD_VARIABLE];
  if (fromEnvironment) return fromEnvironment;
  return store.get(siteKey(siteId));
};

export const siteKey = (siteId: string): string => `site:${siteId}`;

/** A store that keeps nothing: browser mode, and machines without a keychain. */
export const noSecretStore = (reason: string): SecretStore => ({
  availability: async () => ({ available: false, reason }),
  get: async () => null,
  set: async () => {
    throw new Error(reason);
  },
  delete: async () => {},
});

/**
 * Passwords held in this process's memory only, forgotten at quit: for browser mode started with
 * --memory-secrets (demos and the e2e suite on machines without a keychain). Never written anywhere.
 */
export const memorySecrets = (): SecretStore => {
  const secrets = new Map<string, string>();
  return {
    availability: async () => ({ available: true }),
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, secret) => void secrets.set(key, secret),
    delete: async (key) => void secrets.delete(key),
  };
};
