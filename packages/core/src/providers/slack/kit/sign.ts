import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';
import { SLACK_INTERACTIVITY_TYPES } from '../events.js';

export interface SlackSigning {
  /** The app's Signing Secret. */
  readonly signingSecret: string;
  /** `X-Slack-Request-Timestamp`, Unix seconds. Default: the current time. */
  readonly timestamp?: number | string;
}

const FORM = 'application/x-www-form-urlencoded';
export const SLACK_USER_AGENT = 'Slackbot 1.0 (+https://api.slack.com/robots)';

/**
 * The two headers Slack attaches: `v0=` hex HMAC-SHA256 of `v0:<timestamp>:<body bytes>` keyed with
 * the Signing Secret as text. https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export function signSlack(body: string | Uint8Array, signing: SlackSigning): Record<string, string> {
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = hmacDigest('sha256', signing.signingSecret, [`v0:${timestamp}:`, body]).toString('hex');
  return { 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': `v0=${signature}` };
}

/**
 * Slack's JSON has `/` and every non-ASCII character escaped (`https:\/\/…`, `\ud83e\udd28`);
 * bytes that differ from `JSON.stringify`'s, so a receiver that re-serialises fails on them.
 */
export function slackJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[/\u0080-\uffff]/g, (char) =>
    char === '/' ? '\\/' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The body Slack posts for a payload: interactivity as a form with the JSON in `payload`, a slash
 * command or the SSL probe as plain form fields, Events API bodies as JSON.
 */
export function slackBody(payload: unknown): { readonly contentType: string; readonly text: string } {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  if (SLACK_INTERACTIVITY_TYPES.includes(body['type'] as string)) {
    return { contentType: FORM, text: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
  }
  if (
    body['type'] === undefined &&
    (typeof body['command'] === 'string' || body['ssl_check'] !== undefined)
  ) {
    const fields = Object.entries(body).map(([name, value]): [string, string] => [name, String(value)]);
    return { contentType: FORM, text: new URLSearchParams(fields).toString() };
  }
  return { contentType: 'application/json', text: slackJson(payload) };
}

/** Form bodies start with a field name; JSON never does (`true`, `false` and `null` have no `=`). */
export function slackContentTypeOf(body: Uint8Array): string {
  const first = body[0] ?? 0;
  const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a);
  return letter && body.includes(0x3d) ? FORM : 'application/json';
}

/**
 * A request as Slack posts it to a Request URL (see `slackBody`; a string or bytes are sent as
 * they are), signed. Headers lower-case, as adapters hand them to the receiver.
 */
export function slackRequest(payload: unknown, signing: SlackSigning, url = '/slack'): WebhookRequest {
  const bytes =
    payload instanceof Uint8Array
      ? payload
      : Buffer.from(typeof payload === 'string' ? payload : slackBody(payload).text);
  const signed = signSlack(bytes, signing);
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': slackContentTypeOf(bytes),
      'user-agent': SLACK_USER_AGENT,
      'x-slack-request-timestamp': signed['X-Slack-Request-Timestamp'] as string,
      'x-slack-signature': signed['X-Slack-Signature'] as string,
    },
    body: bytes,
  };
}
