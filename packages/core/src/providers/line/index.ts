import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedBatch, ParsedEvent, Provider } from '../../provider.js';
import { dottedCandidates, parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { type LineEventName, type LineEventOf, lineEventSchemas } from './events.js';
import { LINE_SIGNATURE_HEADER, verifyLineSignature } from './verify.js';

export interface LineOptions {
  /** The channel secret ("Basic settings" in the LINE Developers Console), or several during a rotation. */
  readonly channelSecret: Secret;
}

/** LINE handlers answer nothing: LINE reads only the status; replies go through the reply API with `replyToken`. */
export type LineEvents = { readonly [N in LineEventName]: EventDef<LineEventOf<N>, never> };

/** Facts of the delivery and event that are not the event's own fields, or repeat them for convenience. */
export interface LineMeta {
  /** The bot's user ID the delivery is for (the body's `destination`). */
  readonly destination: string | undefined;
  /** `deliveryContext.isRedelivery`: LINE sent this event before and got no 2xx (opt-in "Webhook redelivery"). */
  readonly isRedelivery: boolean | undefined;
}

export interface LineProvider extends Provider<LineEvents, LineMeta> {
  readonly eventNames: readonly LineEventName[];
}

const eventNames = Object.keys(lineEventSchemas) as LineEventName[];
// LINE counts a delivery as failed ("request_timeout") when no answer comes within 2 s:
// https://developers.line.biz/en/docs/messaging-api/check-webhook-error-statistics/
const DEADLINE_MS = 1_500;

/**
 * The LINE Messaging API webhook (https://developers.line.biz/en/reference/messaging-api/#webhooks):
 * `{ destination, events: [...] }`, signed in `x-line-signature`. Each event is dispatched on its
 * own (`message.text`, `follow`, `postback`, ...) and deduped on its `webhookEventId`; the console's
 * "Verify" button sends `events: []`, answered 200 with no handler run.
 */
export function line(options: LineOptions): LineProvider {
  const secrets = secretList(options?.channelSecret, 'line(): channelSecret');
  if (secrets.length === 0) {
    throw new TypeError(
      'hookguard line(): a channelSecret is required (LINE Developers Console, "Basic settings")',
    );
  }
  function parseEvent(item: unknown, destination: string | undefined): ParsedEvent<LineMeta> {
    const event = item as { type?: unknown; message?: { type?: unknown }; webhookEventId?: unknown } | null;
    const id = event?.webhookEventId;
    const redelivery = (event as { deliveryContext?: { isRedelivery?: unknown } } | null)?.deliveryContext
      ?.isRedelivery;
    return parsedEvent(
      resolveEvent(lineEventSchemas, dottedCandidates(nameParts(event)), item),
      typeof id === 'string' && id !== '' ? id : undefined,
      { destination, isRedelivery: typeof redelivery === 'boolean' ? redelivery : undefined },
    );
  }
  return {
    name: 'line',
    proofNames: { headers: [LINE_SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs: DEADLINE_MS,
    verify: (input) => verifyLineSignature(secrets, input),
    /** One event object of `events[]` (a body without that array is read as one event: `unknown`). */
    parse: (payload) => parseEvent(payload, undefined),
    /** The console's "Verify" button: a signed delivery with no events, answered by the provider. */
    handshake: (payload) => (eventsOf(payload)?.length === 0 ? emptyResponse(200) : undefined),
    parseBatch(payload): ParsedBatch<LineMeta> | undefined {
      const body = payload as { destination?: unknown; events?: unknown } | null;
      if (typeof body !== 'object' || body === null || !Array.isArray(body.events)) return undefined;
      const destination = typeof body.destination === 'string' ? body.destination : undefined;
      return { events: body.events.map((item) => parseEvent(item, destination)), answer: emptyResponse(200) };
    },
    respond(reply) {
      if (reply !== undefined && reply !== null) {
        throw new TypeError(
          'line: handlers cannot reply; LINE reads only the status (reply with the Messaging API and the replyToken)',
        );
      }
      return emptyResponse(200);
    },
  };
}

/** `message.text` for a message event (its `message.type`), the bare `type` for every other. */
function nameParts(event: { type?: unknown; message?: { type?: unknown } } | null): unknown[] {
  return event?.type === 'message' ? ['message', event.message?.type] : [event?.type];
}

/** The body's `events` array, or undefined for a body that has none. */
function eventsOf(payload: unknown): readonly unknown[] | undefined {
  const events = (payload as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events : undefined;
}
