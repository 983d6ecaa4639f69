import type { z } from 'zod';
import type { WebhookHeaders } from './http/types.js';

/**
 * A provider describes its events as a map from full dotted name (`message.group.normal`) to the
 * event type a handler receives and the reply type it may return (`never` = no reply possible).
 */
export interface EventDef<TEvent, TReply> {
  readonly event: TEvent;
  readonly reply: TReply;
}

export type EventMap = { readonly [name: string]: EventDef<unknown, unknown> };

export type SchemaIssue = z.core.$ZodIssue;

/** An authentic body that no schema recognised: delivered, never dropped, with the reasons. */
export interface UnknownEvent {
  /** The dotted name the body would have had (`notice.group_ban.new_kind`), if one could be read. */
  readonly name: string | undefined;
  readonly payload: unknown;
  readonly issues: readonly SchemaIssue[];
}

type LeafName<M> = keyof M & string;

/** `a.b.c` → `a` | `a.b` | `a.b.c` */
type PrefixesOf<S extends string> = S extends `${infer Head}.${infer Rest}`
  ? Head | `${Head}.${PrefixesOf<Rest>}`
  : S;

/** Every name `on()` accepts: a full name, any dotted prefix of one, `*`, or `unknown`. */
export type EventName<M> = PrefixesOf<LeafName<M>> | '*' | 'unknown';

/**
 * The full names a handler registered on `K` receives. An open map (a string index signature, for
 * senders described without schemas) has no list of leaves: the name itself is the leaf.
 */
export type LeavesOf<M, K extends string> = K extends '*'
  ? LeafName<M>
  : string extends LeafName<M>
    ? K
    : { [L in LeafName<M>]: L extends K | `${K}.${string}` ? L : never }[LeafName<M>];

type EventAt<M, L> = L extends keyof M ? (M[L] extends EventDef<infer E, unknown> ? E : never) : never;
type ReplyAt<M, L> = L extends keyof M ? (M[L] extends EventDef<unknown, infer R> ? R : never) : never;

/** The event type a handler on `K` receives: the union of every event under that prefix. */
export type EventOf<M, K extends string> = K extends 'unknown'
  ? UnknownEvent
  : K extends '*'
    ? EventAt<M, LeafName<M>> | UnknownEvent
    : EventAt<M, LeavesOf<M, K>>;

/** What a handler on `K` may return: a reply valid for one of its events, or nothing. */
export type ReplyOf<M, K extends string> = K extends 'unknown' ? never : ReplyAt<M, LeavesOf<M, K>>;

export interface HandlerContext<Meta = unknown> {
  /** The event's full dotted name, or `unknown`. */
  readonly name: string;
  /** The provider's name (`onebot`, `whatsapp`, ...). */
  readonly provider: string;
  /** The sender's id for this delivery, used for dedupe (absent when the sender gives none). */
  readonly deliveryKey: string | undefined;
  /** Which configured secret matched (0 = the first; `undefined` when unsigned). */
  readonly secretIndex: number | undefined;
  readonly headers: WebhookHeaders;
  readonly query: URLSearchParams;
  /** Sender facts that are not in the body (`selfId` from X-Self-ID, Tencent's `clientIp`, ...). */
  readonly meta: Meta;
  /** `now()` when the request was verified, in milliseconds. */
  readonly receivedAt: number;
  /** Aborted when the ack deadline passes, so long work can stop or go on knowingly. */
  readonly signal: AbortSignal;
}

// `void` is allowed on purpose: `(event) => log(event)` must compile where no reply is possible,
// and an object returned for such an event is still an error (void accepts only undefined).
// biome-ignore lint/suspicious/noConfusingVoidType: a handler may end in a call that returns void
type HandlerResult<R> = R | void | undefined;

export type Handler<M, Meta, K extends string> = (
  event: EventOf<M, K>,
  context: HandlerContext<Meta>,
) => HandlerResult<ReplyOf<M, K>> | Promise<HandlerResult<ReplyOf<M, K>>>;
