import { isWebhookError, type WebhookError, WebhookError as WebhookErrorClass } from './errors.js';
import type { WebhookRequest, WebhookResponse } from './http/types.js';
import type { ParsedEvent, Provider } from './provider.js';
import { decodeVerified, isBodilessMethod, notADelivery, verifyInputOf } from './verify-input.js';

export type VerifyResult<Meta = unknown> =
  | {
      readonly ok: true;
      /**
       * The event; for a batched sender (LINE), its first event, or the whole body read as one
       * (unknown) event when it carries none.
       */
      readonly event: ParsedEvent<Meta>;
      /**
       * Every event the delivery carries, in order: `[event]`, a batched sender's events, or none
       * for a handshake.
       */
      readonly events: readonly ParsedEvent<Meta>[];
      readonly secretIndex: number | undefined;
      /**
       * Set when the request checks the endpoint rather than delivers (Discord's PING, QQ's URL
       * validation): the answer the provider gives it. Run no handler for it; `event` is then
       * its decoded body as an unknown event, and `events` is empty.
       */
      readonly handshake?: WebhookResponse;
    }
  | { readonly ok: false; readonly error: WebhookError };

/**
 * The low-level entry: checks the proof over the exact bytes and parses the event, with no
 * handlers and no HTTP. For queue consumers, serverless glue and tests.
 */
export async function verify<Meta>(
  provider: Provider<never, Meta> | Provider<import('./event-map.js').EventMap, Meta>,
  request: WebhookRequest,
  options: { now?: () => number } = {},
): Promise<VerifyResult<Meta>> {
  try {
    const input = verifyInputOf(request, (options.now ?? Date.now)());
    const outcome = provider.verify(input);
    if (!outcome.ok) return { ok: false, error: outcome.error };
    const payload = decodeVerified(provider, input);
    const secretIndex = outcome.secretIndex;
    const handshake = provider.handshake?.(payload, input);
    // A handshake carries no event for handlers, and its body need not parse as one (Slack's
    // ssl_check): the receiver never parses it either.
    if (handshake !== undefined) {
      return { ok: true, event: unparsed<Meta>(payload), events: [], secretIndex, handshake };
    }
    if (isBodilessMethod(input.method)) return { ok: false, error: notADelivery(input) };
    const batch = provider.parseBatch?.(payload, input);
    const event = batch?.events[0] ?? provider.parse(payload, input);
    return { ok: true, event, events: batch?.events ?? [event], secretIndex };
  } catch (error) {
    if (isWebhookError(error)) return { ok: false, error };
    return {
      ok: false,
      error: new WebhookErrorClass(500, 'INTERNAL_ERROR', 'Internal error', { cause: error }),
    };
  }
}

/** A handshake's body, as an event no handler runs for. */
function unparsed<Meta>(payload: unknown): ParsedEvent<Meta> {
  return {
    name: 'unknown',
    known: false,
    payload,
    issues: [],
    deliveryKey: undefined,
    meta: undefined as Meta,
  };
}
