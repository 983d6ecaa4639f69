import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { safeEqual } from '../../crypto/timing-safe-equal.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import { type FeishuBody, readFeishuBody } from './body.js';
import { isUrlVerification } from './handshake.js';

/**
 * Feishu/Lark's proofs. With an Encrypt Key: `X-Lark-Signature = hex(sha256(timestamp + nonce +
 * encryptKey + raw body))`, a plain hash rather than an HMAC, over the bytes as sent.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 * The Verification Token travels inside the (decrypted) body: `header.token` in schema 2.0, `token`
 * in 1.0 and in the URL check. https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export const FEISHU_SIGNATURE_HEADER = 'x-lark-signature';
export const FEISHU_TIMESTAMP_HEADER = 'x-lark-request-timestamp';
export const FEISHU_NONCE_HEADER = 'x-lark-request-nonce';

const DIGITS = /^\d{1,16}$/;

export interface FeishuVerifyConfig {
  /** SHA-256 of each accepted Verification Token; empty: not checked. */
  readonly tokenDigests: readonly Buffer[];
  /** Each accepted Encrypt Key as text (it is hashed with the body) and as its AES key. */
  readonly encryptKeys: readonly { readonly text: string; readonly aes: Buffer }[];
  /** How old and how far ahead of our clock a signed timestamp may be, in ms. */
  readonly pastMs: number;
  readonly futureMs: number;
}

/**
 * Reads each body at most once: `verify` needs the decrypted body for the token and `decode` hands
 * the same payload on, so the body is not parsed and decrypted twice.
 */
export type BodyCache = WeakMap<VerifyInput, FeishuBody>;

export function verifyFeishu(
  config: FeishuVerifyConfig,
  cache: BodyCache,
  input: VerifyInput,
): VerifyOutcome {
  if (config.encryptKeys.length === 0) {
    // Plaintext mode: the token inside the body is the only proof there is.
    if (config.tokenDigests.length === 0) return { ok: true, secretIndex: undefined };
    return checkToken(config, remember(cache, input, readFeishuBody(input.body, undefined)), undefined);
  }
  const signature = headerValue(input.headers, FEISHU_SIGNATURE_HEADER);
  if (signature === undefined || signature === '') return unsignedUrlCheck(config, cache, input);
  const bytes = decodeSignature(signature, 'hex', 32);
  if (!bytes) return refused('SIGNATURE_MALFORMED', 'X-Lark-Signature must be 64 hex digits');
  const timestamp = headerValue(input.headers, FEISHU_TIMESTAMP_HEADER);
  if (timestamp === undefined)
    return refused('TIMESTAMP_MISSING', 'X-Lark-Request-Timestamp header is missing');
  // Digits only: a duplicated header (`a, b`), a sign or an exponent never stands in for a time.
  if (!DIGITS.test(timestamp)) {
    return refused('TIMESTAMP_OUT_OF_RANGE', 'X-Lark-Request-Timestamp must be a Unix time in seconds');
  }
  const age = input.now - Number(timestamp) * 1000;
  if (age > config.pastMs || -age > config.futureMs) {
    return refused(
      'TIMESTAMP_OUT_OF_RANGE',
      'The request timestamp is outside the accepted window; check the clocks or a replay',
    );
  }
  const nonce = headerValue(input.headers, FEISHU_NONCE_HEADER);
  if (nonce === undefined) return refused('SIGNATURE_MALFORMED', 'X-Lark-Request-Nonce header is missing');
  const index = config.encryptKeys.findIndex((key) =>
    safeEqual(feishuSignature({ timestamp, nonce, encryptKey: key.text }, input.body), bytes),
  );
  if (index === -1) return refused('SIGNATURE_MISMATCH', 'X-Lark-Signature does not match the request');
  // Read with the key that matched, once: `decode` hands this reading on.
  const body = remember(cache, input, readFeishuBody(input.body, config.encryptKeys[index]!.aes));
  // Signed but unreadable: decode answers it 400, and no handler runs.
  if (config.tokenDigests.length === 0 || !body.ok) return { ok: true, secretIndex: index };
  return checkToken(config, body, index);
}

export interface FeishuSignedParts {
  readonly timestamp: string;
  readonly nonce: string;
  readonly encryptKey: string;
}

/** `sha256(timestamp + nonce + encryptKey + body)`, the body as raw bytes. */
export function feishuSignature(parts: FeishuSignedParts, body: Uint8Array): Buffer {
  return createHash('sha256')
    .update(`${parts.timestamp}${parts.nonce}${parts.encryptKey}`, 'utf8')
    .update(body)
    .digest();
}

/**
 * Feishu sends the URL check with no signature headers even when the app has an Encrypt Key. Such
 * a request is let in only when its body is a URL check that decrypts with a configured key, or
 * carries the configured Verification Token; anything else unsigned is refused. What it can earn
 * is the echo of its own challenge: `decode` reads the same body, so the handshake answers it.
 */
function unsignedUrlCheck(config: FeishuVerifyConfig, cache: BodyCache, input: VerifyInput): VerifyOutcome {
  const missing = refused(
    'SIGNATURE_MISSING',
    'X-Lark-Signature header is missing; only the URL check is sent unsigned',
  );
  for (const [index, key] of config.encryptKeys.entries()) {
    const body = readFeishuBody(input.body, key.aes);
    if (!body.ok || !isUrlVerification(body.payload)) {
      // A plaintext body reads the same with every key: no other key can change the answer.
      if (!body.encrypted) break;
      continue;
    }
    if (!body.encrypted && config.tokenDigests.length === 0) return missing;
    remember(cache, input, body);
    return config.tokenDigests.length === 0
      ? { ok: true, secretIndex: index }
      : checkToken(config, body, index);
  }
  return missing;
}

function checkToken(
  config: FeishuVerifyConfig,
  body: FeishuBody,
  keyIndex: number | undefined,
): VerifyOutcome {
  if (!body.ok) {
    return refused(
      'SIGNATURE_MISSING',
      body.encrypted
        ? 'The body is encrypted and cannot be read here: is encryptKey the Encrypt Key of the app?'
        : 'The body is not JSON, so it carries no Verification Token',
    );
  }
  const token = presentedToken(body.payload);
  if (token === undefined) {
    return refused('SIGNATURE_MISSING', 'The body carries no Verification Token (header.token or token)');
  }
  const presented = createHash('sha256').update(token, 'utf8').digest();
  let matched = -1;
  // Every token compared, no early exit: timing does not tell which rotation slot exists.
  config.tokenDigests.forEach((expected, index) => {
    if (timingSafeEqual(expected, presented) && matched === -1) matched = index;
  });
  if (matched === -1) return refused('SIGNATURE_MISMATCH', 'The Verification Token does not match');
  return { ok: true, secretIndex: keyIndex ?? matched };
}

/** Schema 2.0 keeps the token in `header`; 1.0 events and the URL check at the top. */
function presentedToken(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const body = payload as Record<string, unknown>;
  const header = body['header'];
  const token =
    body['schema'] === '2.0' && typeof header === 'object' && header !== null
      ? (header as Record<string, unknown>)['token']
      : body['token'];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

function remember(cache: BodyCache, input: VerifyInput, body: FeishuBody): FeishuBody {
  cache.set(input, body);
  return body;
}
