import type { WebhookResponse } from '../../http/types.js';
import type { VerifyInput } from '../../provider.js';

/**
 * Meta's subscription check, once its verify token passed: `GET ?hub.mode=subscribe&
 * hub.challenge=<n>&hub.verify_token=<token>` answered 200 with the challenge exactly, as plain
 * text (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests).
 * `nosniff`, so no browser reads the echoed text as anything but text. A POST is no check.
 */
export function whatsappCloudHandshake(input: VerifyInput): WebhookResponse | undefined {
  if (input.method !== 'GET') return undefined;
  const challenge = input.query.get('hub.challenge');
  if (input.query.get('hub.mode') !== 'subscribe' || challenge === null || challenge === '') return undefined;
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: challenge,
  };
}
