import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { telegram } from '../index.js';
import { telegramMethod } from '../reply.js';
import { telegramFixtures } from './fixtures.js';

const DEMO_TOKEN = 'hookguard-demo-telegram';
const message = { name: 'message', payload: telegramFixtures.message };
const callback = { name: 'callback_query', payload: telegramFixtures.callback_query };
const chatId = (telegramFixtures.message['message'] as { chat: { id: number } }).chat.id;
const echo = { method: 'sendMessage', chat_id: chatId, text: 'pong' };
const answered = { method: 'answerCallbackQuery', callback_query_id: '4382bfdwdsb323b2d9', text: 'Noted ✅' };

/** Telegram Bot API webhooks (setWebhook with a secret_token). */
export const telegramKit: SenderKit = {
  name: 'telegram',
  aliases: [],
  sender: 'Telegram (Bot API webhook)',
  wire: 'JSON Update with Content-Length; X-Telegram-Bot-Api-Secret-Token: <the token itself>; the body is not signed',
  path: '/telegram',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where: 'the secret_token you pass to setWebhook (1-256 of A-Z, a-z, 0-9, _ and -)',
  },
  fixtures: telegramFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret }) {
    const headers: [string, string][] = [['Content-Type', 'application/json']];
    // setWebhook without secret_token: the header is not sent at all.
    if (secret !== undefined) headers.push(['X-Telegram-Bot-Api-Secret-Token', secret]);
    return { query: [], headers, body, chunked: false };
  },
  provider: (secret) => telegram({ secretToken: secret ?? '' }),
  proof: { header: 'x-telegram-bot-api-secret-token', relatedHeaders: [], coversBody: false },
  // A token proves who sent it, not what: a changed body still passes.
  tamperings: [bodySpaceAdded(204, ', not signed'), wrongSecret()],
  readReply: statusReading(
    'delivered; a method call in the answer is run, its result never reported',
    'failed: Telegram sends the update again, gives up after a few attempts, and keeps the error in getWebhookInfo',
  ),
  answers: {
    sample: message,
    unknownEvent: {
      name: 'future_kind',
      payload: { update_id: 918273999, future_kind: { id: 'x1', date: 1764561600 } },
    },
    noReply: { status: 204 },
    // Telegram waits about a minute, then resends: a slow handler is answered 204 first.
    deadlineFallback: { status: 204 },
    replies: [
      {
        name: 'sendMessage in the answer',
        event: message,
        on: 'message',
        reply: echo,
        expect: { status: 200, json: echo },
      },
      {
        name: 'answerCallbackQuery in the answer',
        event: callback,
        on: 'callback_query',
        reply: answered,
        expect: { status: 200, json: answered },
      },
      { name: 'nothing to run', event: message, on: 'message', reply: undefined, expect: { status: 204 } },
      {
        name: 'a reply without a method',
        event: message,
        on: 'message',
        reply: { chat_id: chatId, text: 'pong' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'message',
    createReceiver: (options) =>
      createReceiver(telegram({ secretToken: DEMO_TOKEN }), options)
        .on('message', (update) =>
          telegramMethod('sendMessage', { chat_id: update.message.chat.id, text: 'pong' }),
        )
        .on('callback_query', (update) =>
          telegramMethod('answerCallbackQuery', {
            callback_query_id: update.callback_query.id,
            text: 'Noted ✅',
          }),
        ),
    expect(event) {
      if (event === 'message') return { status: 200, body: JSON.stringify(echo) };
      if (event === 'callback_query') return { status: 200, body: JSON.stringify(answered) };
      return { status: 204, body: '' };
    },
  },
};
