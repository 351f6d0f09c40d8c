/**
 * What every call across the process boundary answers: a value or a user-presentable error.
 *
 * Errors travel as plain data (a stable code and a plain-language English message that the renderer
 * translates by code) because Electron's `ipcMain.handle` rejections lose everything but a mangled
 * message, and a stack trace must never reach the user.
 */
import { z } from 'zod';

export const errorCodes = [
  'invalid-request',
  'forbidden',
  'not-found',
  'conflict',
  'unreadable',
  'storage',
  'not-supported',
  /** A WordPress site answered badly or not at all; `params.problem` says how (see shared/sites/site-problems.ts). */
  'site',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Values the translated message may interpolate, such as a file path. */
  params: z.record(z.string(), z.string()).optional(),
});

export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, params?: Record<string, string>): Result<never> => ({
  ok: false,
  error: params ? { code, message, params } : { code, message },
});

/** Thrown inside the core to end a call with a specific user-presentable error. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, params?: Record<string, string>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.params = params;
  }

  toAppError(): AppError {
    return this.params
      ? { code: this.code, message: this.message, params: this.params }
      : { code: this.code, message: this.message };
  }
}

export const isResult = (value: unknown): value is Result<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'ok' in value &&
  typeof (value as { ok: unknown }).ok === 'boolean';
