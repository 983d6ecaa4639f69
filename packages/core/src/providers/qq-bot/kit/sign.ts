import { signEd25519 } from '../../../crypto/ed25519.js';
import type { WebhookRequest } from '../../../http/types.js';
import { qqBotKeyPair } from '../keys.js';

export interface QQBotSignOptions {
  /** The AppSecret the request is signed with. */
  readonly secret: string;
  /** `X-Signature-Timestamp`, Unix seconds; default now. Signed as the exact header text. */
  readonly timestamp?: number | string;
  /** `X-Bot-Appid`; left out when absent. */
  readonly appId?: string | undefined;
}

/**
 * The headers QQ sends with a callback, named as QQ's docs spell them and in the order a recorded
 * callback carries them: the Ed25519 signature of `timestamp ‖ body` with the AppSecret's key pair.
 * Node lower-cases header names on receipt; the receiver reads them case-insensitively.
 */
export function signQqBot(body: string | Uint8Array, options: QQBotSignOptions): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = signEd25519(qqBotKeyPair(options.secret).privateKey, [timestamp, bytes]);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'QQBot-Callback',
  };
  headers['X-Signature-Timestamp'] = timestamp;
  if (options.appId !== undefined) headers['X-Bot-Appid'] = options.appId;
  headers['X-Signature-Method'] = 'Ed25519';
  headers['X-Signature-Ed25519'] = signature.toString('hex');
  return headers;
}

/**
 * A callback as `receiver.handle` takes it (header names lower-case, as every adapter passes
 * them): `payload` as JSON (a string is sent as it is), signed as QQ signs it.
 */
export function qqBotRequest(
  payload: unknown,
  options: QQBotSignOptions & { readonly url?: string },
): WebhookRequest {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signQqBot(text, options))) headers[name.toLowerCase()] = value;
  return { method: 'POST', url: options.url ?? '/qq/callback', headers, body: Buffer.from(text, 'utf8') };
}

/** The body of an op 13 callback URL validation, as QQ sends it. */
export function qqBotValidation(plainToken: string, eventTs: string): string {
  return JSON.stringify({ d: { plain_token: plainToken, event_ts: eventTs }, op: 13 });
}
