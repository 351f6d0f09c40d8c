/**
 * `--library DIR`: the library folder as an absolute path. Listing a folder that does not exist is
 * almost always a typo in a script, so it is reported; `new` may start a library in a new folder.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../cli-errors.js';

export const resolveLibrary = async (
  value: string,
  cwd: string,
  options: { mustExist: boolean },
): Promise<string> => {
  const folder = resolve(cwd, value);
  const info = await stat(folder).catch(() => null);
  if (!info) {
    if (options.mustExist) throw usageError(`--library ${value}: there is no such folder`);
    return folder;
  }
  if (!info.isDirectory()) throw usageError(`--library ${value}: this is a file, not a folder`);
  return folder;
};
