import { WebhookError } from '../errors.js';

// These two are answers rather than failures of the request: the caller returns them in the
// sender's error form instead of throwing them, so a provider's failure headers (Slack's
// `X-Slack-No-Retry`) never reach them. Both ask the sender to come back later.
const retryLater = { 'retry-after': '5' };

/** The same delivery is still running elsewhere and did not settle while this duplicate waited. */
export function deliveryInProgressError(): WebhookError {
  return new WebhookError(
    503,
    'DELIVERY_IN_PROGRESS',
    'This delivery is still being processed; retry later',
    {
      headers: retryLater,
    },
  );
}

/** The dedupe store or the inbox could not be reached: refuse rather than risk a double run or a loss. */
export function storeUnavailableError(): WebhookError {
  return new WebhookError(503, 'STORE_UNAVAILABLE', 'The delivery store is unavailable; retry later', {
    headers: retryLater,
  });
}
