import { createReceiver, line, silentLogger, verify, type WebhookRequest } from '@hookguard/core';
import { lineDelivery, lineFixtures, lineJson, lineRequest, signLine } from '@hookguard/core/testing';
import { validateSignature } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';

const SECRET = 'channel-secret';
const request = (body: string | Uint8Array, signature: string | undefined): WebhookRequest => ({
  method: 'POST',
  url: '/line',
  headers: {
    'content-type': 'application/json; charset=utf-8',
    ...(signature === undefined ? {} : { 'x-line-signature': signature }),
  },
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

describe('line(): x-line-signature', () => {
  // The vector of @line/bot-sdk's own tests (test/validate-signature.spec.ts).
  const body = '{"hello":"world"}';
  const vector = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=';

  it("signs @line/bot-sdk's vector byte for byte", () => {
    expect(signLine(body, 'test_secret')).toBe(vector);
  });

  it("accepts @line/bot-sdk's vector and refuses its invalid twin (two letters' case flipped)", async () => {
    const provider = line({ channelSecret: 'test_secret' });
    expect(await verify(provider, request(body, vector))).toMatchObject({ ok: true, secretIndex: 0 });
    const twin = 't7Hn4ZDHqs6e+wdvi5TyQivzie0DmMUmuXEBqyyE/tM=';
    expect(await verify(provider, request(body, twin))).toMatchObject({
      ok: false,
      error: { status: 401, code: 'SIGNATURE_MISMATCH' },
    });
  });

  it('verifies a body with escaped emoji as sent, where the re-serialised body fails', async () => {
    const sent = lineJson(lineFixtures['message.text']);
    expect(sent).toContain('\\uD83E\\uDD28');
    const signature = signLine(sent, SECRET);
    const provider = line({ channelSecret: SECRET });
    const checked = await verify(provider, request(sent, signature));
    expect(checked).toMatchObject({ ok: true, event: { name: 'message.text', known: true } });
    expect(checked.ok && (checked.event.payload as { message: { text: string } }).message.text).toBe(
      'Hello, world \u{1F928}',
    );
    // What a body parser plus JSON.stringify hands on: the same JSON, other bytes, no match.
    const reserialised = JSON.stringify(JSON.parse(sent));
    expect(await verify(provider, request(reserialised, signature))).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_MISMATCH' },
    });
  });

  it("agrees with @line/bot-sdk's validateSignature both ways", async () => {
    const provider = line({ channelSecret: SECRET });
    for (const [name, fixture] of Object.entries(lineFixtures)) {
      const sent = lineRequest(fixture, SECRET);
      const signature = sent.headers['x-line-signature'] as string;
      // The SDK accepts what the testing signer signs ...
      expect(validateSignature(Buffer.from(sent.body), SECRET, signature), name).toBe(true);
      expect(validateSignature(Buffer.from(sent.body), 'other', signature), name).toBe(false);
      // ... and line() accepts what the SDK's algorithm accepts, and only that.
      expect((await verify(provider, sent)).ok, name).toBe(true);
    }
    // ... and line() says yes exactly where the SDK does, for right, wrong and near-miss signatures.
    const mine = Buffer.from(lineJson(lineFixtures.postback));
    const right = signLine(mine, SECRET);
    const candidates = [
      right,
      signLine(mine, 'other'),
      right.toLowerCase(),
      right.slice(0, -4),
      `${right.slice(0, -2)}A=`,
      vector,
    ];
    for (const signature of candidates) {
      const sdk = validateSignature(mine, SECRET, signature);
      expect((await verify(provider, request(mine, signature))).ok, signature).toBe(sdk);
    }
    expect(validateSignature(mine, SECRET, right)).toBe(true);
  });

  it('refuses a missing, empty or malformed signature with its own code', async () => {
    const provider = line({ channelSecret: SECRET });
    const codeOf = async (signature: string | undefined) => {
      const checked = await verify(provider, request(body, signature));
      return checked.ok ? 'ok' : checked.error.code;
    };
    expect(await codeOf(undefined)).toBe('SIGNATURE_MISSING');
    expect(await codeOf('')).toBe('SIGNATURE_MISSING');
    expect(await codeOf('not base64!')).toBe('SIGNATURE_MALFORMED');
    // Valid base64 of the wrong length: not a SHA-256 HMAC.
    expect(await codeOf(Buffer.alloc(20).toString('base64'))).toBe('SIGNATURE_MALFORMED');
  });

  it('takes several channel secrets during a rotation and says which matched', async () => {
    const provider = line({ channelSecret: ['new-secret', SECRET] });
    const checked = await verify(provider, request(body, signLine(body, SECRET)));
    expect(checked).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it('refuses to start without a channel secret', () => {
    expect(() => line({ channelSecret: '' })).toThrow(/channelSecret is required/);
    expect(() => line({ channelSecret: [] })).toThrow(/channelSecret is required/);
    expect(() => line(undefined as never)).toThrow(TypeError);
  });

  it('answers a forged delivery 401 without a handler run, whatever the batch holds', async () => {
    let calls = 0;
    const receiver = createReceiver(line({ channelSecret: SECRET }), { logger: silentLogger }).on('*', () => {
      calls++;
    });
    const response = await receiver.handle(lineRequest(lineFixtures['message.text'], 'other'));
    expect(response.status).toBe(401);
    expect(calls).toBe(0);
  });

  it('verify() lists every event of a batch, in order, and none for the Verify request', async () => {
    const provider = line({ channelSecret: SECRET });
    const [text] = lineFixtures['message.text'].events;
    const [follow] = lineFixtures.follow.events;
    const two = await verify(provider, lineRequest(lineDelivery(text!, follow!), SECRET));
    expect(two.ok && two.events.map((event) => event.name)).toEqual(['message.text', 'follow']);
    expect(two.ok && two.event.name).toBe('message.text');
    const none = await verify(provider, lineRequest(lineDelivery(), SECRET));
    expect(none.ok && none.events).toEqual([]);
  });
});
