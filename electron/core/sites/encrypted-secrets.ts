/**
 * Secrets encrypted by the OS (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the
 * Secret Service or KWallet on Linux) and kept, only as ciphertext, in a key-value store. On Linux
 * without a keyring safeStorage falls back to a fixed key ("basic_text"), which is no protection:
 * then nothing is stored and the user is told why.
 */
import type { KeyValueStore } from '../settings/settings-service.js';
import type { SecretStore } from './secret-store.js';

/** The part of Electron's safeStorage this needs (the wiring passes the real one). */
export interface OsCipher {
  isEncryptionAvailable(): boolean;
  /** Linux only: which backend safeStorage chose; 'basic_text' means no real keychain. */
  backend(): string | null;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
}

const SECRETS_KEY = 'secrets';

export const NO_KEYCHAIN_REASON =
  'This computer has no keychain Pressroom can use to protect passwords (on Linux: no Secret Service such as GNOME Keyring or KWallet). The password was not stored; set PRESSROOM_APP_PASSWORD instead, or install a keyring.';

export const encryptedSecrets = (store: KeyValueStore, cipher: OsCipher): SecretStore => {
  const isSafe = () => cipher.isEncryptionAvailable() && cipher.backend() !== 'basic_text';
  const read = (): Record<string, string> => {
    const stored = store.get(SECRETS_KEY);
    return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
      ? (stored as Record<string, string>)
      : {};
  };
  return {
    availability: async () =>
      isSafe() ? { available: true } : { available: false, reason: NO_KEYCHAIN_REASON },
    get: async (key) => {
      const sealed = read()[key];
      if (typeof sealed !== 'string' || !isSafe()) return null;
      try {
        return cipher.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null; // sealed by another user or machine: ask for the password again
      }
    },
    set: async (key, secret) => {
      if (!isSafe()) throw new Error(NO_KEYCHAIN_REASON);
      store.set(SECRETS_KEY, { ...read(), [key]: cipher.encryptString(secret).toString('base64') });
    },
    delete: async (key) => {
      const { [key]: _removed, ...rest } = read();
      store.set(SECRETS_KEY, rest);
    },
  };
};
