import { parseJsonBody } from './body/parse-json.js';
import { isWebhookError, type WebhookError, WebhookError as WebhookErrorClass } from './errors.js';
import { queryOf } from './http/query.js';
import type { WebhookRequest, WebhookResponse } from './http/types.js';
import type { ParsedEvent, Provider } from './provider.js';

export type VerifyResult<Meta = unknown> =
  | {
      readonly ok: true;
      readonly event: ParsedEvent<Meta>;
      readonly secretIndex: number | undefined;
      /**
       * Set when the request checks the endpoint rather than delivers (Discord's PING, QQ's URL
       * validation): the answer the provider gives it. Run no handler for it; `event` is only what
       * its body parses to.
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
    const event = provider.parse(payload, input);
    const handshake = provider.handshake?.(payload, input);
    if (handshake !== undefined) return { ok: true, event, secretIndex: outcome.secretIndex, handshake };
    return { ok: true, event, secretIndex: outcome.secretIndex };
  } catch (error) {
    if (isWebhookError(error)) return { ok: false, error };
    return {
      ok: false,
      error: new WebhookErrorClass(500, 'INTERNAL_ERROR', 'Internal error', { cause: error }),
    };
  }
}
