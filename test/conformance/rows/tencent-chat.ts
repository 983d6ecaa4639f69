import { createReceiver, tencentChat } from '@hookguard/core';
import { tencentChatFixtures, tencentChatUrl } from '@hookguard/core/testing';
import { type Delivery, type ProviderRow, widen } from '../row.js';

const TOKEN = 'conformance-tencent';
const beforeSend = {
  name: 'C2C.CallbackBeforeSendMsg',
  payload: tencentChatFixtures['C2C.CallbackBeforeSendMsg'],
};
const answer = (fields: Record<string, unknown> = {}) => ({
  status: 200,
  json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...fields },
});

/** Tencent signs the query string only (Sign over token + RequestTime) and sends no Content-Type. */
function delivery(body: string, command: string, token?: string): Delivery {
  const url = tencentChatUrl(command, token === undefined ? {} : { token });
  return { query: url.slice(url.indexOf('?') + 1), headers: {}, body };
}

export const tencentChatRow: ProviderRow = {
  name: 'tencentChat',
  path: '/tencent',
  receiver: (options) => widen(createReceiver(tencentChat({ token: TOKEN }), options)),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body, name) => delivery(body, name, TOKEN),
  forged: { deliver: (body, name) => delivery(body, name, 'xxxxyyyy-wrong'), code: 'SIGNATURE_MISMATCH' },
  unsigned: { deliver: (body, name) => delivery(body, name), code: 'SIGNATURE_MISSING' },
  sample: beforeSend,
  unknownEvent: {
    name: 'C2C.CallbackAfterSomethingNew',
    payload: { CallbackCommand: 'C2C.CallbackAfterSomethingNew', From_Account: 'jared' },
  },
  // A before-send callback nobody decided on is allowed, also when the deadline passes.
  noReply: answer(),
  replies: [
    {
      name: 'reject with a custom code',
      event: beforeSend,
      on: 'C2C.CallbackBeforeSendMsg',
      reply: { decision: 'reject', code: 120001, info: 'blocked word' },
      expect: answer({ ErrorCode: 120001, ErrorInfo: 'blocked word' }),
    },
    {
      name: 'discard',
      event: beforeSend,
      on: 'C2C.CallbackBeforeSendMsg',
      reply: { decision: 'discard' },
      expect: answer({ ErrorCode: 2 }),
    },
    {
      name: 'modify the message body',
      event: beforeSend,
      on: 'C2C',
      reply: { decision: 'modify', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] },
      expect: answer({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] }),
    },
    {
      name: 'after-callback acknowledged',
      event: { name: 'C2C.CallbackAfterSendMsg', payload: tencentChatFixtures['C2C.CallbackAfterSendMsg'] },
      on: 'C2C.CallbackAfterSendMsg',
      reply: undefined,
      expect: answer(),
    },
  ],
};
