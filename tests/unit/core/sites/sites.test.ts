import { describe, expect, it } from 'vitest';
import {
  encryptedSecrets,
  NO_KEYCHAIN_REASON,
  type OsCipher,
} from '../../../../electron/core/sites/encrypted-secrets.js';
import { noSecretStore, passwordOf, siteKey } from '../../../../electron/core/sites/secret-store.js';
import { SiteRegistry } from '../../../../electron/core/sites/site-registry.js';
import { SiteService } from '../../../../electron/core/sites/site-service.js';
import type { KeyValueStore } from '../../../../electron/core/settings/settings-service.js';
import { looksLikeApplicationPassword } from '../../../../shared/sites/application-password.js';
import { normaliseSiteUrl } from '../../../../shared/sites/site.js';

const memoryStore = (): KeyValueStore & { data: Record<string, unknown> } => {
  const data: Record<string, unknown> = {};
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
};

/** Reverses the text and prefixes it: enough to prove nothing is stored in the clear. */
const fakeCipher = (backend: string | null = 'gnome_libsecret', available = true): OsCipher => ({
  isEncryptionAvailable: () => available,
  backend: () => backend,
  encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptString: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
});

describe('site addresses and passwords as typed', () => {
  it('reduces what users paste to the site root', () => {
    expect(normaliseSiteUrl('news.example.org')).toBe('https://news.example.org');
    expect(normaliseSiteUrl('https://news.example.org/wp-admin/')).toBe('https://news.example.org');
    expect(normaliseSiteUrl('https://example.org/news/wp-json/wp/v2')).toBe('https://example.org/news');
    expect(normaliseSiteUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(normaliseSiteUrl('ftp://example.org')).toBeNull();
    expect(normaliseSiteUrl('https://user:pw@example.org')).toBeNull();
    expect(normaliseSiteUrl('not a url at all')).toBeNull();
  });

  it('tells an application password from its name or a login password', () => {
    expect(looksLikeApplicationPassword('abcd EFGH 1234 ijkl MNOP 5678')).toBe(true);
    expect(looksLikeApplicationPassword('abcdEFGH1234ijklMNOP5678')).toBe(true);
    expect(looksLikeApplicationPassword('Pressroom')).toBe(false);
    expect(looksLikeApplicationPassword('my-Login-p@ssword!')).toBe(false);
  });
});

describe('the site registry', () => {
  it('adds sites with ids made from their names, finds them by id or name, and refuses a second of the same name', () => {
    const registry = new SiteRegistry(memoryStore(), () => new Date('2026-11-25T10:00:00Z'));
    const first = registry.add({ name: 'Haber Sitesi', url: 'haber.example.org/', user: 'editor' });
    expect(first).toMatchObject({
      id: 'haber-sitesi',
      url: 'https://haber.example.org',
      relatedPosts: { to: 'body' },
      maxImageEdge: 2560,
    });
    expect(registry.find('HABER SITESI')?.id).toBe('haber-sitesi');
    expect(() => registry.add({ name: 'haber sitesi', url: 'x.org', user: 'u' })).toThrow(
      /already a site called/,
    );
    expect(registry.add({ name: 'الموقع العربي', url: 'ar.example.org', user: 'u' }).id).toBe(
      'almwqe-alerby',
    );
    expect(registry.update('haber-sitesi', { name: 'Haber' })).toMatchObject({
      id: 'haber-sitesi',
      name: 'Haber',
    });
    expect(registry.remove('Haber').id).toBe('haber-sitesi');
    expect(() => registry.get('Haber')).toThrow(/no site called "Haber". The sites are "الموقع العربي"/);
  });

  it('skips entries of a hand-edited settings file that are no longer valid', () => {
    const store = memoryStore();
    store.set('sites', [
      { id: 'ok', name: 'OK', url: 'https://ok.org', user: 'u', addedAt: 'x' },
      { id: 'BAD ID' },
      'x',
    ]);
    expect(new SiteRegistry(store).list().map((site) => site.id)).toEqual(['ok']);
  });
});

describe('site passwords', () => {
  it('are kept only as OS-encrypted ciphertext, and read back', async () => {
    const store = memoryStore();
    const secrets = encryptedSecrets(store, fakeCipher());
    await secrets.set('site:a', 'abcd efgh ijkl mnop qrst uvwx');
    expect(JSON.stringify(store.data)).not.toContain('abcd efgh');
    expect(await secrets.get('site:a')).toBe('abcd efgh ijkl mnop qrst uvwx');
    await secrets.delete('site:a');
    expect(await secrets.get('site:a')).toBeNull();
  });

  it('are refused, with the reason, where the OS offers no real keychain (Linux basic_text)', async () => {
    for (const cipher of [fakeCipher('basic_text'), fakeCipher(null, false)]) {
      const secrets = encryptedSecrets(memoryStore(), cipher);
      expect(await secrets.availability()).toEqual({ available: false, reason: NO_KEYCHAIN_REASON });
      await expect(secrets.set('site:a', 'pw')).rejects.toThrow(/no keychain/);
    }
  });

  it('come from PRESSROOM_APP_PASSWORD first when it is set', async () => {
    const secrets = encryptedSecrets(memoryStore(), fakeCipher());
    await secrets.set(siteKey('news'), 'stored');
    expect(await passwordOf(secrets, 'news', {})).toBe('stored');
    expect(await passwordOf(secrets, 'news', { PRESSROOM_APP_PASSWORD: 'from-env' })).toBe('from-env');
  });

  it('the app refuses to add a site it cannot protect; the CLI keeps the site and says why', async () => {
    const registry = new SiteRegistry(memoryStore());
    const service = new SiteService({ registry, secrets: noSecretStore('No keychain here.') });
    const input = { name: 'News', url: 'news.example.org', user: 'u', password: 'p' };
    await expect(service.add(input, { requireSecretStore: true })).rejects.toThrow('No keychain here.');
    expect(service.list()).toEqual([]);
    expect(await service.add(input, { requireSecretStore: false })).toMatchObject({
      passwordStored: false,
      reason: 'No keychain here.',
    });
    expect(service.list()).toHaveLength(1);
  });
});
