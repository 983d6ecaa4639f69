import { createReceiver, onebot, type Receiver, type ReceiverOptions } from '@hookguard/core';
import { onebotFixtures, signOneBot } from '@hookguard/core/testing';

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

/** A handler reply and the exact answer the sender must read for it. */
export interface ReplyForm {
  readonly name: string;
  readonly event: unknown;
  /** The event name the replying handler is registered on. */
  readonly on: string;
  readonly reply: unknown;
  readonly expect: ExpectedAnswer;
}

/**
 * One sender, as the matrix drives it. Add a provider by adding a row: everything the scenarios
 * need is here, built with that provider's own `@hookguard/core/testing` signer.
 */
export interface ProviderRow {
  readonly name: string;
  readonly path: string;
  receiver(options?: ReceiverOptions): Receiver;
  /** The body bytes exactly as the sender serialises an event. */
  serialise(event: unknown): string;
  /** An authentic delivery of these exact bytes. */
  deliver(body: string): Delivery;
  /** A delivery whose proof does not match, and the 401 code it earns. */
  readonly forged: { deliver(body: string): Delivery; readonly code: string };
  /** A delivery with no proof at all, and the 401 code it earns. */
  readonly unsigned: { deliver(body: string): Delivery; readonly code: string };
  /** A known event, with a delivery key so a duplicate is recognisable. */
  readonly sample: unknown;
  /** An authentic body that no schema knows: delivered to `unknown` handlers. */
  readonly unknownEvent: unknown;
  /** The answer when no handler replies, for `sample` (also the deadline fallback unless overridden). */
  readonly noReply: ExpectedAnswer;
  readonly deadlineFallback?: ExpectedAnswer;
  readonly replies: readonly ReplyForm[];
}

/** Rows' receivers are driven with names from data, so their event types are widened here. */
const widen = (receiver: unknown) => receiver as Receiver;

const ONEBOT_SECRET = 'conformance-onebot';

const onebotRow: ProviderRow = {
  name: 'onebot',
  path: '/onebot',
  receiver: (options) => widen(createReceiver(onebot({ secret: ONEBOT_SECRET }), options)),
  serialise: (event) => JSON.stringify(event),
  deliver: (body) => ({ headers: signOneBot(body, ONEBOT_SECRET), body }),
  forged: {
    deliver: (body) => ({ headers: signOneBot(body, 'not-the-secret'), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: onebotFixtures['message.group.normal'],
  unknownEvent: { time: 1700000000, self_id: 10001000, post_type: 'message', message_type: 'channel' },
  noReply: { status: 204 },
  replies: [
    {
      name: 'group quick reply',
      event: onebotFixtures['message.group.normal'],
      on: 'message.group',
      reply: { reply: 'pong', at_sender: true },
      expect: { status: 200, json: { reply: 'pong', at_sender: true } },
    },
    {
      name: 'private quick reply as segments',
      event: onebotFixtures['message.private.friend'],
      on: 'message.private',
      reply: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      expect: {
        status: 200,
        json: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      },
    },
    {
      name: 'friend request approved',
      event: onebotFixtures['request.friend'],
      on: 'request.friend',
      reply: { approve: true },
      expect: { status: 200, json: { approve: true } },
    },
    {
      name: 'group invitation refused with a reason',
      event: onebotFixtures['request.group.invite'],
      on: 'request.group',
      reply: { approve: false, reason: 'no bots here' },
      expect: { status: 200, json: { approve: false, reason: 'no bots here' } },
    },
    {
      name: 'a reply the event cannot carry',
      event: onebotFixtures['notice.friend_add'],
      on: 'notice',
      reply: { reply: 'hi' },
      expect: { status: 500, code: 'INVALID_REPLY' },
    },
  ],
};

export const providerRows: readonly ProviderRow[] = [onebotRow];
