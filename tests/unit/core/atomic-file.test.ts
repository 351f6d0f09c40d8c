import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../../electron/core/fs/atomic-file.js';
import { useTempFolder } from '../../support/temp-folder.js';

const lockedFor = (failures: number, code: string) => {
  let calls = 0;
  return {
    calls: () => calls,
    write: async () => {
      calls += 1;
      if (calls <= failures)
        throw Object.assign(new Error(`${code}: operation not permitted, rename`), { code });
    },
  };
};

describe('atomic writes', () => {
  const tempFolder = useTempFolder();

  it('writes the whole content', async () => {
    const file = join(await tempFolder(), 'release.json');
    await writeFileAtomically(file, '{"title":"x"}');
    expect(await readFile(file, 'utf8')).toBe('{"title":"x"}');
  });

  it.each(['EPERM', 'EBUSY', 'EACCES'])(
    'retries a Windows sharing violation (%s) until the file is free',
    async (code) => {
      const locked = lockedFor(3, code);
      await writeFileAtomically('C:\\\\drafts\\\\release.json', 'x', {
        platform: 'win32',
        write: locked.write,
      });
      expect(locked.calls()).toBe(4);
    },
  );

  it('gives up on a file that stays locked, with the system error', async () => {
    const locked = lockedFor(100, 'EBUSY');
    await expect(
      writeFileAtomically('f', 'x', { platform: 'win32', write: locked.write }),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(locked.calls()).toBe(7);
  });

  it('does not retry other errors, nor permission errors outside Windows', async () => {
    const full = lockedFor(100, 'ENOSPC');
    await expect(
      writeFileAtomically('f', 'x', { platform: 'win32', write: full.write }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(full.calls()).toBe(1);
    const denied = lockedFor(100, 'EACCES');
    await expect(
      writeFileAtomically('f', 'x', { platform: 'linux', write: denied.write }),
    ).rejects.toMatchObject({ code: 'EACCES' });
    expect(denied.calls()).toBe(1);
  });
});
