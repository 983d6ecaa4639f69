import type { CliIo, OutputStream } from './cli-io.js';

export interface Paint {
  readonly enabled: boolean;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * Colour only for a terminal: a pipe or a file gets plain text, and NO_COLOR (any non-empty
 * value, per no-color.org) turns it off everywhere. FORCE_COLOR turns it on for a pipe.
 */
export function colourEnabled(stream: OutputStream, env: CliIo['env']): boolean {
  if (env['NO_COLOR']) return false;
  if (env['FORCE_COLOR'] && env['FORCE_COLOR'] !== '0') return true;
  return stream.isTTY === true;
}

const wrap = (enabled: boolean, open: number, close: number) => (text: string) =>
  enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

export function createPaint(enabled: boolean): Paint {
  return {
    enabled,
    green: wrap(enabled, 32, 39),
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
    dim: wrap(enabled, 2, 22),
    bold: wrap(enabled, 1, 22),
  };
}

/** Removes the escapes `createPaint` adds, to measure a cell's visible width. */
export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the ESC byte is the point
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
