import { describe, expect, it } from 'vitest';
import { revealCommand, systemFileManager } from '../../../electron/core/file-manager.js';

describe('showing a draft in the file manager', () => {
  it('uses each platform’s own command, with the path as a single argument', () => {
    const path = '/Users/amina/Documents/Pressroom/abc; rm -rf ~.pressroom';
    expect(revealCommand('darwin', path)).toEqual(['open', ['-R', path]]);
    expect(revealCommand('win32', 'C:\\\\Users\\\\a\\\\x.pressroom')).toEqual([
      'explorer.exe',
      ['/select,C:\\\\Users\\\\a\\\\x.pressroom'],
    ]);
    expect(revealCommand('linux', '/home/a/Documents/Pressroom/x.pressroom')).toEqual([
      'xdg-open',
      ['/home/a/Documents/Pressroom'],
    ]);
  });

  it('reports a missing file manager, except for Explorer’s habit of answering 1', async () => {
    const failing = async () => {
      throw new Error('spawn xdg-open ENOENT');
    };
    await expect(systemFileManager('linux', failing).reveal('/x')).rejects.toThrow('ENOENT');
    await expect(systemFileManager('win32', failing).reveal('C:\\\\x')).resolves.toBeUndefined();
  });
});
