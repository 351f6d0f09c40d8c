/**
 * A deliberately small logging seam. Fields are structured so secrets can be kept out by
 * construction: callers pass named fields, never whole request payloads.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const describe = (fields?: Record<string, unknown>): string => {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([key, value]) => {
    const text = value instanceof Error ? value.message : JSON.stringify(value);
    return `${key}=${text}`;
  });
  return parts.length ? ` ${parts.join(' ')}` : '';
};

/** Writes to stderr so stdout stays free for data (the CLI and the web bridge's start line). */
export const consoleLogger: Logger = {
  info: (message, fields) => process.stderr.write(`[info] ${message}${describe(fields)}\n`),
  warn: (message, fields) => process.stderr.write(`[warn] ${message}${describe(fields)}\n`),
  error: (message, fields) => process.stderr.write(`[error] ${message}${describe(fields)}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
