import { jsonResponse } from '../http/responses.js';
import type { WebhookResponse } from '../http/types.js';

// Same body shape as `errorResponse`. These two are answers rather than failures of the request,
// so they are built here instead of thrown; both ask the sender to come back later.
const retryLater = { 'retry-after': '5' };

/** The same delivery is still running elsewhere and did not settle while this duplicate waited. */
export function deliveryInProgressResponse(): WebhookResponse {
  return jsonResponse(
    503,
    {
      error: { code: 'DELIVERY_IN_PROGRESS', message: 'This delivery is still being processed; retry later' },
    },
    retryLater,
  );
}

/** The dedupe store or the inbox could not be reached: refuse rather than risk a double run or a loss. */
export function storeUnavailableResponse(): WebhookResponse {
  return jsonResponse(
    503,
    { error: { code: 'STORE_UNAVAILABLE', message: 'The delivery store is unavailable; retry later' } },
    retryLater,
  );
}
