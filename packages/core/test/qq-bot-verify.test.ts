import { createReceiver, qqBot, silentLogger } from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';
import { qqBotValidationSignature } from '../src/providers/qq-bot/handshake.js';
import { qqBotKeyPair } from '../src/providers/qq-bot/keys.js';
import { qqBotFixtures } from '../src/providers/qq-bot/kit/fixtures.js';
import { qqBotRequest, qqBotValidation } from '../src/providers/qq-bot/kit/sign.js';

const SECRET = 'DG5g3B4j9X2KOErG';
const APP_ID = '102012345';
const message = qqBotFixtures.C2C_MESSAGE_CREATE;

function receiverFor(options: Parameters<typeof qqBot>[0] = { secret: SECRET, appId: APP_ID }) {
  const handler = vi.fn();
  const receiver = createReceiver(qqBot(options), { logger: silentLogger }).on('*', handler);
  return { receiver, handler };
}

async function refusal(request: ReturnType<typeof qqBotRequest>, options?: Parameters<typeof qqBot>[0]) {
  const { receiver, handler } = receiverFor(options);
  const response = await receiver.handle(request);
  expect(handler).not.toHaveBeenCalled();
  expect(response.body).not.toContain(SECRET);
  return {
    status: response.status,
    code: (JSON.parse(response.body) as { error: { code: string } }).error.code,
  };
}

const signed = (overrides: Partial<Parameters<typeof qqBotRequest>[1]> = {}) =>
  qqBotRequest(message, { secret: SECRET, appId: APP_ID, ...overrides });

function withHeaders(
  request: ReturnType<typeof qqBotRequest>,
  change: (headers: Record<string, string>) => void,
) {
  const headers = { ...(request.headers as Record<string, string>) };
  change(headers);
  return { ...request, headers };
}

describe('qqBot() configuration', () => {
  it('refuses a missing, empty or blank secret at construction', () => {
    expect(() => qqBot({ secret: '' })).toThrow(/qqBot\(\): a secret is required/);
    expect(() => qqBot({ secret: [] })).toThrow(TypeError);
    expect(() => qqBot({ secret: '   ' })).toThrow(TypeError);
    expect(() => qqBot(undefined as never)).toThrow(TypeError);
  });

  it('refuses an appId that is not the numeric AppID', () => {
    for (const appId of ['', 'abc', '12a', -1, 1.5, Number.NaN, {}, true]) {
      expect(() => qqBot({ secret: SECRET, appId: appId as never })).toThrow(/qqBot\(\): appId/);
    }
    expect(() => qqBot({ secret: SECRET, appId: 102012345 })).not.toThrow();
  });

  it('refuses a tolerance that is not a positive number of seconds', () => {
    for (const toleranceSeconds of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '60']) {
      expect(() => qqBot({ secret: SECRET, toleranceSeconds: toleranceSeconds as never })).toThrow(
        /qqBot\(\): toleranceSeconds/,
      );
    }
  });

  it('never echoes the secret in a configuration error', () => {
    expect(() => qqBot({ secret: ['ok-secret', '  '] })).toThrow(/entry #2 is blank/);
  });
});

describe('qqBot() verification', () => {
  it('accepts a callback signed with the AppSecret and ACKs it with op 12', async () => {
    const { receiver, handler } = receiverFor();
    const response = await receiver.handle(signed());
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"op":12,"d":0}');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('refuses forged, unsigned, malformed and malleated signatures with stable codes', async () => {
    expect(await refusal(signed({ secret: 'another-secret' }))).toEqual({
      status: 401,
      code: 'SIGNATURE_MISMATCH',
    });
    expect(await refusal(withHeaders(signed(), (h) => delete h['x-signature-ed25519']))).toEqual({
      status: 401,
      code: 'SIGNATURE_MISSING',
    });
    expect(await refusal(withHeaders(signed(), (h) => delete h['x-signature-timestamp']))).toEqual({
      status: 401,
      code: 'TIMESTAMP_MISSING',
    });
    for (const bad of ['zz', 'ab'.repeat(63), 'ab'.repeat(65), `${'ab'.repeat(63)}g0`]) {
      expect(await refusal(withHeaders(signed(), (h) => (h['x-signature-ed25519'] = bad)))).toEqual({
        status: 401,
        code: 'SIGNATURE_MALFORMED',
      });
    }
    // S + L (the group order) is the same point equation: a malleated copy of a valid signature.
    const valid = signed();
    const sig = Buffer.from(
      (valid.headers as Record<string, string>)['x-signature-ed25519'] as string,
      'hex',
    );
    const malleated = withHeaders(
      valid,
      (h) => (h['x-signature-ed25519'] = addGroupOrder(sig).toString('hex')),
    );
    expect(await refusal(malleated)).toEqual({ status: 401, code: 'SIGNATURE_MISMATCH' });
  });

  it('refuses a body or timestamp changed after signing', async () => {
    const request = signed({ timestamp: 1725442341 });
    const body = Buffer.from(String(request.body).replace('你好', '再见'));
    expect(await refusal({ ...request, body })).toEqual({ status: 401, code: 'SIGNATURE_MISMATCH' });
    expect(await refusal(withHeaders(request, (h) => (h['x-signature-timestamp'] = '1725442342')))).toEqual({
      status: 401,
      code: 'SIGNATURE_MISMATCH',
    });
  });

  it('refuses a callback for another bot, or without X-Bot-Appid, when appId is configured', async () => {
    expect(await refusal(signed({ appId: '102099999' }))).toEqual({ status: 401, code: 'SENDER_MISMATCH' });
    expect(await refusal(signed({ appId: undefined }))).toEqual({ status: 401, code: 'SENDER_MISMATCH' });
    // Without appId configured, the header is not required.
    const { receiver } = receiverFor({ secret: SECRET });
    expect((await receiver.handle(signed({ appId: undefined }))).status).toBe(200);
  });

  it('checks no timestamp window by default, and the configured one when asked', async () => {
    const old = signed({ timestamp: 1_000_000_000 });
    const { receiver } = receiverFor();
    expect((await receiver.handle(old)).status).toBe(200);
    expect(await refusal(old, { secret: SECRET, appId: APP_ID, toleranceSeconds: 300 })).toEqual({
      status: 401,
      code: 'TIMESTAMP_OUT_OF_RANGE',
    });
    const { receiver: windowed } = receiverFor({ secret: SECRET, toleranceSeconds: 300 });
    expect((await windowed.handle(signed())).status).toBe(200);
  });

  it('takes any of several AppSecrets, and answers a validation with the key that signed it', async () => {
    const { receiver } = receiverFor({ secret: ['old-secret-0001', SECRET] });
    for (const secret of ['old-secret-0001', SECRET]) {
      const response = await receiver.handle(
        qqBotRequest(qqBotValidation('Arq0D5A61EgUu4OxUvOp', '1725442341'), { secret }),
      );
      expect(JSON.parse(response.body)).toEqual({
        plain_token: 'Arq0D5A61EgUu4OxUvOp',
        signature: qqBotValidationSignature(
          qqBotKeyPair(secret).privateKey,
          '1725442341',
          'Arq0D5A61EgUu4OxUvOp',
        ),
      });
    }
  });

  it('refuses an unsigned or forged op 13 validation before answering it', async () => {
    const forged = qqBotRequest(qqBotValidation('token', '1725442341'), {
      secret: 'not-the-secret',
      appId: APP_ID,
    });
    expect(await refusal(forged)).toEqual({ status: 401, code: 'SIGNATURE_MISMATCH' });
    const unsigned = withHeaders(forged, (h) => delete h['x-signature-ed25519']);
    expect(await refusal(unsigned)).toEqual({ status: 401, code: 'SIGNATURE_MISSING' });
  });

  it('answers 400 to a signed op 13 body it cannot answer, never a handler', async () => {
    const body = JSON.stringify({ d: { plain_token: 42 }, op: 13 });
    expect(await refusal(qqBotRequest(body, { secret: SECRET, appId: APP_ID }))).toEqual({
      status: 400,
      code: 'INVALID_JSON',
    });
  });
});

// Ed25519's group order L, little-endian as S is encoded.
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function addGroupOrder(signature: Buffer): Buffer {
  const s = BigInt(`0x${Buffer.from(signature.subarray(32)).reverse().toString('hex')}`) + L;
  const bytes = Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse();
  return Buffer.concat([signature.subarray(0, 32), bytes]);
}
