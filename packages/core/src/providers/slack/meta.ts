import { headerValue } from '../../http/headers.js';
import type { WebhookHeaders } from '../../http/types.js';
import { SLACK_TIMESTAMP_HEADER } from './verify.js';

/** Delivery facts Slack sends as headers. https://docs.slack.dev/apis/events-api/#retries */
export interface SlackMeta {
  /** `X-Slack-Request-Timestamp`: the Unix time in seconds that Slack signed with the body. */
  readonly timestamp: string | undefined;
  /** `X-Slack-Retry-Num`: 1, 2 or 3 on a retry of an event, absent on the first attempt. */
  readonly retryNum: number | undefined;
  /** `X-Slack-Retry-Reason`: why Slack retried (`http_timeout`, `http_error`, ...). */
  readonly retryReason: string | undefined;
}

export function slackMeta(headers: WebhookHeaders): SlackMeta {
  const retry = headerValue(headers, 'x-slack-retry-num');
  return {
    timestamp: headerValue(headers, SLACK_TIMESTAMP_HEADER),
    retryNum: retry !== undefined && /^\d{1,3}$/.test(retry) ? Number(retry) : undefined,
    retryReason: headerValue(headers, 'x-slack-retry-reason'),
  };
}
