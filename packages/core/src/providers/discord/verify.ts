import type { KeyObject } from 'node:crypto';
import { ED25519_KEY_BYTES, ed25519PublicKey } from '../../crypto/ed25519.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { verifyEd25519Signature } from '../../sender-toolkit/ed25519-signature.js';

const PUBLIC_KEY = /^[0-9a-fA-F]{64}$/;

/** Discord's proof: hex Ed25519 over `X-Signature-Timestamp ‖ raw body`. The timestamp is not secret. */
export const DISCORD_SIGNATURE_HEADER = 'x-signature-ed25519';
export const DISCORD_TIMESTAMP_HEADER = 'x-signature-timestamp';

/**
 * The application's public key(s) from the Developer Portal, parsed once at construction. The
 * message never repeats what was passed: the common mistake is pasting the bot token, a secret.
 */
export function discordPublicKeys(publicKey: unknown, factory: string): KeyObject[] {
  const keys = Array.isArray(publicKey) ? (publicKey as unknown[]) : [publicKey];
  if (keys.length === 0 || !keys.every((key) => typeof key === 'string' && PUBLIC_KEY.test(key))) {
    throw new TypeError(
      `hookguard ${factory}: publicKey must be the application's Public Key from the Discord Developer Portal ` +
        `(General Information): ${ED25519_KEY_BYTES * 2} hex characters. It is not the bot token or the client secret.`,
    );
  }
  return (keys as string[]).map((key) => ed25519PublicKey(Buffer.from(key, 'hex')));
}

/**
 * Discord documents no replay window and keeps no clock promise, so none is applied: the
 * timestamp is checked only as signed bytes (see SECURITY.md on replays).
 */
export function verifyDiscord(publicKeys: readonly KeyObject[], input: VerifyInput): VerifyOutcome {
  return verifyEd25519Signature(
    { signatureHeader: DISCORD_SIGNATURE_HEADER, timestampHeader: DISCORD_TIMESTAMP_HEADER, publicKeys },
    input,
  );
}
