import type { VerificationError, WebhookError } from './errors.js';
import type { EventMap, SchemaIssue } from './event-map.js';
import type { WebhookHeaders, WebhookResponse } from './http/types.js';

/** Everything a provider may look at to decide whether a request is authentic. */
export interface VerifyInput {
  /** Upper-case; one of the provider's `methods`. */
  readonly method: string;
  /**
   * The request path as the adapter received it (the mount prefix included, percent-encoding
   * kept), for senders that put an id in it (Matrix's `/transactions/{txnId}`): match its end.
   */
  readonly path: string;
  readonly headers: WebhookHeaders;
  readonly query: URLSearchParams;
  readonly body: Uint8Array;
  /** Milliseconds since the epoch, from the receiver's injectable clock. */
  readonly now: number;
  readonly remoteAddress?: string | undefined;
}

export type VerifyOutcome =
  | { readonly ok: true; readonly secretIndex: number | undefined }
  | { readonly ok: false; readonly error: VerificationError };

/** A verified body, named and typed. `known: false` bodies go to `unknown` handlers. */
export interface ParsedEvent<Meta = unknown> {
  readonly name: string;
  readonly known: boolean;
  readonly payload: unknown;
  /** zod issues for an unknown event. */
  readonly issues: readonly SchemaIssue[];
  /** Dedupe key for this delivery; absent when the sender gives nothing stable. */
  readonly deliveryKey: string | undefined;
  /**
   * The bytes dedupe compares for a delivery with a known key, when they are not the raw body:
   * a sender that encrypts each push afresh (Feishu, WeCom, WeChat's safe mode) sends a retry as other bytes, so its
   * decrypted body stands in. Default: the raw body.
   */
  readonly dedupeBytes?: Uint8Array | undefined;
  readonly meta: Meta;
}

/**
 * One verified delivery that carries several events (LINE's `events[]`, Meta's
 * `entry[].changes[]`, Matrix's `events[]`). The receiver dispatches each event on its own, in
 * order, with its own dedupe key; the delivery gets one answer.
 */
export interface ParsedBatch<Meta = unknown> {
  /** The events in the order the sender lists them; empty for a delivery that carries none. */
  readonly events: readonly ParsedEvent<Meta>[];
  /**
   * The delivery's one answer once its events ran, at once for an empty batch (LINE's console
   * "Verify"), and the deadline's fallback. Batched senders read only the status: no event owns it.
   */
  readonly answer: WebhookResponse;
}

/**
 * Where a sender's proof travels on the request: its signature or shared token, and anything
 * else that would let a reader forge a delivery. Never stored by an inbox.
 */
export interface ProofNames {
  /** Header names, lower-case. */
  readonly headers: readonly string[];
  /** Query-string parameter names (stripped whatever their case). */
  readonly query: readonly string[];
}

/**
 * A sender, described as pure functions: the core holds no sender-specific branches.
 * `verify` must not throw; `parse` may throw a `WebhookError` (for checks that need the body,
 * such as Tencent's CallbackCommand match); `respond` turns the handler's reply (or `undefined`)
 * into the answer the sender reads and throws a `TypeError` for a reply the event cannot carry.
 */
export interface Provider<M extends EventMap = EventMap, Meta = unknown> {
  readonly name: string;
  /**
   * The headers and query parameters `verify` reads its proof from. Required, so a new sender
   * cannot forget it: an inbox strips exactly these before it stores a delivery (a name pattern
   * is only a second net, and misses `?code=` or `x-webhook-key`). Empty lists for a sender
   * that proves nothing.
   */
  readonly proofNames: ProofNames;
  /**
   * The HTTP methods this sender uses, upper-case; default `['POST']`. Anything else is a 405
   * whose `Allow` lists exactly these. A bodiless method (GET, HEAD) skips the Content-Type check
   * and decoding: `verify` sees an empty body and only `handshake` can answer it.
   */
  readonly methods?: readonly string[] | undefined;
  verify(input: VerifyInput): VerifyOutcome;
  parse(payload: unknown, input: VerifyInput): ParsedEvent<Meta>;
  /**
   * Turns the verified bytes into the payload `parse` receives, for senders that wrap their JSON
   * (GitHub's form-encoded `payload=`). Throws a `BodyError` for bytes it cannot read.
   * Default: strict UTF-8 JSON.
   */
  decode?(input: VerifyInput): unknown;
  respond(reply: unknown, event: ParsedEvent<Meta>): WebhookResponse;
  /**
   * For senders that batch: the decoded body → its events, each parsed on its own (a provider
   * usually calls its own `parse` per item, with the envelope's facts in `meta`). Called after
   * `handshake` and instead of `parse`; undefined for a body that is one event. A batched
   * event's handlers cannot reply: `respond(reply, event)` still checks what they return, and
   * should throw for anything but `undefined`.
   */
  parseBatch?(payload: unknown, input: VerifyInput): ParsedBatch<Meta> | undefined;
  /**
   * Answers a request the sender makes to check the endpoint rather than to deliver (Discord's PING,
   * QQ's callback URL validation, Slack's `url_verification`), given the decoded body of a request
   * that passed `verify`. The receiver writes the answer back as it is: no handler runs, no dedupe
   * record is kept, nothing is enqueued. Returns undefined for an ordinary delivery.
   */
  handshake?(payload: unknown, input: VerifyInput): WebhookResponse | undefined;
  /** Whether a Content-Type is acceptable; default: JSON or absent. */
  acceptsContentType?(contentType: string | undefined): boolean;
  /** The sender's ack budget: past it, `respond(undefined)` (or `fallback`) answers and handlers go on. */
  readonly deadlineMs?: number | undefined;
  fallback?(event: ParsedEvent<Meta>): WebhookResponse;
  /**
   * Headers added to every error answer for a request that passed `verify` (a handler failure, a
   * bad reply, an undecodable body): Slack's `x-slack-no-retry: 1` for apps that opt out of
   * retries. Refusals before it (401, 413, 415, 503) never carry them, so a forged request learns
   * nothing and a delivery refused while shutting down is still retried.
   */
  readonly failureHeaders?: Readonly<Record<string, string>> | undefined;
  /**
   * The body of every error answer, for a sender that reads errors in its own form (Matrix's
   * `{"errcode": "M_FORBIDDEN", "error": "…"}`); default `{"error": {"code", "message"}}`. Given the
   * refusal or failure, it keeps its status and headers. Must not throw.
   */
  errorResponse?(error: WebhookError): WebhookResponse;
  /** Configuration hazards (a well-known default secret, ...) that the receiver logs once at warn level. */
  readonly configWarnings?: readonly string[] | undefined;
  /** Full event names, so `on()` can refuse a name that can never match. */
  readonly eventNames?: readonly string[] | undefined;
  /** Type-level only: carries the event map and meta type to `createReceiver`. */
  readonly '~types'?: { readonly events: M; readonly meta: Meta } | undefined;
}

export type EventsOf<P> = P extends Provider<infer M, unknown> ? M : never;
export type MetaOf<P> = P extends Provider<EventMap, infer Meta> ? Meta : never;
