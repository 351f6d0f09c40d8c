import { describe, expect, it, vi } from 'vitest';
import {
  type OsTrash,
  type PendingDeleteEvent,
  PendingDeletes,
} from '../../../../electron/core/drafts/pending-deletes.js';

/** A trash that records what it was given; `fail` makes the next moves fail. */
const recordingTrash = () => {
  const moved: string[] = [];
  const state = { fail: false };
  const trash: OsTrash = {
    moveToTrash: async (path) => {
      if (state.fail) throw new Error('EBUSY');
      moved.push(path);
    },
  };
  return { trash, moved, state };
};

const setup = (undoWindowMs = 10_000) => {
  vi.useFakeTimers();
  const { trash, moved, state } = recordingTrash();
  const events: PendingDeleteEvent[] = [];
  const deletes = new PendingDeletes({
    trash,
    folderOf: (id) => `/library/${id}.pressroom`,
    undoWindowMs,
    onChange: (event) => events.push(event),
  });
  return { deletes, moved, events, state };
};

describe('deleting drafts with undo', () => {
  it('hides the draft at once and moves its folder to the OS trash only when the undo window ends', async () => {
    const { deletes, moved, events } = setup();
    expect(deletes.delete('a')).toEqual({ undoWindowMs: 10_000 });
    expect(deletes.isPending('a')).toBe(true);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(moved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(moved).toEqual(['/library/a.pressroom']);
    expect(deletes.isPending('a')).toBe(false);
    expect(events.map((event) => event.change)).toEqual(['hidden', 'trashed']);
    vi.useRealTimers();
  });

  it('undo within the window brings the draft back and nothing is ever moved', async () => {
    const { deletes, moved, events } = setup();
    deletes.delete('a');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(deletes.undo('a')).toBe(true);
    expect(deletes.isPending('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(moved).toEqual([]);
    expect(events.map((event) => event.change)).toEqual(['hidden', 'restored']);
    vi.useRealTimers();
  });

  it('undo after the move says it is too late instead of pretending', async () => {
    const { deletes } = setup();
    deletes.delete('a');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(deletes.undo('a')).toBe(false);
    expect(deletes.undo('never-deleted')).toBe(false);
    vi.useRealTimers();
  });

  it('at quit, flush moves every pending delete to the trash now', async () => {
    const { deletes, moved } = setup();
    deletes.delete('a');
    deletes.delete('b');
    await deletes.flush();
    expect(moved.sort()).toEqual(['/library/a.pressroom', '/library/b.pressroom']);
    expect(deletes.pendingIds()).toEqual([]);
    vi.useRealTimers();
  });

  it('a failed move shows the draft again and reports it; nothing else is tried', async () => {
    const { deletes, moved, events, state } = setup();
    state.fail = true;
    deletes.delete('a');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(moved).toEqual([]);
    expect(deletes.isPending('a')).toBe(false);
    expect(events.map((event) => event.change)).toEqual(['hidden', 'failed']);
    vi.useRealTimers();
  });

  it('deleting the same draft twice keeps one pending delete', async () => {
    const { deletes, moved } = setup();
    deletes.delete('a');
    deletes.delete('a');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(moved).toEqual(['/library/a.pressroom']);
    vi.useRealTimers();
  });
});
