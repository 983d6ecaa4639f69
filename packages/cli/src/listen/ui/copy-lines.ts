import { shellQuote } from '../../io/shell-quote.js';
import { curlLine } from '../../senders/curl-line.js';
import type { SenderProfile } from '../../senders/sender-profile.js';
import type { Delivery } from '../delivery.js';
import { SECRET_VARIABLE } from '../example-send.js';
import { messageHeaders } from '../forward.js';

/** How the copied `hookguard send` line names the secret: never its value, which must not reach the page. */
export type SendSecret = 'none' | 'variable' | 'public-key';

export interface CopyLineOptions {
  readonly sender: SenderProfile;
  /** The listener's own address (loopback when it listens on every interface), without a path. */
  readonly listener: string;
  readonly secret: SendSecret;
  /** `--scheme` as the user gave it, so `send` signs as this listener verifies. */
  readonly scheme: string | undefined;
}

/**
 * A body a shell can hold between single quotes and a clipboard carries unchanged: valid UTF-8
 * with no control byte but newline and tab. Anything else (a NUL, a carriage return a paste may
 * turn into a newline, bytes that are not UTF-8) travels as base64 and is decoded back.
 */
function isPlainText(body: Buffer): boolean {
  if (!Buffer.from(body.toString('utf8'), 'utf8').equals(body)) return false;
  for (const byte of body) if ((byte < 0x20 && byte !== 0x0a && byte !== 0x09) || byte === 0x7f) return false;
  return true;
}

/** `printf … |` (plus `base64 -d |` for bytes that are not plain text): the body on stdin, exactly. */
function stdinFeed(body: Buffer): string {
  if (isPlainText(body)) return `printf '%s' ${shellQuote(body.toString('utf8'))} | `;
  return `printf '%s' ${shellQuote(body.toString('base64'))} | base64 -d | `;
}

/** `curl` that replays the delivery: its headers (its proof included) and its body byte for byte. */
export function deliveryCurlLine(delivery: Delivery, listener: string): string {
  const body = Buffer.from(delivery.bodyBase64, 'base64');
  const request = {
    method: delivery.method,
    query: [],
    headers: messageHeaders(delivery),
    body,
    chunked: delivery.chunked,
  };
  const url = `${listener}${delivery.url}`;
  if (isPlainText(body)) return curlLine(url, request, undefined);
  return `${stdinFeed(body)}${curlLine(url, request, '-')}`;
}

/**
 * `hookguard send` with the delivery's exact body (`--raw`, on stdin), signed afresh as the
 * sender signs: a new proof for the same bytes. Undefined when `send` cannot sign (a public key).
 */
export function deliverySendLine(delivery: Delivery, options: CopyLineOptions): string | undefined {
  const { sender, listener, secret, scheme } = options;
  if (secret === 'public-key') return undefined;
  const body = Buffer.from(delivery.bodyBase64, 'base64');
  const words = [
    'hookguard',
    'send',
    sender.name,
    '-',
    '--raw',
    // The sender's own path: send adds the query it signs (Tencent's) and the per-request path
    // (Matrix's transaction), which the delivery's URL already holds.
    '--url',
    shellQuote(`${listener}${sender.path}`),
  ];
  // A refused delivery was never parsed, so its event name is unknown: left for the user to fill
  // in, as listen's own example leaves `<body.json>`.
  if (sender.eventOutsideBody !== undefined) {
    words.push('--event', delivery.event === undefined ? '<event>' : shellQuote(delivery.event));
  }
  if (scheme !== undefined) words.push('--scheme', shellQuote(scheme));
  if (secret === 'variable') words.push('--secret', `"$${SECRET_VARIABLE}"`);
  return `${stdinFeed(body)}${words.join(' ')}`;
}
