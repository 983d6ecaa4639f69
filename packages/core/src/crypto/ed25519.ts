import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { SignedPart } from './hmac.js';

export const ED25519_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

// The fixed DER headers (RFC 8410) in front of a raw 32-byte Ed25519 public key (SubjectPublicKeyInfo)
// and seed (PKCS #8), so node:crypto can load raw keys without a dependency.
const SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_HEADER = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A raw 32-byte Ed25519 public key as a KeyObject, parsed once so verifying does no parsing. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.byteLength !== ED25519_KEY_BYTES) {
    throw new TypeError(`an Ed25519 public key is ${ED25519_KEY_BYTES} bytes, not ${raw.byteLength}`);
  }
  return createPublicKey({ key: Buffer.concat([SPKI_HEADER, raw]), format: 'der', type: 'spki' });
}

/** The private key of a 32-byte RFC 8032 seed. */
export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  if (seed.byteLength !== ED25519_KEY_BYTES) {
    throw new TypeError(`an Ed25519 seed is ${ED25519_KEY_BYTES} bytes, not ${seed.byteLength}`);
  }
  return createPrivateKey({ key: Buffer.concat([PKCS8_HEADER, seed]), format: 'der', type: 'pkcs8' });
}

/** The raw 32 bytes of an Ed25519 public key (of a private key's pair, given the private key). */
export function ed25519RawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_HEADER.byteLength);
}

const joined = (parts: readonly SignedPart[]): Buffer =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));

/** Ed25519 signature of the parts in order (strings as UTF-8), as the senders make theirs. */
export function signEd25519(privateKey: KeyObject, parts: readonly SignedPart[]): Buffer {
  return sign(null, joined(parts), privateKey);
}

/**
 * Whether `signature` is a valid Ed25519 signature of the parts by `publicKey`. Anything but 64
 * bytes is refused before verifying, and so is an S with any of its three top bits set: S must be
 * below the group order (about 2^252), so such a signature is malleated. OpenSSL refuses it as well;
 * the explicit check (the one Go's ed25519 and the QQ bot documentation make) keeps the rule from
 * depending on the crypto backend. Never throws.
 */
export function verifyEd25519(
  publicKey: KeyObject,
  parts: readonly SignedPart[],
  signature: Uint8Array,
): boolean {
  if (signature.byteLength !== ED25519_SIGNATURE_BYTES) return false;
  if (((signature[ED25519_SIGNATURE_BYTES - 1] as number) & 0xe0) !== 0) return false;
  try {
    return verify(null, joined(parts), publicKey, signature);
  } catch {
    return false;
  }
}
