import { createHash, randomBytes } from 'node:crypto';
import { AES_BLOCK_BYTES, aesCbcDecrypt, aesCbcEncrypt } from '../crypto/aes-cbc.js';
import { decodeSignature } from '../crypto/signature-encoding.js';
import { safeEqual } from '../crypto/timing-safe-equal.js';
import { BodyError, VerificationError, type WebhookError } from '../errors.js';

/**
 * The "WXBizMsgCrypt" envelope that WeCom, WeChat Official Accounts and DingTalk's event
 * subscription share: a SHA-1 signature over the sorted token, timestamp, nonce and ciphertext,
 * and AES-256-CBC over `random(16) ‖ uint32BE(length) ‖ message ‖ receiveId`, padded with
 * PKCS#7 to 32-byte blocks.
 * https://developer.work.weixin.qq.com/document/path/90968 (加解密方案说明)
 * https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Message_encryption_and_decryption.html
 *
 * The padding is removed and added by `crypto/aes-cbc.ts` rather than by OpenSSL: OpenSSL pads to the cipher's
 * 16-byte block and so throws on any pad of 17..32 bytes, which is about half of all messages.
 */
export interface WxCryptOptions {
  /** The Token from the callback settings: signs, never encrypts. */
  readonly token: string;
  /** The 43-character EncodingAESKey: base64 of the AES key without its trailing `=`. */
  readonly encodingAESKey: string;
  /** Who the message is for (CorpID, AppID, DingTalk AppKey; `""` for WeCom's smart bots). */
  readonly receiveId: string;
  /** The factory name for configuration errors (`wecom()`). */
  readonly label: string;
}

export interface SignedParts {
  readonly timestamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

/** An encrypted reply as the sender reads it: the ciphertext and a fresh signature over it. */
export interface SealedMessage extends SignedParts {
  readonly signature: string;
}

export type DecryptOutcome =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly error: WebhookError };

export interface SealOptions {
  /** Milliseconds since the epoch; the reply's timestamp is its seconds, as the senders send. */
  readonly now: number;
  /** The 16 random bytes, for reproducing an official vector; fresh ones otherwise. */
  readonly random?: Uint8Array;
  /** The reply's nonce, for vectors; fresh digits otherwise. */
  readonly nonce?: string;
  /** The reply's timestamp as text, for senders that use milliseconds (DingTalk). */
  readonly timestamp?: string;
}

export interface WxBizMsgCrypt {
  signature(parts: SignedParts): string;
  /** Constant-time, with a length check; false for anything that is not 40 hex digits. */
  signatureMatches(signature: string, parts: SignedParts): boolean;
  decrypt(encrypt: string): DecryptOutcome;
  /** A text is encrypted as its UTF-8; bytes as they are (a signer reproducing any message a sender could send). */
  encrypt(message: string | Uint8Array, random?: Uint8Array): string;
  /** `message` encrypted with fresh random bytes, timestamp and nonce, and signed. */
  seal(message: string | Uint8Array, options: SealOptions): SealedMessage;
}

const AES_KEY_TEXT = /^[A-Za-z0-9+/]{43}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** The block the WXBizMsgCrypt senders pad to (twice AES's). */
const BLOCK = 32;
const RANDOM_BYTES = 16;
const HEADER_BYTES = RANDOM_BYTES + 4;
const SHA1_BYTES = 20;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Validates the key at construction: a wrong one would otherwise fail only on the first delivery. */
export function wxBizMsgCrypt(options: WxCryptOptions): WxBizMsgCrypt {
  const { token, encodingAESKey, receiveId, label } = options;
  if (typeof token !== 'string' || token === '') {
    throw new TypeError(`hookguard ${label}: token is required: the Token from the callback settings`);
  }
  if (typeof encodingAESKey !== 'string' || !AES_KEY_TEXT.test(encodingAESKey)) {
    throw new TypeError(
      `hookguard ${label}: encodingAESKey must be the 43 letters and digits of the EncodingAESKey from the callback settings`,
    );
  }
  if (typeof receiveId !== 'string')
    throw new TypeError(`hookguard ${label}: the receive id must be a string`);
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  if (key.byteLength !== 32)
    throw new TypeError(`hookguard ${label}: encodingAESKey does not decode to 32 bytes`);
  const iv = key.subarray(0, AES_BLOCK_BYTES);
  const expectedId = Buffer.from(receiveId, 'utf8');

  const signature = (parts: SignedParts): string =>
    createHash('sha1')
      .update([token, parts.timestamp, parts.nonce, parts.encrypt].sort().join(''))
      .digest('hex');

  function encrypt(message: string | Uint8Array, random: Uint8Array = randomBytes(RANDOM_BYTES)): string {
    if (random.byteLength !== RANDOM_BYTES) throw new TypeError('wxBizMsgCrypt: random must be 16 bytes');
    const text = typeof message === 'string' ? Buffer.from(message, 'utf8') : Buffer.from(message);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(text.byteLength);
    // Padded to 32 bytes: a message that fills its blocks exactly gets a whole block of 32s.
    return aesCbcEncrypt(key, iv, Buffer.concat([random, length, text, expectedId]), BLOCK).toString(
      'base64',
    );
  }

  return {
    signature,
    signatureMatches(given, parts) {
      const bytes = decodeSignature(given, 'hex', SHA1_BYTES);
      return bytes !== undefined && safeEqual(bytes, Buffer.from(signature(parts), 'hex'));
    },
    decrypt(text) {
      const bytes = wholeBlocks(text);
      if (bytes === undefined) return undecryptable('Encrypt is not base64 of whole AES blocks');
      const content = aesCbcDecrypt(key, iv, bytes, BLOCK);
      if (content === undefined)
        return undecryptable('the decrypted padding is not PKCS#7 to 32-byte blocks');
      if (content.byteLength < HEADER_BYTES) return undecryptable('the decrypted message is too short');
      const length = content.readUInt32BE(RANDOM_BYTES);
      if (length > content.byteLength - HEADER_BYTES) {
        return undecryptable('the decrypted length runs past the message');
      }
      const id = content.subarray(HEADER_BYTES + length);
      if (!safeEqual(id, expectedId)) {
        return {
          ok: false,
          error: new VerificationError('SENDER_MISMATCH', 'The message is encrypted for another receive id'),
        };
      }
      try {
        return {
          ok: true,
          message: strictUtf8.decode(content.subarray(HEADER_BYTES, HEADER_BYTES + length)),
        };
      } catch {
        return undecryptable('the decrypted message is not UTF-8');
      }
    },
    encrypt,
    seal(message, sealOptions) {
      const encrypted = encrypt(message, sealOptions.random);
      const parts: SignedParts = {
        timestamp: sealOptions.timestamp ?? String(Math.floor(sealOptions.now / 1000)),
        nonce: sealOptions.nonce ?? freshNonce(),
        encrypt: encrypted,
      };
      return { ...parts, signature: signature(parts) };
    },
  };
}

/** The ciphertext's bytes, or undefined for text that is not strict base64 of whole AES blocks. */
function wholeBlocks(text: string): Buffer | undefined {
  if (typeof text !== 'string' || text === '' || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.byteLength === 0 || bytes.byteLength % AES_BLOCK_BYTES !== 0 ? undefined : bytes;
}

function undecryptable(reason: string): DecryptOutcome {
  return {
    ok: false,
    error: new BodyError(400, 'DECRYPTION_FAILED', `Cannot decrypt the message: ${reason}`),
  };
}

/** Ten digits, as the senders' own nonces look. */
function freshNonce(): string {
  return String(1_000_000_000 + (randomBytes(4).readUInt32BE() % 1_000_000_000));
}
