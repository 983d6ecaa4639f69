import { parseXml, type XmlDocument, type XmlElement } from '../body/xml.js';
import { serialiseXml, type XmlReplyValue } from '../body/xml-reply.js';
import { BodyError, VerificationError, WebhookError } from '../errors.js';
import type { WebhookResponse } from '../http/types.js';
import type { VerifyInput } from '../provider.js';
import type { WxBizMsgCrypt } from './wx-biz-msg-crypt.js';

/**
 * The XML side of the WXBizMsgCrypt envelope (WeCom apps, WeChat Official Accounts in safe and
 * compatible mode): the POSTed `<xml>` whose `<Encrypt>` the query's `msg_signature` signs, and
 * the encrypted passive reply `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>`.
 * https://developer.work.weixin.qq.com/document/path/90968
 */

export const XML_TYPE = 'text/xml; charset=utf-8';

/**
 * The parsed document of a POSTed body, kept per request: verify reads `<Encrypt>` from it and
 * decode the rest, and the bytes are parsed once.
 */
const parsedBodies = new WeakMap<Uint8Array, XmlElement>();

/**
 * The root element's fields; throws 400 `INVALID_XML` for a body that is not the senders' XML
 * (read before the signature, `encryptOf` turns that into an unsigned request).
 */
export function xmlFields(input: VerifyInput): XmlElement {
  const cached = parsedBodies.get(input.body);
  if (cached !== undefined) return cached;
  const fields = rootFields(parseXml(input.body), 'Request body');
  parsedBodies.set(input.body, fields);
  return fields;
}

/** The text of a leaf field, or undefined when it is absent, repeated or has children. */
export function xmlText(fields: XmlElement, name: string): string | undefined {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The decrypted `<xml>` message: its root's fields. */
export function parseDecryptedXml(message: string): XmlElement {
  const subject = 'The decrypted message';
  return rootFields(parseXml(Buffer.from(message, 'utf8'), subject), subject);
}

/** The root's child elements; a root holding only text is no message of these senders. */
function rootFields(document: XmlDocument, subject: string): XmlElement {
  if (typeof document.value === 'object' && !Array.isArray(document.value)) return document.value;
  throw new BodyError(400, 'INVALID_XML', `${subject} has no fields in <${document.root}>`);
}

/** `fields` as `<xml>`, encrypted and signed the way WXBizMsgCrypt's EncryptMsg answers. */
export function encryptedXmlReply(
  crypt: WxBizMsgCrypt,
  fields: Readonly<Record<string, XmlReplyValue | undefined>>,
  now: number,
): WebhookResponse {
  const sealed = crypt.seal(serialiseXml('xml', fields), { now });
  return {
    status: 200,
    headers: { 'content-type': XML_TYPE },
    body: serialiseXml('xml', {
      Encrypt: sealed.encrypt,
      MsgSignature: sealed.signature,
      TimeStamp: Number(sealed.timestamp),
      Nonce: sealed.nonce,
    }),
  };
}

/** The `<Encrypt>` the signature covers; a body that has none is unsigned. */
export function encryptOf(input: VerifyInput): string | VerificationError {
  try {
    const encrypt = xmlText(xmlFields(input), 'Encrypt');
    return encrypt ?? new VerificationError('SIGNATURE_MISSING', 'The XML body has no <Encrypt>');
  } catch (error) {
    // What cannot be parsed has nothing signed in it: refused unread, as any unsigned request.
    const reason = error instanceof WebhookError ? error.message : 'the body is not XML';
    return new VerificationError('SIGNATURE_MISSING', `No signed <Encrypt>: ${reason}`);
  }
}
