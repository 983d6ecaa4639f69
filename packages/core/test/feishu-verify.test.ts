import {
  createReceiver,
  feishu,
  lark,
  type ReceiverOptions,
  silentLogger,
  type WebhookRequest,
} from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';
import { encryptFeishu } from '../src/providers/feishu/envelope.js';
import {
  FEISHU_DEMO_TOKEN,
  feishuFixtures,
  feishuUrlVerification,
} from '../src/providers/feishu/kit/fixtures.js';
import { feishuEncryptedBody, feishuRequest, signFeishu } from '../src/providers/feishu/kit/sign.js';

const KEY = 'feishu-test-encrypt-key';
const TOKEN = FEISHU_DEMO_TOKEN;
const TS = 1732000000;
const NOW = TS * 1000;
const message = feishuFixtures['im.message.receive_v1'];

function receiverFor(options: Parameters<typeof feishu>[0], receiverOptions: ReceiverOptions = {}) {
  const handler = vi.fn((_event: unknown, _context: unknown): unknown => undefined);
  const receiver = createReceiver(feishu(options), {
    logger: silentLogger,
    now: () => NOW,
    ...receiverOptions,
  }).on('*', handler as never);
  return { receiver, handler };
}

/** Encrypted and signed as Feishu sends it for an app with an Encrypt Key. */
const encrypted = (payload: unknown, timestamp: number = TS, key = KEY): WebhookRequest =>
  feishuRequest(payload, { encryptKey: key, timestamp });
const plaintext = (payload: unknown): WebhookRequest => feishuRequest(payload);

const withToken = (token: string | undefined) => ({
  ...message,
  header: { ...message.header, event_id: `token-${token}`, token },
});
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('feishu(): configuration', () => {
  it('refuses a configuration with neither an Encrypt Key nor a Verification Token', () => {
    expect(() => feishu({})).toThrow(/encryptKey .*verificationToken/);
    expect(() => feishu({ encryptKey: '', verificationToken: [] })).toThrow(TypeError);
    expect(() => feishu({ allowUnsigned: true })).not.toThrow();
  });

  it('is the same factory under its Lark name', () => {
    expect(lark).toBe(feishu);
  });

  it('warns once when the token is the only proof, and when the deadline is not under 3 s', () => {
    expect(feishu({ verificationToken: TOKEN }).configWarnings).toEqual([
      expect.stringMatching(/only proof/),
    ]);
    expect(feishu({ encryptKey: KEY, deadlineMs: 3000 }).configWarnings).toEqual([
      expect.stringMatching(/3 s/),
    ]);
    expect(feishu({ encryptKey: KEY, verificationToken: TOKEN }).configWarnings).toEqual([]);
  });
});

describe('feishu(): plaintext mode (Verification Token only)', () => {
  it('delivers an event whose header.token matches, and a 1.0 event whose token does', async () => {
    const { receiver, handler } = receiverFor({ verificationToken: TOKEN });
    expect((await receiver.handle(plaintext(message))).status).toBe(200);
    expect((await receiver.handle(plaintext(feishuFixtures.app_ticket))).status).toBe(200);
    expect(handler.mock.calls.map(([, context]) => (context as { name: string }).name)).toEqual([
      'im.message.receive_v1',
      'app_ticket',
    ]);
  });

  it.each([
    ['another token', withToken('not-the-token'), 'SIGNATURE_MISMATCH'],
    ['no token', withToken(undefined), 'SIGNATURE_MISSING'],
    [
      'the token of 2.0 put at the top instead',
      { ...withToken(undefined), token: TOKEN },
      'SIGNATURE_MISSING',
    ],
    ['a 1.0 event with another token', { ...feishuFixtures.app_ticket, token: 'nope' }, 'SIGNATURE_MISMATCH'],
    ['a URL check with another token', { ...feishuUrlVerification, token: 'nope' }, 'SIGNATURE_MISMATCH'],
  ])('refuses %s with 401 before any handler or handshake', async (_name, payload, code) => {
    const { receiver, handler } = receiverFor({ verificationToken: TOKEN });
    const response = await receiver.handle(plaintext(payload));
    expect(response.status).toBe(401);
    expect(codeOf(response.body)).toBe(code);
    expect(response.body).not.toContain(TOKEN);
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a body that is not JSON (no token to read) with 401, and an encrypted one it cannot read', async () => {
    const { receiver, handler } = receiverFor({ verificationToken: TOKEN });
    for (const body of [
      '{"schema":"2.0",',
      JSON.stringify({ encrypt: encryptFeishu(KEY, JSON.stringify(message)) }),
    ]) {
      const response = await receiver.handle({ ...plaintext(message), body: Buffer.from(body) });
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe('SIGNATURE_MISSING');
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers the URL check that carries the token', async () => {
    const { receiver } = receiverFor({ verificationToken: TOKEN });
    const response = await receiver.handle(plaintext(feishuUrlVerification));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ challenge: feishuUrlVerification.challenge });
  });

  it('accepts a token of a rotation list, reporting which', async () => {
    const { receiver, handler } = receiverFor({ verificationToken: ['old-token', TOKEN] });
    expect((await receiver.handle(plaintext(message))).status).toBe(200);
    expect(handler.mock.calls[0]?.[1]).toMatchObject({ secretIndex: 1 });
  });
});

describe('feishu(): with an Encrypt Key', () => {
  it('delivers an encrypted, signed event decrypted, and checks its token when one is configured', async () => {
    const { receiver, handler } = receiverFor({ encryptKey: KEY, verificationToken: TOKEN });
    expect((await receiver.handle(encrypted(message))).status).toBe(200);
    expect(handler.mock.calls[0]?.[0]).toEqual(message);
    const wrongToken = await receiver.handle(encrypted(withToken('forged')));
    expect(wrongToken.status).toBe(401);
    expect(codeOf(wrongToken.body)).toBe('SIGNATURE_MISMATCH');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('refuses an unsigned event, encrypted or not: only the URL check comes unsigned', async () => {
    const { receiver, handler } = receiverFor({ encryptKey: KEY, verificationToken: TOKEN });
    const unsigned = feishuRequest(JSON.parse(feishuEncryptedBody(message, KEY)));
    for (const request of [unsigned, plaintext(message)]) {
      const response = await receiver.handle(request);
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe('SIGNATURE_MISSING');
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers an unsigned URL check only when it decrypts with the key, or carries the token', async () => {
    const encryptedCheck = feishuRequest(JSON.parse(feishuEncryptedBody(feishuUrlVerification, KEY)));
    const otherKeyCheck = feishuRequest(JSON.parse(feishuEncryptedBody(feishuUrlVerification, 'other-key')));
    const keyOnly = receiverFor({ encryptKey: KEY }).receiver;
    expect((await keyOnly.handle(encryptedCheck)).status).toBe(200);
    expect((await keyOnly.handle(otherKeyCheck)).status).toBe(401);
    // In plaintext nothing proves it without a token.
    expect((await keyOnly.handle(plaintext(feishuUrlVerification))).status).toBe(401);
    const both = receiverFor({ encryptKey: KEY, verificationToken: TOKEN }).receiver;
    expect((await both.handle(plaintext(feishuUrlVerification))).status).toBe(200);
  });

  it('answers a signed body that cannot be decrypted 400 DECRYPTION_FAILED, never a crash or a handler', async () => {
    const { receiver, handler } = receiverFor({ encryptKey: KEY, verificationToken: TOKEN });
    const good = Buffer.from(encryptFeishu(KEY, JSON.stringify(message)), 'base64');
    const flippedLast = Buffer.from(good);
    flippedLast[flippedLast.length - 1]! ^= 0x01;
    const cases = [
      'not base64!',
      'QUJD', // three bytes: shorter than an IV and a block
      good.subarray(0, good.length - 1).toString('base64'), // not whole blocks
      flippedLast.toString('base64'), // the padding no longer reads as PKCS#7
      Buffer.concat([good.subarray(0, 16), Buffer.from('0123456789abcdef')]).toString('base64'),
    ];
    for (const encrypt of cases) {
      const body = JSON.stringify({ encrypt });
      const response = await receiver.handle({
        ...feishuRequest(body),
        headers: {
          'content-type': 'application/json',
          ...Object.fromEntries(
            Object.entries(signFeishu(body, { encryptKey: KEY, timestamp: TS })).map(([k, v]) => [
              k.toLowerCase(),
              v,
            ]),
          ),
        },
      });
      expect([400, 401], encrypt).toContain(response.status);
      expect(codeOf(response.body), encrypt).toMatch(/DECRYPTION_FAILED|INVALID_JSON/);
      expect(response.body).not.toMatch(/\n\s+at /);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses another key, a malformed signature, a missing nonce and a missing timestamp', async () => {
    const { receiver } = receiverFor({ encryptKey: KEY });
    const good = encrypted(message);
    const cases: [WebhookRequest, string][] = [
      [encrypted(message, TS, 'other-key'), 'SIGNATURE_MISMATCH'],
      [{ ...good, headers: { ...good.headers, 'x-lark-signature': 'zz' } }, 'SIGNATURE_MALFORMED'],
      [{ ...good, headers: { ...good.headers, 'x-lark-request-nonce': undefined } }, 'SIGNATURE_MALFORMED'],
      [{ ...good, headers: { ...good.headers, 'x-lark-request-timestamp': undefined } }, 'TIMESTAMP_MISSING'],
      [{ ...good, headers: { ...good.headers, 'x-lark-request-nonce': 'another' } }, 'SIGNATURE_MISMATCH'],
    ];
    for (const [request, code] of cases) {
      const response = await receiver.handle(request);
      expect(response.status).toBe(401);
      expect(codeOf(response.body)).toBe(code);
    }
  });

  it('accepts a timestamp up to 8 hours old (Feishu retries for about 7) and 5 minutes ahead, no further', async () => {
    const { receiver } = receiverFor({ encryptKey: KEY });
    const status = async (offsetSeconds: number) =>
      (
        await receiver.handle(
          encrypted(
            { ...message, header: { ...message.header, event_id: `t${offsetSeconds}` } },
            TS + offsetSeconds,
          ),
        )
      ).status;
    expect(await status(-7 * 3600)).toBe(200);
    expect(await status(-8 * 3600 - 1)).toBe(401);
    expect(await status(299)).toBe(200);
    expect(await status(301)).toBe(401);
    const short = receiverFor({ encryptKey: KEY, timestampToleranceSeconds: 60 }).receiver;
    expect((await short.handle(encrypted(message, TS - 61))).status).toBe(401);
  });
});

describe('feishu(): events, dedupe and replies', () => {
  it('runs a redelivered event once (header.event_id; uuid for 1.0)', async () => {
    const { receiver, handler } = receiverFor({ encryptKey: KEY });
    for (const payload of [message, message, feishuFixtures.app_ticket, feishuFixtures.app_ticket]) {
      expect((await receiver.handle(encrypted(payload))).status).toBe(200);
    }
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('answers a card action with its toast and card, {} when the handler says nothing', async () => {
    const reply = {
      toast: { type: 'info', content: '已处理' },
      card: { type: 'raw', data: { schema: '2.0', body: { elements: [] } } },
    };
    const card = feishuFixtures['card.action.trigger'];
    const answers = createReceiver(feishu({ encryptKey: KEY }), { logger: silentLogger, now: () => NOW }).on(
      'card.action.trigger',
      (event) => (event.event.action.tag === 'button' ? (reply as never) : undefined),
    );
    const response = await answers.handle(encrypted(card));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual(reply);
    const silent = receiverFor({ encryptKey: KEY }).receiver;
    expect((await silent.handle(encrypted(card))).body).toBe('{}');
  });

  it('refuses replies Feishu cannot read: to an event, or a card reply of another shape', async () => {
    for (const [payload, reply] of [
      [message, { text: 'hi' }],
      [feishuFixtures['card.action.trigger'], { toast: { type: 'loud', content: 'x' } }],
      [feishuFixtures['card.action.trigger'], { card: { type: 'raw' } }],
      [feishuFixtures['card.action.trigger'], { toast: { type: 'info', content: 'x' }, extra: 1 }],
    ] as const) {
      const receiver = createReceiver(feishu({ encryptKey: KEY }), {
        logger: silentLogger,
        now: () => NOW,
      }).on('*', () => reply as never);
      const response = await receiver.handle(encrypted(payload));
      expect(response.status).toBe(500);
      expect(codeOf(response.body)).toBe('INVALID_REPLY');
    }
  });

  it('answers after the deadline with the fallback: an empty 200 for events, {} for card actions', async () => {
    const slow = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200));
    const receiver = createReceiver(feishu({ encryptKey: KEY, deadlineMs: 20 }), {
      logger: silentLogger,
      now: () => NOW,
    }).on('*', slow);
    const event = await receiver.handle(encrypted(message));
    expect(event).toMatchObject({ status: 200, body: '' });
    const card = await receiver.handle(encrypted(feishuFixtures['card.action.trigger']));
    expect(card).toMatchObject({ status: 200, body: '{}' });
    await receiver.close();
  });

  it('gives unknown event types to unknown handlers with their payload as sent', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(feishu({ encryptKey: KEY }), { logger: silentLogger, now: () => NOW }).on(
      'unknown',
      unknown,
    );
    const payload = {
      ...message,
      header: { ...message.header, event_type: 'im.chat.disbanded_v1' },
      event: {},
    };
    expect((await receiver.handle(encrypted(payload))).status).toBe(200);
    expect(unknown.mock.calls[0]?.[0]).toMatchObject({ payload });
  });
});
