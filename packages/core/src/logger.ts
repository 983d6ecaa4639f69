/** Structured logger; pino, console and most others fit. Fields never hold secrets or bodies. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const nothing = () => {};

/** The default: hookguard prints nothing unless asked to. */
export const silentLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing };

/** Prefixes every line with `[hookguard]` and writes to the console. */
export const consoleLogger: Logger = {
  debug: (message, fields) => console.debug(`[hookguard] ${message}`, fields ?? ''),
  info: (message, fields) => console.info(`[hookguard] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[hookguard] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[hookguard] ${message}`, fields ?? ''),
};
