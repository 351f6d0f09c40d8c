/**
 * Reading a password from stdin, never from a flag (flags end up in shell history and in `ps`).
 * At a terminal it asks on stderr and does not echo what is typed; from a pipe it takes the first
 * line (`printf '%s\n' "$PASSWORD" | pressroom site add …`).
 */
import { usageError } from '../cli-errors.js';

export interface SecretSource {
  isTTY?: boolean;
  setRawMode?: (raw: boolean) => unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  once(event: 'end' | 'error', listener: (error?: Error) => void): unknown;
  removeAllListeners(): unknown;
  pause(): unknown;
  resume(): unknown;
}

export const readSecret = (
  input: SecretSource,
  prompt: (text: string) => void,
  what = 'application password',
): Promise<string> =>
  new Promise((resolve, reject) => {
    const interactive = Boolean(input.isTTY && input.setRawMode);
    let typed = '';
    const finish = (error?: Error) => {
      if (interactive) {
        input.setRawMode?.(false);
        prompt('\n');
      }
      input.removeAllListeners();
      input.pause();
      if (error) return reject(error);
      const secret = typed.split(/\r?\n/)[0]?.trim() ?? '';
      if (!secret) return reject(usageError(`no ${what} on stdin; pipe it in, or type it when asked`));
      resolve(secret);
    };
    if (interactive) {
      prompt(`${what[0]?.toUpperCase()}${what.slice(1)} (not shown): `);
      input.setRawMode?.(true);
    }
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      if (!interactive) {
        typed += chunk;
        return;
      }
      for (const character of chunk) {
        if (character === '\r' || character === '\n' || character === '\u0004') return finish();
        if (character === '\u0003') return finish(usageError('cancelled'));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    });
    input.once('end', () => finish());
    input.once('error', (error) => finish(error));
    input.resume();
  });
