import { parseJsonBody } from './body/parse-json.js';
import { WebhookError } from './errors.js';
import { pathOf } from './http/path.js';
import { queryOf } from './http/query.js';
import type { WebhookRequest } from './http/types.js';
import type { Provider, VerifyInput } from './provider.js';

/** What a provider takes when it declares nothing: webhooks are POSTed. */
export const DEFAULT_METHODS: readonly string[] = ['POST'];

/**
 * Requests that carry no body by HTTP's rules: no Content-Type to check, no payload to decode.
 * A provider that takes one (Meta's GET subscription check, WeCom's GET URL check) answers it
 * as a handshake.
 */
export function isBodilessMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** The one place a request becomes what `Provider.verify` sees. */
export function verifyInputOf(request: WebhookRequest, now: number): VerifyInput {
  return {
    method: request.method.toUpperCase(),
    path: pathOf(request.url),
    headers: request.headers,
    query: queryOf(request.url),
    body: request.body,
    now,
    remoteAddress: request.remoteAddress,
  };
}

/**
 * The payload of a request that passed `verify`: the provider's `decode`, or strict UTF-8 JSON;
 * `undefined` for a bodiless method, whose only possible answer is the provider's handshake.
 */
export function decodeVerified(provider: Pick<Provider, 'decode'>, input: VerifyInput): unknown {
  if (isBodilessMethod(input.method)) return undefined;
  return provider.decode ? provider.decode(input) : parseJsonBody(input.body);
}

/** A verified GET that the provider's handshake did not answer: there is no delivery in it. */
export function notADelivery(input: VerifyInput): WebhookError {
  return new WebhookError(
    400,
    'NOT_A_DELIVERY',
    `A ${input.method} request carries no delivery; only the sender's endpoint check is answered`,
  );
}
