import { createHash, randomBytes } from 'node:crypto';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';

export interface WechatSignOptions {
  readonly token: string;
  /** Unix seconds as text; default now. */
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly openid?: string;
  readonly now?: number;
}

export interface WechatSigned {
  readonly query: readonly (readonly [string, string])[];
  readonly body: string;
}

/** `signature = hex(sha1(sort([token, timestamp, nonce]).join('')))`: the query WeChat signs in plain mode. */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/**
 * A plain-mode POST as WeChat sends it: the message XML as the body, `signature`, `timestamp`,
 * `nonce` and `openid` in the query. The signature covers no body byte.
 */
export function signWechat(plainXml: string, options: WechatSignOptions): WechatSigned {
  const { timestamp, nonce } = fresh(options);
  return {
    query: [
      ['signature', wechatSignature(options.token, timestamp, nonce)],
      ['timestamp', timestamp],
      ['nonce', nonce],
      ['openid', options.openid ?? 'oUser0123456789abcdefghijk'],
    ],
    body: plainXml,
  };
}

/** A safe-mode POST: `<xml><ToUserName/><Encrypt/></xml>`, with `encrypt_type=aes` and `msg_signature` added. */
export function signWechatSafe(
  plainXml: string,
  options: WechatSignOptions & {
    readonly appId: string;
    readonly encodingAESKey: string;
    readonly toUserName?: string;
  },
): WechatSigned {
  const { timestamp, nonce } = fresh(options);
  const crypt = wxBizMsgCrypt({ ...options, receiveId: options.appId, label: 'signWechatSafe()' });
  const sealed = crypt.seal(plainXml, { now: 0, timestamp, nonce });
  const plain = signWechat(plainXml, { ...options, timestamp, nonce });
  return {
    query: [...plain.query, ['encrypt_type', 'aes'], ['msg_signature', sealed.signature]],
    body:
      `<xml><ToUserName><![CDATA[${options.toUserName ?? 'gh_0123456789ab'}]]></ToUserName>` +
      `<Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt></xml>`,
  };
}

function fresh(options: WechatSignOptions): { timestamp: string; nonce: string } {
  return {
    timestamp: options.timestamp ?? String(Math.floor((options.now ?? Date.now()) / 1000)),
    nonce: options.nonce ?? String(1_000_000_000 + (randomBytes(4).readUInt32BE() % 1_000_000_000)),
  };
}
