import type { OutputStream } from './cli-io.js';

export interface Progress {
  update(done: number, total: number, label?: string): void;
  clear(): void;
}

/**
 * A single rewritten status line on a terminal (stderr, so piped stdout stays clean); nothing at
 * all when stderr is not a terminal, where `\r` would only litter a log file.
 */
export function createProgress(stream: OutputStream, enabled = stream.isTTY === true): Progress {
  if (!enabled) return { update() {}, clear() {} };
  let shown = false;
  return {
    update(done, total, label = '') {
      const text = `  ${done}/${total} ${label}`;
      const width = (stream.columns ?? 80) - 1;
      stream.write(`\r\u001b[2K${text.length > width ? text.slice(0, width) : text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
