import { serialiseXml, type XmlReplyValue } from '../../../body/xml-reply.js';
import type { WebhookRequest } from '../../../http/types.js';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';
import type { OutgoingRequest } from '../../../testing/sender-kit.js';

export interface WecomSignOptions {
  readonly token: string;
  readonly encodingAESKey: string;
  readonly corpId: string;
  /** Unix seconds as text; default now. */
  readonly timestamp?: string;
  /** Default: fresh digits. */
  readonly nonce?: string;
  /** The `<AgentID>` of the envelope; default `1000002`, the id WeCom gives an enterprise's first app. */
  readonly agentId?: string;
  readonly now?: number;
}

/** One WeCom request: the query it signs in and the XML body. */
export interface WecomSigned {
  readonly query: readonly (readonly [string, string])[];
  readonly body: string;
}

/**
 * A message or event as WeCom writes it before encrypting: `<xml>`, text in CDATA, numbers
 * (`CreateTime`, `MsgId`, `AgentID`) bare, one element per line. Digit-only values are the
 * numbers; they stay text here, as a `MsgId` does not fit a double.
 */
export function wecomMessageXml(fields: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(fields).map(([name, value]) =>
    typeof value === 'string' && /^\d+$/.test(value)
      ? `<${name}>${value}</${name}>`
      : serialiseXml(name, value as XmlReplyValue),
  );
  return `<xml>${lines.join('\n')}\n</xml>`;
}

/**
 * A POST as WeCom sends it: the message encrypted for the CorpID, in `<xml><ToUserName/>
 * <Encrypt/><AgentID/></xml>`, with `msg_signature`, `timestamp` and `nonce` in the query.
 * https://developer.work.weixin.qq.com/document/path/90930
 */
export function signWecom(plainXml: string | Uint8Array, options: WecomSignOptions): WecomSigned {
  const crypt = wxBizMsgCrypt({ ...options, receiveId: options.corpId, label: 'signWecom()' });
  const sealed = crypt.seal(plainXml, sealOptions(options));
  const body =
    `<xml><ToUserName><![CDATA[${options.corpId}]]></ToUserName>` +
    `<Encrypt><![CDATA[${sealed.encrypt}]]></Encrypt>` +
    `<AgentID><![CDATA[${options.agentId ?? '1000002'}]]></AgentID></xml>`;
  return { query: signedQuery(sealed), body };
}

/** The GET URL check WeCom sends when the callback URL is saved: `echo` encrypted as `echostr`. */
export function wecomUrlCheck(echo: string, options: WecomSignOptions): WecomSigned {
  const crypt = wxBizMsgCrypt({ ...options, receiveId: options.corpId, label: 'wecomUrlCheck()' });
  const sealed = crypt.seal(echo, sealOptions(options));
  return { query: [...signedQuery(sealed), ['echostr', sealed.encrypt]], body: '' };
}

/**
 * A URL check as the kit's `sign` lays it out: a GET with no body. Without the Token (`secret`
 * undefined) nobody can sign: only the echostr, as anyone could send it.
 */
export function urlCheckRequest(check: WecomSigned, secret: string | undefined): OutgoingRequest {
  return {
    method: 'GET',
    query: secret === undefined ? check.query.filter(([name]) => name === 'echostr') : check.query,
    headers: [],
    body: new Uint8Array(),
    chunked: false,
  };
}

/** `signWecom` as `receiver.handle` takes it. */
export function wecomRequest(
  plainXml: string,
  options: WecomSignOptions & { readonly url?: string },
): WebhookRequest {
  const signed = signWecom(plainXml, options);
  const query = new URLSearchParams(signed.query as [string, string][]).toString();
  return {
    method: 'POST',
    url: `${options.url ?? '/wecom'}?${query}`,
    headers: { 'content-type': 'text/xml' },
    body: Buffer.from(signed.body, 'utf8'),
  };
}

/** The seal of a signed request: now, and the timestamp and nonce when given (vectors). */
export function sealOptions(options: Pick<WecomSignOptions, 'now' | 'timestamp' | 'nonce'>) {
  return {
    now: options.now ?? Date.now(),
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  };
}

/** `msg_signature`, `timestamp` and `nonce`, in the order WeCom writes them. */
export function signedQuery(sealed: {
  signature: string;
  timestamp: string;
  nonce: string;
}): [string, string][] {
  return [
    ['msg_signature', sealed.signature],
    ['timestamp', sealed.timestamp],
    ['nonce', sealed.nonce],
  ];
}
