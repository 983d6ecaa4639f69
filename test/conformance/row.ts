import type { Receiver, ReceiverOptions } from '@hookguard/core';

/** What a sender puts on the wire: the query string (Tencent signs there), headers and body. */
export interface Delivery {
  readonly query?: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

/** An answer the matrix expects: the status, then the exact JSON, or just the error code. */
export interface ExpectedAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly code?: string;
}

/** An event body and the name its sender gives it (some senders name it outside the body). */
export interface NamedEvent {
  readonly name: string;
  readonly payload: unknown;
}

/** A handler reply and the exact answer the sender must read for it. */
export interface ReplyForm {
  readonly name: string;
  readonly event: NamedEvent;
  /** The event name (or prefix) the replying handler is registered on. */
  readonly on: string;
  readonly reply: unknown;
  readonly expect: ExpectedAnswer;
}

type Deliver = (body: string, name: string) => Delivery;

/**
 * One sender, as the matrix drives it. Add a provider by adding a row in `rows/` and listing it in
 * `providers.ts`: everything the scenarios need is here, built with that provider's own
 * `@hookguard/core/testing` signer.
 */
export interface ProviderRow {
  readonly name: string;
  readonly path: string;
  receiver(options?: ReceiverOptions): Receiver;
  /** The body bytes exactly as the sender serialises an event. */
  serialise(payload: unknown): string;
  /** An authentic delivery of these exact bytes. */
  readonly deliver: Deliver;
  /** A delivery whose proof does not match, and the 401 code it earns. */
  readonly forged: { readonly deliver: Deliver; readonly code: string };
  /** A delivery with no proof at all, and the 401 code it earns. */
  readonly unsigned: { readonly deliver: Deliver; readonly code: string };
  /** A known event. */
  readonly sample: NamedEvent;
  /** An authentic body that no schema knows: delivered to `unknown` handlers. */
  readonly unknownEvent: NamedEvent;
  /** The answer for `sample` when no handler replies (also the deadline fallback unless given). */
  readonly noReply: ExpectedAnswer;
  /** The answer for `unknownEvent` with no reply; default `noReply`. */
  readonly unknownAnswer?: ExpectedAnswer;
  readonly deadlineFallback?: ExpectedAnswer;
  /** The first one is also sent twice, so its event must carry a delivery key. */
  readonly replies: readonly ReplyForm[];
}

/** Rows drive receivers with event names from data, so their event types are widened here. */
export const widen = (receiver: unknown): Receiver => receiver as Receiver;
