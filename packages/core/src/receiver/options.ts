import type { DedupeSetting } from '../dedupe/options.js';
import type { EventMap, HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';
import type { Inbox } from './inbox.js';
import type { LateReply } from './late-reply.js';

/**
 * - `reply`: answer after the handlers ran, carrying their reply (OneBot quick operations,
 *   Tencent's before-send decisions). Past the deadline the provider's fallback answers.
 * - `ack-first`: answer the provider's no-reply 2xx at once and run handlers afterwards; with an
 *   `inbox`, the delivery is stored durably before the 2xx and workers run it.
 */
export type ReceiverMode = 'reply' | 'ack-first';

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
  /** Default `reply`, or `ack-first` when an `inbox` is given (the only mode an inbox allows). */
  readonly mode?: ReceiverMode;
  /**
   * Run a delivery once per delivery key: a duplicate gets the first answer, a concurrent one
   * waits for the first, a failed one is forgotten so the sender's retry runs it. On by default
   * with a bounded in-memory store; pass a shared store for several instances, or `false`.
   */
  readonly dedupe?: DedupeSetting;
  /** Durable queue for ack-first deliveries (`redisInbox` from `@hookguard/redis`). */
  readonly inbox?: Inbox;
  /** Called with what a handler threw (or what failed in the background after a deadline). */
  readonly onError?: (error: unknown, context: HandlerContext<unknown>) => void | Promise<void>;
  /**
   * Called with a reply no sender will read: returned after the deadline's fallback answered, or
   * in ack-first mode. Send it another way here (Discord: edit the deferred message with the
   * interaction token). Without it, such replies are logged as not sent.
   */
  // A method (checked both ways), so an object typed plain `ReceiverOptions` fits every receiver.
  onLateReply?(late: LateReply): void | Promise<void>;
  /**
   * Where refusals, handler failures, schema mismatches and store outages are reported. Default
   * `stderrLogger`: `warn` and `error` to stderr with a `[hookguard]` prefix, nothing for
   * `debug`/`info`. Pass `silentLogger` to turn it off, or your own (pino, `fastifyLogger(app.log)`).
   */
  readonly logger?: Logger;
  /** Clock for timestamp windows, in ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * What `createReceiver` takes: the options, with `onLateReply` typed by the provider's events, so
 * `late.name === 'application_command'` narrows `late.event` and `late.reply`.
 */
export type ReceiverOptionsFor<M extends EventMap, Meta> = Omit<ReceiverOptions, 'onLateReply'> & {
  onLateReply?(late: LateReply<M, Meta>): void | Promise<void>;
};

export function resolveMode(options: Pick<ReceiverOptions, 'mode' | 'inbox'>): ReceiverMode {
  if (options.mode !== undefined && options.mode !== 'reply' && options.mode !== 'ack-first') {
    throw new TypeError(`hookguard createReceiver(): mode must be 'reply' or 'ack-first'`);
  }
  if (options.inbox !== undefined && options.mode === 'reply') {
    throw new TypeError(
      "hookguard createReceiver(): an inbox answers before handlers run, so it needs mode 'ack-first'",
    );
  }
  return options.mode ?? (options.inbox ? 'ack-first' : 'reply');
}
