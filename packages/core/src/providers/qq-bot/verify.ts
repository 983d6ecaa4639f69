import type { KeyObject } from 'node:crypto';
import { VerificationError } from '../../errors.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { type Ed25519Rule, verifyEd25519Signature } from '../../sender-toolkit/ed25519-signature.js';

export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';
export const APP_ID_HEADER = 'x-bot-appid';

export interface QQBotVerifyConfig {
  /** The configured AppID; when set, `X-Bot-Appid` must be exactly it. */
  readonly appId: string | undefined;
  /** The signature rule, built once: one public key per configured AppSecret, in the order given. */
  readonly signature: Ed25519Rule;
}

/** The signature rule for the key pairs of the configured AppSecrets. */
export function qqBotSignatureRule(
  publicKeys: readonly KeyObject[],
  toleranceMs: number | undefined,
): Ed25519Rule {
  return { signatureHeader: SIGNATURE_HEADER, timestampHeader: TIMESTAMP_HEADER, publicKeys, toleranceMs };
}

/**
 * QQ signs `X-Signature-Timestamp ‖ raw body` with Ed25519 and sends the hex signature in
 * `X-Signature-Ed25519`. The AppID check comes first: it is not a proof (the header is not signed),
 * but a callback meant for another bot is then reported as such rather than as a bad signature.
 */
export function verifyQQBot(config: QQBotVerifyConfig, input: VerifyInput): VerifyOutcome {
  if (config.appId !== undefined) {
    const appId = headerValue(input.headers, APP_ID_HEADER);
    if (appId !== config.appId) {
      const error = new VerificationError(
        'SENDER_MISMATCH',
        appId === undefined
          ? 'X-Bot-Appid is missing; QQ sends the AppID with every callback'
          : 'X-Bot-Appid is not the AppID this receiver is configured for',
      );
      return { ok: false, error };
    }
  }
  return verifyEd25519Signature(config.signature, input);
}
