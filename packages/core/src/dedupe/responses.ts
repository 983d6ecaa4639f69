import { WebhookError } from '../errors.js';
import { errorResponse } from '../http/responses.js';
import type { WebhookResponse } from '../http/types.js';

// These two are answers rather than failures of the request, so they are built here instead of
// thrown; both ask the sender to come back later.
const retryLater = { 'retry-after': '5' };

/** The same delivery is still running elsewhere and did not settle while this duplicate waited. */
export function deliveryInProgressResponse(): WebhookResponse {
  return errorResponse(
    new WebhookError(503, 'DELIVERY_IN_PROGRESS', 'This delivery is still being processed; retry later', {
      headers: retryLater,
    }),
  );
}

/** The dedupe store or the inbox could not be reached: refuse rather than risk a double run or a loss. */
export function storeUnavailableResponse(): WebhookResponse {
  return errorResponse(
    new WebhookError(503, 'STORE_UNAVAILABLE', 'The delivery store is unavailable; retry later', {
      headers: retryLater,
    }),
  );
}
