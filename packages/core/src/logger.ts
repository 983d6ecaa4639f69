/** Structured logger; pino, console and most others fit. Fields never hold secrets or bodies. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const nothing = () => {};

/** Prints nothing: `logger: silentLogger` turns hookguard's default warnings off. */
export const silentLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing };

/**
 * The default logger. `warn` and `error` mean a delivery was refused, lost or is at risk (a
 * handler threw, Redis is down, a body failed its schema), so they go to stderr as one line each:
 * `[hookguard] warn: webhook refused provider=onebot code=SIGNATURE_MISMATCH`. `debug` and
 * `info` are dropped. Goes through `console`, so it also works where there is no `process`
 * (Workers, Deno).
 */
export const stderrLogger: Logger = {
  debug: nothing,
  info: nothing,
  warn: (message, fields) => console.warn(`[hookguard] warn: ${message}${formatFields(fields)}`),
  error: (message, fields) => console.error(`[hookguard] error: ${message}${formatFields(fields)}`),
};

/** Prefixes every line with `[hookguard]` and writes every level to the console. */
export const consoleLogger: Logger = {
  debug: (message, fields) => console.debug(`[hookguard] ${message}`, fields ?? ''),
  info: (message, fields) => console.info(`[hookguard] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[hookguard] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[hookguard] ${message}`, fields ?? ''),
};

/** ` key=value` pairs on the same line; anything with spaces, quotes or newlines is JSON-quoted. */
export function formatFields(fields: Record<string, unknown> | undefined): string {
  if (fields === undefined) return '';
  let text = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) text += ` ${key}=${formatValue(value)}`;
  }
  return text;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[\w.:/@+-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle or a throwing toJSON: the line still gets written, without this field's value.
    return '[unprintable]';
  }
}
