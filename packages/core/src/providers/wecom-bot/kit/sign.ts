import type { WebhookRequest } from '../../../http/types.js';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';
import { sealOptions, signedQuery, type WecomSigned, wecomUrlCheck } from '../../wecom/kit/sign.js';

export interface WecomBotSignOptions {
  readonly token: string;
  readonly encodingAESKey: string;
  /** Unix seconds as text; default now. */
  readonly timestamp?: string;
  /** Default: fresh digits. */
  readonly nonce?: string;
  readonly now?: number;
}

/**
 * A callback as WeCom sends it to a smart bot: the message JSON encrypted for the empty receive
 * id in `{"encrypt": "…"}`, with `msg_signature`, `timestamp` and `nonce` in the query.
 * https://developer.work.weixin.qq.com/document/path/101033
 */
export function signWecomBot(messageJson: string | Uint8Array, options: WecomBotSignOptions): WecomSigned {
  const crypt = wxBizMsgCrypt({ ...options, receiveId: '', label: 'signWecomBot()' });
  const sealed = crypt.seal(messageJson, sealOptions(options));
  return { query: signedQuery(sealed), body: JSON.stringify({ encrypt: sealed.encrypt }) };
}

/** The GET URL check WeCom sends when the bot's URL is saved: WeCom's app check, for the empty receive id. */
export function wecomBotUrlCheck(echo: string, options: WecomBotSignOptions): WecomSigned {
  return wecomUrlCheck(echo, { ...options, corpId: '' });
}

/** `signWecomBot` as `receiver.handle` takes it. */
export function wecomBotRequest(
  messageJson: string,
  options: WecomBotSignOptions & { readonly url?: string },
): WebhookRequest {
  const signed = signWecomBot(messageJson, options);
  const query = new URLSearchParams(signed.query as [string, string][]).toString();
  return {
    method: 'POST',
    url: `${options.url ?? '/wecom-bot'}?${query}`,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(signed.body, 'utf8'),
  };
}
