import { parseJsonBody } from './body/parse-json.js';
import { isWebhookError, type WebhookError, WebhookError as WebhookErrorClass } from './errors.js';
import { queryOf } from './http/query.js';
import type { WebhookRequest } from './http/types.js';
import type { ParsedEvent, Provider } from './provider.js';

export type VerifyResult<Meta = unknown> =
  | {
      readonly ok: true;
      /**
       * The event; for a batched sender (LINE), its first event, or the whole body read as one
       * (unknown) event when it carries none.
       */
      readonly event: ParsedEvent<Meta>;
      /** Every event the delivery carries, in order: `[event]`, or a batched sender's events. */
      readonly events: readonly ParsedEvent<Meta>[];
      readonly secretIndex: number | undefined;
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
    const input = {
      method: request.method,
      headers: request.headers,
      query: queryOf(request.url),
      body: request.body,
      now: (options.now ?? Date.now)(),
      remoteAddress: request.remoteAddress,
    };
    const outcome = provider.verify(input);
    if (!outcome.ok) return { ok: false, error: outcome.error };
    const payload = provider.decode ? provider.decode(input) : parseJsonBody(request.body);
    const batch = provider.parseBatch?.(payload, input);
    if (batch === undefined) {
      const event = provider.parse(payload, input);
      return { ok: true, event, events: [event], secretIndex: outcome.secretIndex };
    }
    const event = batch.events[0] ?? provider.parse(payload, input);
    return { ok: true, event, events: batch.events, secretIndex: outcome.secretIndex };
  } catch (error) {
    if (isWebhookError(error)) return { ok: false, error };
    return {
      ok: false,
      error: new WebhookErrorClass(500, 'INTERNAL_ERROR', 'Internal error', { cause: error }),
    };
  }
}
