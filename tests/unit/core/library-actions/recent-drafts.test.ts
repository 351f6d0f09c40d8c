import { describe, expect, it } from 'vitest';
import { MAX_RECENT_DRAFTS, RecentDrafts } from '../../../../electron/core/drafts/recent-drafts.js';
import type { KeyValueStore } from '../../../../electron/core/settings/settings-service.js';

const memoryStore = (
  initial: Record<string, unknown> = {},
): KeyValueStore & { data: Record<string, unknown> } => {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
};

describe('open recent', () => {
  it('lists the drafts opened last, newest first, each once, at most ten', () => {
    const store = memoryStore();
    const recent = new RecentDrafts(store, () => '/library');
    for (let index = 0; index < 12; index += 1) recent.opened(`d${index}`);
    recent.opened('d5');
    const listed = recent.list(() => true);
    expect(listed).toHaveLength(MAX_RECENT_DRAFTS);
    expect(listed.slice(0, 3)).toEqual(['d5', 'd11', 'd10']);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('drops drafts that are no longer in the library', () => {
    const store = memoryStore();
    const recent = new RecentDrafts(store, () => '/library');
    recent.opened('kept');
    recent.opened('gone');
    expect(recent.list((id) => id !== 'gone')).toEqual(['kept']);
    expect(recent.list(() => true)).toEqual(['kept']);
  });

  it('remembers each library folder apart', () => {
    const store = memoryStore();
    let folder = '/work';
    const recent = new RecentDrafts(store, () => folder);
    recent.opened('at-work');
    folder = '/home';
    expect(recent.list(() => true)).toEqual([]);
    recent.opened('at-home');
    folder = '/work';
    expect(recent.list(() => true)).toEqual(['at-work']);
  });

  it('survives a settings file edited by hand', () => {
    const store = memoryStore({ recentDrafts: { '/library': ['ok', 3, null], other: 'nonsense' } });
    expect(new RecentDrafts(store, () => '/library').list(() => true)).toEqual(['ok']);
    expect(new RecentDrafts(memoryStore({ recentDrafts: 'x' }), () => '/library').list(() => true)).toEqual(
      [],
    );
  });
});
