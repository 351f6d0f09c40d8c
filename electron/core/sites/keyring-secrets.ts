/**
 * The command line's secrets, in the OS keychain itself (macOS Keychain, Windows Credential Manager,
 * the Secret Service on Linux) through @napi-rs/keyring. Loaded on first use: a machine without the
 * native module, or without a keychain, gets "not available" with the reason, never a crash.
 */
import type { SecretStore } from './secret-store.js';

const SERVICE = 'org.pressroom.app';

export const NO_OS_KEYCHAIN =
  'This computer has no keychain the command line can use (on Linux: no Secret Service such as GNOME Keyring or KWallet).';

const entry = async (key: string) => {
  const { Entry } = await import('@napi-rs/keyring');
  return new Entry(SERVICE, key);
};

/**
 * On Linux the keyring library falls back to the kernel's session keyring when there is no Secret
 * Service: it accepts the password and forgets it at logout, which would be pretending. Without a
 * D-Bus session (which the Secret Service needs) the keychain is treated as absent.
 */
const linuxWithoutSecretService = (environment: Record<string, string | undefined>): boolean =>
  process.platform === 'linux' && !environment.DBUS_SESSION_BUS_ADDRESS;

export const keyringSecrets = (
  environment: Record<string, string | undefined> = process.env,
): SecretStore => ({
  availability: async () => {
    if (linuxWithoutSecretService(environment)) return { available: false, reason: NO_OS_KEYCHAIN };
    try {
      // Reading a key that does not exist succeeds (null) only when the keychain itself answers.
      (await entry('pressroom:probe')).getPassword();
      return { available: true };
    } catch {
      return { available: false, reason: NO_OS_KEYCHAIN };
    }
  },
  get: async (key) => {
    if (linuxWithoutSecretService(environment)) return null;
    try {
      return (await entry(key)).getPassword() ?? null;
    } catch {
      return null;
    }
  },
  set: async (key, secret) => {
    if (linuxWithoutSecretService(environment)) throw new Error(NO_OS_KEYCHAIN);
    try {
      (await entry(key)).setPassword(secret);
    } catch {
      throw new Error(NO_OS_KEYCHAIN);
    }
  },
  delete: async (key) => {
    try {
      (await entry(key)).deletePassword();
    } catch {
      // nothing stored, or no keychain: nothing to delete
    }
  },
});
