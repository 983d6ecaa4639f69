import { createReceiver } from '../../../receiver/create-receiver.js';
import { fieldOf, tryParseJson, utf8 } from '../../../testing/json-fields.js';
import type { NamedEvent, SenderKit } from '../../../testing/sender-kit.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { onebot } from '../index.js';
import { onebotFixtures } from './fixtures.js';
import { readNapcatReply } from './read-reply.js';
import { signOnebot } from './sign.js';

const DEFAULT_SELF_ID = '10001000';
const DEMO_SECRET = 'hookguard-demo-onebot';
const event = (name: keyof typeof onebotFixtures): NamedEvent => ({ name, payload: onebotFixtures[name] });

/** NapCat's http-client (https://github.com/NapNeko/NapCatQQ/blob/main/packages/napcat-onebot/network/http-client.ts). */
export const onebotKit: SenderKit = {
  name: 'onebot',
  aliases: ['napcat'],
  sender: 'NapCat (OneBot 11 HTTP POST)',
  wire: 'JSON.stringify body, chunked (no Content-Length), x-signature: sha1=<hex HMAC-SHA1>',
  path: '/onebot',
  secret: { demo: DEMO_SECRET, optional: true, where: 'the http-client "token" in NapCat\'s network config' },
  fixtures: onebotFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret }) {
    // NapCat's x-self-id is the bot's own uin, which is also the body's self_id.
    const selfId = fieldOf(tryParseJson(body), 'self_id');
    const headers: [string, string][] = [
      ['Content-Type', 'application/json'],
      ['x-self-id', selfId === undefined ? DEFAULT_SELF_ID : String(selfId)],
    ];
    // No token, no header at all: NapCat's default.
    if (secret) headers.push(['x-signature', signOnebot(body, secret)['x-signature'] ?? '']);
    return { query: [], headers, body, chunked: true };
  },
  provider: (secret) => (secret ? onebot({ secret }) : onebot({ allowUnsigned: true })),
  proof: { header: 'x-signature', relatedHeaders: ['x-self-id'], coversBody: true },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: readNapcatReply,
  answers: {
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
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'message.group.normal',
    createReceiver(options) {
      return createReceiver(onebot({ secret: DEMO_SECRET }), options)
        .on('message.group', () => ({ reply: 'pong', at_sender: true }))
        .on('message.private', () => ({ reply: 'pong' }))
        .on('request.friend', () => ({ approve: true }))
        .on('request.group', () => ({ approve: false, reason: 'invitations closed' }));
    },
    expect(event) {
      if (event.startsWith('message.group.'))
        return { status: 200, body: '{"reply":"pong","at_sender":true}' };
      if (event.startsWith('message.private.')) return { status: 200, body: '{"reply":"pong"}' };
      if (event === 'request.friend') return { status: 200, body: '{"approve":true}' };
      if (event.startsWith('request.group.')) {
        return { status: 200, body: '{"approve":false,"reason":"invitations closed"}' };
      }
      return { status: 204, body: '' };
    },
  },
};
