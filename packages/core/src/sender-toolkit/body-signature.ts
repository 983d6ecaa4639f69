import { matchHmac } from '../crypto/hmac.js';
import { decodeSignature, type SignatureEncoding } from '../crypto/signature-encoding.js';
import { headerValue } from '../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { refused } from './refused.js';

/**
 * A signature header holding HMAC-SHA256 over the exact body bytes and nothing else: the scheme
 * GitHub introduced (`X-Hub-Signature-256: sha256=<hex>`, copied by go-whatsapp-web-multidevice
 * and Meta) and LINE's (`x-line-signature: <base64>`).
 */
export interface BodySignature {
  /** The header name, lower-case. */
  readonly header: string;
  /** The header as messages name it. */
  readonly name: string;
  /** What precedes the digest (`sha256=`); empty for none. */
  readonly prefix: string;
  readonly encoding: SignatureEncoding;
  /** The message for a header that cannot hold such a signature. */
  readonly format: string;
  /** Where the sender's secret is configured, since a missing header usually means a misconfigured sender. */
  readonly missingHint?: string;
}

export const HUB_SIGNATURE: BodySignature = {
  header: 'x-hub-signature-256',
  name: 'X-Hub-Signature-256',
  prefix: 'sha256=',
  encoding: 'hex',
  format: 'X-Hub-Signature-256 must be "sha256=<64 hex digits>"',
};

/**
 * Checks `scheme`'s header against every configured secret (rotation); the outcome says which one
 * matched. The digest is decoded to exactly 32 bytes before any comparison, and compared in
 * constant time.
 */
export function verifyBodySignature(
  scheme: BodySignature,
  secrets: readonly string[],
  input: VerifyInput,
): VerifyOutcome {
  const { name, prefix, missingHint } = scheme;
  const header = headerValue(input.headers, scheme.header);
  if (header === undefined || header === '') {
    return refused('SIGNATURE_MISSING', `${name} header is missing${missingHint ? `; ${missingHint}` : ''}`);
  }
  if (!header.startsWith(prefix)) return refused('SIGNATURE_MALFORMED', scheme.format);
  const signature = decodeSignature(header.slice(prefix.length), scheme.encoding, 32);
  if (!signature) return refused('SIGNATURE_MALFORMED', scheme.format);
  const index = matchHmac('sha256', secrets, [input.body], signature);
  if (index === -1) return refused('SIGNATURE_MISMATCH', `${name} does not match the body`);
  return { ok: true, secretIndex: index };
}

/** `X-Hub-Signature-256`, with the hint a missing header gets. */
export function verifyHubSignature(
  secrets: readonly string[],
  input: VerifyInput,
  missingHint = '',
): VerifyOutcome {
  return verifyBodySignature({ ...HUB_SIGNATURE, missingHint }, secrets, input);
}
