import { isFormContentType, readFormBody } from '../../body/form.js';
import { matchHmac } from '../../crypto/hmac.js';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';

/**
 * Slack's proof: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" +
 * raw body)>`, with the timestamp from `X-Slack-Request-Timestamp`. The secret is used as the text
 * it is shown as, not hex-decoded.
 * https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';
export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';

const VERSION = 'v0';
const PREFIX = `${VERSION}=`;
const FORMAT = 'X-Slack-Signature must be "v0=<64 hex digits>"';
// Slack's guide drops requests more than five minutes old as possible replays.
const PAST_MS = 5 * 60_000;
const DIGITS = /^\d{1,16}$/;

export interface SlackWindow {
  /** How far ahead of our clock a timestamp may be (Slack's clock, or ours, running fast). */
  readonly futureMs: number;
}

/**
 * Slack's `ssl_check=1` probe, which Slack sends unsigned by design: a form whose `ssl_check`
 * field is `1`. `verify` lets exactly these through without a signature, and `decode` turns every
 * one of them, signed or not, into the probe marker the handshake answers, whatever else the form
 * carries: an unsigned request can get a 200 and nothing more.
 * https://docs.slack.dev/interactivity/implementing-slash-commands
 */
export function isSslCheck(input: VerifyInput): boolean {
  if (!isFormContentType(headerValue(input.headers, 'content-type'))) return false;
  try {
    return readFormBody(input.body).get('ssl_check') === '1';
  } catch {
    return false;
  }
}

export function verifySlack(
  secrets: readonly string[],
  window: SlackWindow,
  input: VerifyInput,
): VerifyOutcome {
  const header = headerValue(input.headers, SLACK_SIGNATURE_HEADER);
  if (header === undefined || header === '') {
    if (isSslCheck(input)) return { ok: true, secretIndex: undefined };
    return refused(
      'SIGNATURE_MISSING',
      "X-Slack-Signature header is missing; is the Request URL set in this Slack app's settings?",
    );
  }
  if (!header.startsWith(PREFIX)) return refused('SIGNATURE_MALFORMED', FORMAT);
  const signature = decodeSignature(header.slice(PREFIX.length), 'hex', 32);
  if (!signature) return refused('SIGNATURE_MALFORMED', FORMAT);
  const timestamp = headerValue(input.headers, SLACK_TIMESTAMP_HEADER);
  if (timestamp === undefined)
    return refused('TIMESTAMP_MISSING', 'X-Slack-Request-Timestamp header is missing');
  // Digits only: a duplicated header (`a, b`), a sign or an exponent never stands in for a time.
  if (!DIGITS.test(timestamp))
    return refused('TIMESTAMP_OUT_OF_RANGE', 'X-Slack-Request-Timestamp must be a Unix time in seconds');
  const age = input.now - Number(timestamp) * 1000;
  if (age > PAST_MS || -age > window.futureMs) {
    return refused(
      'TIMESTAMP_OUT_OF_RANGE',
      'The request timestamp is outside the accepted window; check the clocks or a replay',
    );
  }
  const index = matchHmac('sha256', secrets, [`${VERSION}:${timestamp}:`, input.body], signature);
  if (index === -1) return refused('SIGNATURE_MISMATCH', 'X-Slack-Signature does not match the request');
  return { ok: true, secretIndex: index };
}
