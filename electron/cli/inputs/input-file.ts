/**
 * Reading a file the user named on the command line. Every way it can fail is the user's to fix
 * (a typo, a folder, permissions), so each becomes a usage error naming the flag and the file.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../cli-errors.js';

const describeFailure = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'it may not be read (check its permissions)';
  return 'it could not be read';
};

export const readInputFile = async (
  flag: string,
  file: string,
  cwd: string,
  maxBytes: number,
): Promise<Buffer> => {
  const path = resolve(cwd, file);
  const info = await stat(path).catch((error: unknown) => {
    throw usageError(`${flag} ${file}: ${describeFailure(error)}`);
  });
  if (info.isDirectory()) throw usageError(`${flag} ${file}: this is a folder, not a file`);
  if (info.size > maxBytes) {
    throw usageError(`${flag} ${file}: the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
  }
  return readFile(path).catch((error: unknown) => {
    throw usageError(`${flag} ${file}: ${describeFailure(error)}`);
  });
};
