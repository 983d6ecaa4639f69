import { BodyError } from '../../errors.js';
import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import { SSL_CHECK } from './decode.js';

/**
 * Slack's endpoint checks, answered without a handler:
 *
 * - `url_verification` (JSON, signed), sent when the Request URL is saved: Slack accepts the
 *   `challenge` back as plain text, a form or JSON; the answer is `{"challenge":"…"}`, the form
 *   Slack's own Bolt SDK answers with. https://docs.slack.dev/reference/events/url_verification
 * - `ssl_check=1` (a form, unsigned by Slack's design): a 200 with an empty body.
 */
export function slackHandshake(payload: unknown): WebhookResponse | undefined {
  if (payload === SSL_CHECK) return emptyResponse(200);
  if (typeof payload !== 'object' || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  if (body['type'] !== 'url_verification') return undefined;
  const challenge = body['challenge'];
  if (typeof challenge !== 'string' || challenge === '') {
    // Never a delivery: a check that cannot be answered must not reach handlers either.
    throw new BodyError(400, 'INVALID_JSON', 'A url_verification needs its challenge as a string');
  }
  return jsonResponse(200, { challenge });
}
