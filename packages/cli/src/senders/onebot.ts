import { createReceiver, onebot } from '@hookguard/core';
import { onebotFixtures, signOnebot } from '@hookguard/core/testing';
import JSON5 from 'json5';
import { DEMO_SECRETS } from './demo-secrets.js';
import { fieldOf, tryParseJson, utf8 } from './json-body.js';
import type { ReplyReading, SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, wrongSecret } from './tamperings.js';

/** The quick-operation fields NapCat's `handleQuickOperation` reads; the rest it accepts and ignores. */
const HONOURED = ['reply', 'auto_escape', 'at_sender', 'approve', 'reason'];
const DEFAULT_SELF_ID = '10001000';
const DEMO_SECRET = DEMO_SECRETS.onebot;

/** NapCat's http-client (https://github.com/NapNeko/NapCatQQ/blob/main/packages/napcat-onebot/network/http-client.ts). */
export const onebotSender: SenderProfile = {
  name: 'onebot',
  sender: 'NapCat (OneBot 11 HTTP POST)',
  wire: 'JSON.stringify body, chunked (no Content-Length), x-signature: sha1=<hex HMAC-SHA1>',
  path: '/onebot',
  fixtures: onebotFixtures,
  secret: { optional: true, where: 'the http-client "token" in NapCat\'s network config' },
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
  createProvider: (secret) => (secret ? onebot({ secret }) : onebot({ allowUnsigned: true })),
  readReply,
  demo: {
    secret: DEMO_SECRET,
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
    tamperings: [bodySpaceAdded(), wrongSecret()],
  },
};

/** As NapCat's `emitEventAsync`: any 2xx body is parsed with json5, an empty one means "nothing". */
function readReply(status: number, body: string): ReplyReading {
  if ([301, 302, 307, 308].includes(status)) {
    return { delivered: false, summary: 're-posts the same body to the Location (up to 5 redirects)' };
  }
  if (status < 200 || status >= 300) {
    return { delivered: false, summary: `logs "Unexpected status code: ${status}"; no retry` };
  }
  if (body === '') return { delivered: true, summary: 'no quick operation', decoded: {} };
  let decoded: unknown;
  try {
    decoded = JSON5.parse(body);
  } catch (error) {
    return {
      delivered: false,
      summary: `json5 cannot parse it (${(error as Error).message}); logs an error`,
    };
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    return { delivered: true, summary: 'not an object: no quick operation', decoded };
  }
  const fields = Object.entries(decoded as Record<string, unknown>);
  const acted = fields
    .filter(([key]) => HONOURED.includes(key))
    .map(([key, value]) => describeField(key, value));
  const ignored = fields.filter(([key]) => !HONOURED.includes(key)).map(([key]) => key);
  const parts = [acted.length > 0 ? acted.join(', ') : 'no quick operation'];
  if (ignored.length > 0) parts.push(`(ignores ${ignored.join(', ')})`);
  return { delivered: true, summary: parts.join(' '), decoded };
}

function describeField(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? key : `${key}: false`;
  return `${key} ${JSON.stringify(value)}`;
}
