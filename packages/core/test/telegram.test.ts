import { createReceiver, silentLogger, telegram, telegramMethod, type WebhookRequest } from '@hookguard/core';
import { telegramUpdateSchemas } from '@hookguard/core/schemas';
import { telegramFixtures, telegramRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const TOKEN = 'S3cr3t_token-for-tests';

function receiverWith(options: Partial<Parameters<typeof telegram>[0]> = {}) {
  const seen = vi.fn();
  const receiver = createReceiver(telegram({ secretToken: TOKEN, ...options }), { logger: silentLogger }).on(
    '*',
    // `*` receives unknown updates too, named `unknown`.
    (update, context) => {
      seen(context.name, update, context);
    },
  );
  return { receiver, seen };
}

const withHeader = (update: unknown, token: string | undefined, remoteAddress?: string): WebhookRequest => {
  const request = telegramRequest(update, { secretToken: token ?? '' });
  const headers = { ...request.headers };
  if (token === undefined) delete headers['x-telegram-bot-api-secret-token'];
  return { ...request, headers, ...(remoteAddress === undefined ? {} : { remoteAddress }) };
};

const codeOf = (answer: { body?: unknown }) =>
  (JSON.parse(String(answer.body)) as { error: { code: string } }).error.code;

describe('telegram(): the secret token', () => {
  it('accepts the token given to setWebhook, and any of several while moving to a new one', async () => {
    const { receiver, seen } = receiverWith({ secretToken: ['the-new-one', TOKEN] });
    const answer = await receiver.handle(withHeader(telegramFixtures.message, TOKEN));
    expect(answer.status).toBe(204);
    expect(seen.mock.calls[0]?.[2]).toMatchObject({ secretIndex: 1, deliveryKey: '918273600' });
  });

  it('refuses a missing, wrong, longer, shorter or malformed token, and never echoes it', async () => {
    const { receiver, seen } = receiverWith();
    const cases: [string | undefined, string][] = [
      [undefined, 'SIGNATURE_MISSING'],
      ['', 'SIGNATURE_MISSING'],
      ['S3cr3t_token-for-test', 'SIGNATURE_MISMATCH'],
      [`${TOKEN}x`, 'SIGNATURE_MISMATCH'],
      [TOKEN.toUpperCase(), 'SIGNATURE_MISMATCH'],
      ['x'.repeat(256), 'SIGNATURE_MISMATCH'],
      ['x'.repeat(257), 'SIGNATURE_MALFORMED'],
      [`${TOKEN} `, 'SIGNATURE_MALFORMED'],
      [`Bearer ${TOKEN}`, 'SIGNATURE_MALFORMED'],
      // A header sent twice arrives joined: no token at all, whichever copy is valid.
      [`${TOKEN}, ${TOKEN}`, 'SIGNATURE_MALFORMED'],
      [`${TOKEN},${TOKEN}`, 'SIGNATURE_MALFORMED'],
    ];
    for (const [token, code] of cases) {
      const answer = await receiver.handle(withHeader(telegramFixtures.message, token));
      expect(answer.status, String(token)).toBe(401);
      expect(codeOf(answer), String(token)).toBe(code);
      expect(String(answer.body)).not.toContain(TOKEN);
    }
    expect(seen).not.toHaveBeenCalled();
  });

  it.each([
    [{}, /secretToken is required/],
    [{ secretToken: '' }, /secretToken is required/],
    [{ secretToken: 'has space' }, /secretToken #1 is not one Telegram accepts: 1-256 characters/],
    [{ secretToken: 'dots.are.out' }, /secretToken #1 is not one Telegram accepts/],
    [{ secretToken: 'ünïcode' }, /secretToken #1 is not one Telegram accepts/],
    [{ secretToken: ['fine', 'a'.repeat(257)] }, /secretToken #2 is not one Telegram accepts/],
    [{ secretToken: TOKEN, allowFrom: [] }, /allowFrom must be a non-empty list/],
    [{ secretToken: TOKEN, allowFrom: ['149.154.167.0/20'] }, /host bits set/],
  ])('refuses %j at construction with a TypeError that does not repeat the token', (options, message) => {
    const build = () => telegram(options as Parameters<typeof telegram>[0]);
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
    const tokens = [(options as { secretToken?: unknown }).secretToken].flat();
    try {
      build();
    } catch (error) {
      for (const token of tokens) {
        if (typeof token === 'string' && token.length > 0)
          expect((error as Error).message).not.toContain(token);
      }
    }
  });

  it('accepts the longest token Telegram allows, all of its alphabet', async () => {
    const token = `${'AZaz09_-'.repeat(32)}`;
    expect(token).toHaveLength(256);
    const { receiver } = receiverWith({ secretToken: token });
    expect((await receiver.handle(withHeader(telegramFixtures.message, token))).status).toBe(204);
  });
});

describe("telegram(): allowFrom: 'telegram'", () => {
  it("accepts Telegram's published ranges and refuses others before the token", async () => {
    const { receiver, seen } = receiverWith({ allowFrom: 'telegram' });
    const inside = [
      '149.154.160.1',
      '149.154.175.254',
      '91.108.4.10',
      '91.108.7.255',
      '::ffff:149.154.167.99',
    ];
    const outside = ['149.154.176.1', '91.108.8.1', '127.0.0.1', '2001:67c:4e8::1', undefined];
    let update = 0;
    for (const address of inside) {
      const body = { ...telegramFixtures.message, update_id: ++update };
      const answer = await receiver.handle(withHeader(body, TOKEN, address));
      expect(answer.status, address).toBe(204);
    }
    for (const address of outside) {
      const body = { ...telegramFixtures.message, update_id: ++update };
      const answer = await receiver.handle(withHeader(body, TOKEN, address));
      expect(answer.status, String(address)).toBe(401);
      expect(codeOf(answer)).toBe('SOURCE_NOT_ALLOWED');
    }
    expect(seen).toHaveBeenCalledTimes(inside.length);
  });

  it('takes a list of its own instead', async () => {
    const { receiver } = receiverWith({ allowFrom: ['10.0.0.0/8'] });
    expect((await receiver.handle(withHeader(telegramFixtures.message, TOKEN, '10.1.2.3'))).status).toBe(204);
    const refused = await receiver.handle(withHeader(telegramFixtures.message, TOKEN, '149.154.160.1'));
    expect(codeOf(refused)).toBe('SOURCE_NOT_ALLOWED');
  });
});

describe('telegram(): updates', () => {
  it('names every update by its one field and delivers it as parsed', async () => {
    const { receiver, seen } = receiverWith();
    for (const [kind, update] of Object.entries(telegramFixtures)) {
      const answer = await receiver.handle(withHeader(update, TOKEN));
      expect(answer.status, kind).toBe(204);
      expect(seen.mock.lastCall?.[0], kind).toBe(kind);
      expect(seen.mock.lastCall?.[1], kind).toEqual(update);
    }
    expect(seen).toHaveBeenCalledTimes(Object.keys(telegramUpdateSchemas).length);
  });

  it('keeps fields the schemas do not list, and sends a new kind of update to `unknown` under its field', async () => {
    const { receiver, seen } = receiverWith();
    const extended = {
      ...telegramFixtures.message,
      update_id: 1,
      message: { ...(telegramFixtures.message['message'] as object), new_field: { kept: [1, 2] } },
    };
    const newKind = { update_id: 2, managed_bot_update: { id: 'x', date: 1764561600 } };
    await receiver.handle(withHeader(extended, TOKEN));
    await receiver.handle(withHeader(newKind, TOKEN));
    expect(seen.mock.calls[0]?.[1]).toEqual(extended);
    expect(seen.mock.calls[1]?.[0]).toBe('unknown');
    expect(seen.mock.calls[1]?.[1]).toMatchObject({ name: 'managed_bot_update', payload: newKind });
  });

  it('runs an update Telegram sends again once (dedupe on update_id)', async () => {
    const { receiver, seen } = receiverWith();
    const update = { ...telegramFixtures.callback_query, update_id: 77 };
    const answers = [
      await receiver.handle(withHeader(update, TOKEN)),
      await receiver.handle(withHeader(update, TOKEN)),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([204, 204]);
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]?.[2]).toMatchObject({ deliveryKey: '77' });
  });
});

describe('telegram(): a method call in the answer', () => {
  const chatId = 111222333;

  it('writes the returned call as JSON in a 200, method first', async () => {
    const receiver = createReceiver(telegram({ secretToken: TOKEN }), { logger: silentLogger })
      .on('message', (update) => ({
        method: 'sendMessage',
        chat_id: update.message.chat.id,
        text: 'pong 🏓',
      }))
      .on('callback_query', (update) =>
        telegramMethod('answerCallbackQuery', { callback_query_id: update.callback_query.id, text: 'ok' }),
      )
      .on('inline_query', () => telegramMethod('answerWebAppQuery', { web_app_query_id: 'q', result: {} }));
    const message = await receiver.handle(withHeader(telegramFixtures.message, TOKEN));
    expect(message.status).toBe(200);
    expect(message.headers['content-type']).toMatch(/^application\/json/);
    expect(message.body).toBe(`{"method":"sendMessage","chat_id":${chatId},"text":"pong 🏓"}`);
    const callback = await receiver.handle(withHeader(telegramFixtures.callback_query, TOKEN));
    expect(callback.body).toBe(
      '{"method":"answerCallbackQuery","callback_query_id":"4382bfdwdsb323b2d9","text":"ok"}',
    );
    const other = await receiver.handle(withHeader(telegramFixtures.inline_query, TOKEN));
    expect(JSON.parse(String(other.body))).toEqual({
      method: 'answerWebAppQuery',
      web_app_query_id: 'q',
      result: {},
    });
  });

  it.each([
    ['no method', { chat_id: chatId, text: 'x' }],
    ['an empty method', { method: '', chat_id: chatId }],
    ['a method that is no name', { method: 'send Message', chat_id: chatId }],
    ['a string', 'pong'],
    ['an array', [{ method: 'sendMessage' }]],
    ['a file as bytes', { method: 'sendPhoto', chat_id: chatId, photo: Buffer.from('png') }],
  ])('answers %s with 500 INVALID_REPLY', async (_name, reply) => {
    const receiver = createReceiver(telegram({ secretToken: TOKEN }), { logger: silentLogger }).on(
      'message',
      // @ts-expect-error not a method call
      () => reply,
    );
    const answer = await receiver.handle(withHeader(telegramFixtures.message, TOKEN));
    expect(answer.status).toBe(500);
    expect(codeOf(answer)).toBe('INVALID_REPLY');
  });

  it('telegramMethod refuses a bad name and a second, different method among the parameters', () => {
    expect(() => telegramMethod('send-message', {})).toThrow(TypeError);
    expect(() => telegramMethod('sendMessage', { chat_id: 1, text: 'x', method: 'leaveChat' })).toThrow(
      /given twice/,
    );
    expect(telegramMethod('leaveChat', { chat_id: -100 })).toEqual({ method: 'leaveChat', chat_id: -100 });
  });
});
