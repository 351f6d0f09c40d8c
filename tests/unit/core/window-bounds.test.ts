import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, restoreWindowState } from '../../../electron/core/window/window-bounds.js';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };

describe('where the window reopens', () => {
  it('reopens where it was when that place is on a screen', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('falls back to the default size when the old monitor is gone', () => {
    const onUnpluggedMonitor = { x: 2000, y: 0, width: 1000, height: 700, maximized: true };
    expect(restoreWindowState(onUnpluggedMonitor, [laptop])).toEqual({
      bounds: { ...DEFAULT_SIZE },
      maximized: true,
    });
  });

  it('ignores a damaged saved state', () => {
    expect(restoreWindowState({ x: 'left' }, [laptop])).toEqual({
      bounds: { ...DEFAULT_SIZE },
      maximized: false,
    });
    expect(restoreWindowState(undefined, [laptop]).bounds).toEqual({ ...DEFAULT_SIZE });
  });
});
