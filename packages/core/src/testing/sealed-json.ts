import type { WxBizMsgCrypt } from '../sender-toolkit/wx-biz-msg-crypt.js';

/** What a sender names the signature and timestamp of an encrypted JSON answer. */
export interface SealedJsonKeys {
  /** DingTalk's `msg_signature`, the WeCom smart bot's `msgsignature`. */
  readonly signature: string;
  /** DingTalk's `timeStamp`, the smart bot's `timestamp`. */
  readonly timestamp: string;
}

/**
 * An encrypted JSON answer (`{"encrypt", <signature>, <timestamp>, "nonce"}`) as its sender's
 * SDK opens it: the signature checked with the Token, then decrypted; undefined for anything else.
 */
export function openSealedJson(crypt: WxBizMsgCrypt, body: string, keys: SealedJsonKeys): string | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return undefined;
  }
  const fields = (answer ?? {}) as Record<string, unknown>;
  const [signature, timestamp, nonce, encrypt] = [keys.signature, keys.timestamp, 'nonce', 'encrypt'].map(
    (key) => fields[key],
  );
  if (![signature, timestamp, nonce, encrypt].every((value) => typeof value === 'string')) return undefined;
  const parts = { timestamp: timestamp as string, nonce: nonce as string, encrypt: encrypt as string };
  if (!crypt.signatureMatches(signature as string, parts)) return undefined;
  const opened = crypt.decrypt(parts.encrypt);
  return opened.ok ? opened.message : undefined;
}
