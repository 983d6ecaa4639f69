import { createHash } from 'node:crypto';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { safeEqual } from '../../crypto/timing-safe-equal.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';

export interface TencentChatVerifyConfig {
  /** Callback-authentication tokens; empty only with `allowUnsigned`. */
  readonly tokens: readonly string[];
  /** When set, a callback for another app is refused. */
  readonly sdkAppId: string | undefined;
  /** Largest accepted |now − RequestTime|, in ms. */
  readonly toleranceMs: number;
}

/** Everything Tencent appends to the URL; one of each, or the request is not Tencent's. */
const TENCENT_PARAMS = [
  'SdkAppid',
  'CallbackCommand',
  'contenttype',
  'ClientIP',
  'OptPlatform',
  'Sign',
  'RequestTime',
];
const UNIX_SECONDS = /^\d{1,12}$/;

/** `hex(sha256(token + RequestTime))`: a plain hash, not an HMAC, exactly as Tencent signs. */
export function tencentChatSign(token: string, requestTime: string): Buffer {
  return createHash('sha256').update(`${token}${requestTime}`, 'utf8').digest();
}

/**
 * Tencent Cloud Chat proves a callback in the query string only: `Sign` over the token and
 * `RequestTime`. The body is not covered, so freshness is the only replay guard; the
 * CallbackCommand match with the body is checked in `parse`, where the body is known.
 */
export function verifyTencentChat(config: TencentChatVerifyConfig, input: VerifyInput): VerifyOutcome {
  const { query } = input;
  // A repeated parameter lets a proxy and this code read different values: never "first wins".
  for (const name of TENCENT_PARAMS) {
    if (query.getAll(name).length > 1)
      return refused('SIGNATURE_MALFORMED', `Query parameter ${name} appears more than once`);
  }
  if (!query.get('CallbackCommand')) {
    return refused(
      'SIGNATURE_MALFORMED',
      'CallbackCommand is missing from the query string; is this the Tencent Cloud Chat callback URL?',
    );
  }
  if (config.sdkAppId !== undefined && query.get('SdkAppid') !== config.sdkAppId) {
    return refused('SENDER_MISMATCH', 'SdkAppid does not name the app this endpoint serves');
  }
  if (config.tokens.length === 0) return { ok: true, secretIndex: undefined };

  const sign = query.get('Sign');
  const requestTime = query.get('RequestTime');
  if (!sign) {
    return refused(
      'SIGNATURE_MISSING',
      'Sign is missing from the query string; is callback authentication enabled in the console?',
    );
  }
  if (!requestTime) return refused('TIMESTAMP_MISSING', 'RequestTime is missing from the query string');
  if (!UNIX_SECONDS.test(requestTime))
    return refused('SIGNATURE_MALFORMED', 'RequestTime must be Unix seconds');
  if (Math.abs(input.now - Number(requestTime) * 1000) > config.toleranceMs) {
    return refused('TIMESTAMP_OUT_OF_RANGE', 'RequestTime is outside the accepted window');
  }
  const signature = decodeSignature(sign, 'hex', 32);
  if (!signature) return refused('SIGNATURE_MALFORMED', 'Sign must be 64 hex digits');
  for (let index = 0; index < config.tokens.length; index++) {
    if (safeEqual(tencentChatSign(config.tokens[index]!, requestTime), signature))
      return { ok: true, secretIndex: index };
  }
  return refused('SIGNATURE_MISMATCH', 'Sign does not match RequestTime');
}
