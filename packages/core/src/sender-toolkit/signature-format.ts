import { DIGEST_BYTES, type HmacAlgorithm } from '../crypto/hmac.js';
import { decodeSignature, type SignatureEncoding } from '../crypto/signature-encoding.js';
import { normaliseSource, type RequestSource } from './sources.js';

/** Where the signature travels and how it is written. */
export type SignatureOptions = RequestSource & {
  /** Text before the digest: `sha256=`, `v1=`, `v1,`. Default none. */
  readonly prefix?: string;
  /** Default `hex` (either case). */
  readonly encoding?: SignatureEncoding;
  /**
   * Several signatures in one value, any one of which may match (Standard Webhooks: `' '`).
   * Entries without the prefix are skipped, so a sender can add schemes we do not check.
   */
  readonly separator?: string;
};

export interface SignatureFormat {
  readonly source: RequestSource;
  readonly prefix: string;
  readonly encoding: SignatureEncoding;
  readonly separator: string | undefined;
  readonly byteLength: number;
}

const ENCODINGS: readonly string[] = ['hex', 'base64', 'base64url'];

export function compileSignatureFormat(options: SignatureOptions, algorithm: HmacAlgorithm): SignatureFormat {
  const source = normaliseSource(options, 'signature');
  const encoding = options.encoding ?? 'hex';
  if (!ENCODINGS.includes(encoding))
    throw new TypeError('hookguard: signature.encoding must be hex, base64 or base64url');
  const prefix = options.prefix ?? '';
  if (typeof prefix !== 'string') throw new TypeError('hookguard: signature.prefix must be a string');
  const separator = options.separator;
  if (separator !== undefined && (typeof separator !== 'string' || separator.length === 0)) {
    throw new TypeError('hookguard: signature.separator must be a non-empty string');
  }
  return { source, prefix, encoding, separator, byteLength: DIGEST_BYTES[algorithm] };
}

/**
 * Every signature in the value, strictly decoded to the digest's exact length. An empty list
 * means nothing in the value could ever match: the request is malformed. So is a value with an
 * entry that has our prefix but does not decode: a header sent twice arrives joined as "a, b"
 * (`v1,<sig>, v1,<sig>` for a space-separated list), and its copies must not be picked apart.
 */
export function readSignatures(text: string, format: SignatureFormat): Buffer[] {
  const entries = format.separator === undefined ? [text] : text.split(format.separator);
  const signatures: Buffer[] = [];
  for (const entry of entries) {
    const trimmed = format.separator === undefined ? entry : entry.trim();
    if (!trimmed.startsWith(format.prefix)) continue;
    const decoded = decodeSignature(trimmed.slice(format.prefix.length), format.encoding, format.byteLength);
    if (!decoded) return [];
    signatures.push(decoded);
  }
  return signatures;
}

/** `"sha256=<hex HMAC-SHA256>"`, for the message that tells a sender how to write the header. */
export function describeFormat(format: SignatureFormat, algorithm: HmacAlgorithm): string {
  const one = `${format.prefix}<${format.encoding} HMAC-${algorithm.toUpperCase()}>`;
  return format.separator === undefined ? `"${one}"` : `a "${format.separator}"-separated list of "${one}"`;
}
