import type { WebhookError } from '../errors.js';
import { errorResponse } from '../http/responses.js';
import type { WebhookResponse } from '../http/types.js';
import type { Provider } from '../provider.js';

/** Writes an error in the sender's form when the provider has one (Matrix), else in hookguard's. */
export type ErrorAnswer = (error: WebhookError) => WebhookResponse;

export function errorAnswerOf(provider: Pick<Provider, 'errorResponse'>): ErrorAnswer {
  const own = provider.errorResponse?.bind(provider);
  return own ?? errorResponse;
}
