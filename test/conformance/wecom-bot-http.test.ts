import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReceiver, silentLogger, wecomBot } from '@hookguard/core';
import { wecomBotFixtures } from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, type RawResponse } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * WeCom smart bots (智能机器人) over real HTTP through every adapter. Every request here is
 * built from WeCom's published recipe with node:crypto alone, not hookguard's envelope code
 * (https://developer.work.weixin.qq.com/document/path/101033): AES-256-CBC with the key
 * base64(EncodingAESKey + "="), the IV its first 16 bytes, `random(16) ‖ uint32BE(length) ‖ msg ‖
 * receiveId` with the receive id "" padded to 32-byte blocks, and msg_signature = sha1 of the
 * sorted token, timestamp, nonce and ciphertext. Each reply is opened the same way: its
 * `msgsignature` recomputed, its plaintext decrypted and its receive id checked empty.
 */
const SETTINGS = {
  token: 'hookguardBotToken',
  encodingAESKey: 'Zm9vYmFyYmF6cXV4MDEyMzQ1Njc4OWFiY2RlZmdoaWo',
};
const KEY = Buffer.from(`${SETTINGS.encodingAESKey}=`, 'base64');
const JSON_TYPE = { 'content-type': 'application/json' };

function sha1Signature(parts: readonly string[]): string {
  return createHash('sha1')
    .update([SETTINGS.token, ...parts].sort().join(''))
    .digest('hex');
}

function encrypt(message: string, receiveId = ''): string {
  const text = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  const unpadded = Buffer.concat([randomBytes(16), length, text, Buffer.from(receiveId, 'utf8')]);
  const pad = 32 - (unpadded.length % 32);
  const aes = createCipheriv('aes-256-cbc', KEY, KEY.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([aes.update(Buffer.concat([unpadded, Buffer.alloc(pad, pad)])), aes.final()]).toString(
    'base64',
  );
}

/** The plaintext and the receive id after it. */
function decrypt(text: string): { readonly message: string; readonly receiveId: string } {
  const aes = createDecipheriv('aes-256-cbc', KEY, KEY.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([aes.update(Buffer.from(text, 'base64')), aes.final()]);
  const unpadded = plain.subarray(0, plain.length - plain[plain.length - 1]!);
  const length = unpadded.readUInt32BE(16);
  return {
    message: unpadded.subarray(20, 20 + length).toString('utf8'),
    receiveId: unpadded.subarray(20 + length).toString('utf8'),
  };
}

interface Signed {
  readonly query: string;
  readonly body: string;
  readonly encrypt: string;
}

function signed(message: unknown, options: { readonly receiveId?: string } = {}): Signed {
  const encrypted = encrypt(JSON.stringify(message), options.receiveId);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(1_000_000 + Math.floor(Math.random() * 1_000_000));
  const signature = sha1Signature([timestamp, nonce, encrypted]);
  return {
    query: `msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
    body: JSON.stringify({ encrypt: encrypted }),
    encrypt: encrypted,
  };
}

/** The reply as the smart bot reads it: exactly its four fields, the signature recomputed, decrypted. */
function openReply(response: RawResponse): unknown {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  const reply = response.json() as Record<string, string>;
  expect(Object.keys(reply).sort()).toEqual(['encrypt', 'msgsignature', 'nonce', 'timestamp']);
  expect(reply['timestamp']).toMatch(/^\d{10}$/);
  expect(reply['msgsignature']).toBe(
    sha1Signature([reply['timestamp']!, reply['nonce']!, reply['encrypt']!]),
  );
  const opened = decrypt(reply['encrypt']!);
  expect(opened.receiveId).toBe('');
  return JSON.parse(opened.message);
}

const fixture = (name: string, changes: Record<string, unknown> = {}) => ({
  ...wecomBotFixtures[name],
  ...changes,
});

for (const adapter of adapters) {
  describe(`wecomBot() through ${adapter.name}`, () => {
    const seen: unknown[] = [];
    const receiver = createReceiver(wecomBot(SETTINGS), { logger: silentLogger })
      .on('text', (event, context) => {
        seen.push([event.text.content, event.from.userid, event.chattype, context.meta.timestamp]);
        if (event.text.content === 'quiet') return undefined;
        if (event.text.content === 'card') {
          return { msgtype: 'template_card', template_card: { card_type: 'text_notice', task_id: 't1' } };
        }
        if (event.text.content === 'welcome') return { msgtype: 'text', text: { content: 'hi' } } as never;
        return { msgtype: 'stream', stream: { id: `s-${event.msgid}`, finish: false, content: 'thinking' } };
      })
      .on('stream', (event) => {
        seen.push(['stream', event.stream.id]);
        if (event.stream.id === 'card-please') {
          return { msgtype: 'template_card', template_card: { card_type: 'text_notice' } } as never;
        }
        return { msgtype: 'stream', stream: { id: event.stream.id, finish: true, content: '完成' } };
      })
      .on('event.enter_chat', (event) => {
        seen.push(['enter_chat', event.from.userid]);
        return { msgtype: 'text', text: { content: '欢迎' } };
      })
      .on('event.template_card_event', (event) => {
        seen.push(['card', event.event.template_card_event.event_key]);
        return {
          response_type: 'update_template_card',
          userids: [event.from.userid],
          template_card: { card_type: 'text_notice', task_id: event.event.template_card_event.task_id },
        };
      })
      .on('event.feedback_event', (event) => {
        seen.push(['feedback', event.event.feedback_event.type]);
        return { msgtype: 'stream', stream: { id: 'x' } } as never;
      });
    let server: Awaited<ReturnType<typeof adapter.serve>>;
    beforeAll(async () => {
      server = await adapter.serve(receiver, '/bot');
    });
    afterAll(() => server.close());
    const send = (request: Signed) =>
      post(`${server.url}/bot?${request.query}`, request.body, { headers: JSON_TYPE });

    it('answers the GET URL check with the echostr decrypted for the receive id "", as the whole body', async () => {
      const echostr = encrypt('7437213960528416043');
      const query = `timestamp=1750000000&nonce=1372623149&echostr=${encodeURIComponent(echostr)}`;
      const good = sha1Signature(['1750000000', '1372623149', echostr]);
      const response = await post(`${server.url}/bot?msg_signature=${good}&${query}`, '', { method: 'GET' });
      expect([response.status, response.text, response.headers['content-type']]).toEqual([
        200,
        '7437213960528416043',
        'text/plain; charset=utf-8',
      ]);
      const wrong = await post(`${server.url}/bot?msg_signature=${'0'.repeat(40)}&${query}`, '', {
        method: 'GET',
      });
      expect([wrong.status, wrong.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);
    });

    it('types a text message and answers with a streamed reply, encrypted and signed as {encrypt, msgsignature, timestamp, nonce}', async () => {
      seen.length = 0;
      const request = signed(fixture('text', { msgid: 'bot-text-1' }));
      const response = await send(request);
      expect(openReply(response)).toEqual({
        msgtype: 'stream',
        stream: { id: 's-bot-text-1', finish: false, content: 'thinking' },
      });
      expect(seen).toEqual([
        ['@hookguard 今天的发布情况？', 'zhangsan', 'group', expect.stringMatching(/^\d{10}$/)],
      ]);
      // Fresh random bytes and nonce: the reply is never the request's envelope echoed.
      expect((response.json() as { encrypt: string }).encrypt).not.toBe(request.encrypt);
    });

    it('answers nothing to say with an empty 200 and dedupes a retry encrypted afresh on msgid', async () => {
      seen.length = 0;
      const message = fixture('text', { msgid: 'bot-quiet-1', text: { content: 'quiet' } });
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await send(signed(message));
        expect([response.status, response.text]).toEqual([200, '']);
      }
      expect(seen).toHaveLength(1);
      // Another msgid is another callback.
      await send(signed({ ...message, msgid: 'bot-quiet-2' }));
      expect(seen).toHaveLength(2);
    });

    it('answers a message with a template card, a stream refresh with the stream, enter_chat with a welcome, a card event with the card updated', async () => {
      seen.length = 0;
      const card = await send(signed(fixture('text', { msgid: 'bot-card-1', text: { content: 'card' } })));
      expect(openReply(card)).toEqual({
        msgtype: 'template_card',
        template_card: { card_type: 'text_notice', task_id: 't1' },
      });
      const refresh = await send(signed(fixture('stream', { msgid: 'bot-stream-1' })));
      expect(openReply(refresh)).toEqual({
        msgtype: 'stream',
        stream: { id: 'hookguard-stream-1', finish: true, content: '完成' },
      });
      const welcome = await send(signed(fixture('event.enter_chat')));
      expect(openReply(welcome)).toEqual({ msgtype: 'text', text: { content: '欢迎' } });
      const updated = await send(signed(fixture('event.template_card_event')));
      expect(openReply(updated)).toEqual({
        response_type: 'update_template_card',
        userids: ['lisi'],
        template_card: { card_type: 'text_notice', task_id: 'hookguard-task-1' },
      });
      expect(seen).toEqual([
        ['card', 'zhangsan', 'group', expect.any(String)],
        ['stream', 'hookguard-stream-1'],
        ['enter_chat', 'lisi'],
        ['card', 'approve'],
      ]);
    });

    it('refuses a reply the callback does not accept (500 INVALID_REPLY): text to a message, a card to a refresh, anything to feedback', async () => {
      const text = await send(
        signed(fixture('text', { msgid: 'bot-welcome-1', text: { content: 'welcome' } })),
      );
      const card = await send(
        signed(fixture('stream', { msgid: 'bot-stream-2', stream: { id: 'card-please' } })),
      );
      const feedback = await send(signed(fixture('event.feedback_event')));
      for (const response of [text, card, feedback]) {
        expect([response.status, response.json()]).toMatchObject([500, { error: { code: 'INVALID_REPLY' } }]);
      }
    });

    it('refuses a repeated proof, a tampered or foreign ciphertext, a missing signature and a body that is not {"encrypt"}, before any handler', async () => {
      seen.length = 0;
      const request = signed(fixture('text', { msgid: 'bot-refused-1' }));
      const twice = await post(
        `${server.url}/bot?${request.query}&msg_signature=${'0'.repeat(40)}`,
        request.body,
        { headers: JSON_TYPE },
      );
      expect([twice.status, twice.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MALFORMED' } }]);
      const swapped = `${request.encrypt.slice(0, 7)}${request.encrypt[7] === 'A' ? 'B' : 'A'}${request.encrypt.slice(8)}`;
      const tampered = JSON.stringify({ encrypt: swapped });
      const altered = await post(`${server.url}/bot?${request.query}`, tampered, { headers: JSON_TYPE });
      expect([altered.status, altered.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MISMATCH' } },
      ]);
      // A WeCom app's envelope (encrypted for a CorpID) is not a smart bot's.
      const foreign = await send(
        signed(fixture('text', { msgid: 'bot-refused-2' }), { receiveId: 'ww0123456789abcdef' }),
      );
      expect([foreign.status, foreign.json()]).toMatchObject([401, { error: { code: 'SENDER_MISMATCH' } }]);
      const unsigned = await post(`${server.url}/bot`, request.body, { headers: JSON_TYPE });
      expect([unsigned.status, unsigned.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MISSING' } },
      ]);
      const plain = await post(`${server.url}/bot?${request.query}`, JSON.stringify(fixture('text')), {
        headers: JSON_TYPE,
      });
      expect([plain.status, plain.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);
      expect(seen).toEqual([]);
    });

    it('takes GET and POST only: PUT gets 405 with Allow', async () => {
      const response = await post(`${server.url}/bot`, '', { method: 'PUT' });
      expect([response.status, response.headers.allow]).toEqual([405, 'GET, POST']);
    });
  });
}
