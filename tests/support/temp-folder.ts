import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A real, empty temporary folder for each test, removed afterwards. */
export const useTempFolder = (): (() => Promise<string>) => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pressroom-test-'));
    made.push(folder);
    return folder;
  };
};
