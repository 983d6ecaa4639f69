import { createReceiver, onebot } from '@hookguard/core';
import { onebotFixtures, signOnebot } from '@hookguard/core/testing';
import { type NamedEvent, type ProviderRow, widen } from '../row.js';

const SECRET = 'conformance-onebot';
const event = (name: keyof typeof onebotFixtures): NamedEvent => ({ name, payload: onebotFixtures[name] });

export const onebotRow: ProviderRow = {
  name: 'onebot',
  path: '/onebot',
  receiver: (options) => widen(createReceiver(onebot({ secret: SECRET }), options)),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body) => ({ headers: signOnebot(body, SECRET), body }),
  forged: {
    deliver: (body) => ({ headers: signOnebot(body, 'not-the-secret'), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: event('message.group.normal'),
  unknownEvent: {
    name: 'message.channel',
    payload: { time: 1700000000, self_id: 10001000, post_type: 'message', message_type: 'channel' },
  },
  noReply: { status: 204 },
  replies: [
    {
      name: 'group quick reply',
      event: event('message.group.normal'),
      on: 'message.group',
      reply: { reply: 'pong', at_sender: true },
      expect: { status: 200, json: { reply: 'pong', at_sender: true } },
    },
    {
      name: 'private quick reply as segments',
      event: event('message.private.friend'),
      on: 'message.private',
      reply: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      expect: {
        status: 200,
        json: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      },
    },
    {
      name: 'friend request approved',
      event: event('request.friend'),
      on: 'request.friend',
      reply: { approve: true },
      expect: { status: 200, json: { approve: true } },
    },
    {
      name: 'group invitation refused with a reason',
      event: event('request.group.invite'),
      on: 'request.group',
      reply: { approve: false, reason: 'no bots here' },
      expect: { status: 200, json: { approve: false, reason: 'no bots here' } },
    },
    {
      name: 'a reply the event cannot carry',
      event: event('notice.friend_add'),
      on: 'notice',
      reply: { reply: 'hi' },
      expect: { status: 500, code: 'INVALID_REPLY' },
    },
  ],
};
