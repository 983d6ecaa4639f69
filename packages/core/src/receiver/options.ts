import type { HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';

export interface ReceiverOptions {
  /** Largest accepted body in bytes, after gzip/deflate decoding. Default 1 MiB. */
  readonly bodyLimit?: number;
  /** A body still arriving after this many ms gets 408 (slow-loris guard). Default 30 000. */
  readonly bodyTimeoutMs?: number;
  /**
   * Answer with the provider's fallback if handlers have not finished by then; they go on in the
   * background. Default: the provider's own budget (Tencent 1.5 s), or none.
   */
  readonly deadlineMs?: number;
  /** Called with what a handler threw (or what failed in the background after a deadline). */
  readonly onError?: (error: unknown, context: HandlerContext<unknown>) => void | Promise<void>;
  /** Silent by default. */
  readonly logger?: Logger;
  /** Clock for timestamp windows, in ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}
