import { createReceiver, tencentChat, verify, type WebhookRequest } from '@hookguard/core';
import { signTencentChat, tencentChatFixtures, tencentChatRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

// The docs' vector (https://www.tencentcloud.com/document/product/1047/34354; https://cloud.tencent.com/document/product/269/32431 uses the token `xxxxyyyy`); the intl page names the token `xxxyyy`, which is wrong.
const TOKEN = 'xxxxyyyy';
const REQUEST_TIME = 1669872112;
const DOC_SIGN = '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061';
const AT_REQUEST_TIME = REQUEST_TIME * 1000;
const sample = tencentChatFixtures['Group.CallbackAfterNewMemberJoin'];
const body = JSON.stringify(sample);

/** A callback with a hand-written query string, so the signing helper is not what is under test. */
const call = (query: string, bytes: string = body): WebhookRequest => ({
  method: 'POST',
  url: `/tencent?${query}`,
  headers: {},
  body: Buffer.from(bytes),
});
const docQuery = (extra = '') =>
  `SdkAppid=888888&CallbackCommand=Group.CallbackAfterNewMemberJoin&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS&Sign=${DOC_SIGN}&RequestTime=${REQUEST_TIME}${extra}`;
const at = (now: number) => ({ now: () => now });

describe('tencentChat() verification', () => {
  it('computes the documented Sign for token xxxxyyyy (not the intl page’s xxxyyy)', () => {
    expect(signTencentChat(TOKEN, REQUEST_TIME)).toBe(DOC_SIGN);
    expect(signTencentChat('xxxyyy', REQUEST_TIME)).toBe(
      'e78a85473bed2cdc8d6fa8c4d5a4ba4735fd64156e15a99516b9890293e135de',
    );
  });

  it('accepts the documented Sign and RequestTime with now at that time', async () => {
    const result = await verify(tencentChat({ token: TOKEN }), call(docQuery()), at(AT_REQUEST_TIME));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.secretIndex).toBe(0);
    expect(result.event).toMatchObject({ name: 'Group.CallbackAfterNewMemberJoin', known: true });
  });

  it('accepts RequestTime up to 60 s away and refuses it at +61 s and −61 s', async () => {
    const provider = tencentChat({ token: TOKEN });
    for (const offset of [60_000, -60_000]) {
      expect((await verify(provider, call(docQuery()), at(AT_REQUEST_TIME + offset))).ok).toBe(true);
    }
    for (const offset of [61_000, -61_000]) {
      const result = await verify(provider, call(docQuery()), at(AT_REQUEST_TIME + offset));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.status).toBe(401);
      expect(result.error.code).toBe('TIMESTAMP_OUT_OF_RANGE');
    }
  });

  it('takes a configurable window', async () => {
    const wide = tencentChat({ token: TOKEN, toleranceSeconds: 300 });
    expect((await verify(wide, call(docQuery()), at(AT_REQUEST_TIME + 299_000))).ok).toBe(true);
    const narrow = tencentChat({ token: TOKEN, toleranceSeconds: 5 });
    expect((await verify(narrow, call(docQuery()), at(AT_REQUEST_TIME + 6_000))).ok).toBe(false);
    expect(() => tencentChat({ token: TOKEN, toleranceSeconds: 0 })).toThrow(/toleranceSeconds/);
    expect(() => tencentChat({ token: TOKEN, toleranceSeconds: Number.POSITIVE_INFINITY })).toThrow(
      /toleranceSeconds/,
    );
  });

  const refusals: [string, string, string, string?][] = [
    ['a wrong token', 'wrong-token', 'SIGNATURE_MISMATCH'],
    ['the intl page’s token xxxyyy', 'xxxyyy', 'SIGNATURE_MISMATCH'],
    [
      'a mismatched CallbackCommand',
      TOKEN,
      'SENDER_MISMATCH',
      JSON.stringify({ ...sample, CallbackCommand: 'Group.CallbackAfterMemberExit' }),
    ],
    [
      'a body without CallbackCommand',
      TOKEN,
      'SENDER_MISMATCH',
      JSON.stringify({ GroupId: '@TGS#2J4SZEAEL' }),
    ],
    ['a body that is not an object', TOKEN, 'SENDER_MISMATCH', '["Group.CallbackAfterNewMemberJoin"]'],
  ];
  it.each(refusals)('answers %s with 401 and runs no handler', async (_, token, code, bytes) => {
    const handler = vi.fn();
    const receiver = createReceiver(tencentChat({ token }), { now: () => AT_REQUEST_TIME }).on('*', handler);
    const response = await receiver.handle(call(docQuery(), bytes));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a callback for another SdkAppid with 401 when sdkAppId is set', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(tencentChat({ token: TOKEN, sdkAppId: 1400123456 }), {
      now: () => AT_REQUEST_TIME,
    }).on('*', handler);
    const foreign = await receiver.handle(call(docQuery()));
    expect(foreign.status).toBe(401);
    expect(JSON.parse(foreign.body).error.code).toBe('SENDER_MISMATCH');
    const own = await receiver.handle(call(docQuery().replace('SdkAppid=888888', 'SdkAppid=1400123456')));
    expect(own.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    expect(() => tencentChat({ token: TOKEN, sdkAppId: 'my-app' })).toThrow(/sdkAppId/);
  });

  const malformed: [string, string, string][] = [
    ['Sign twice, the valid one first', docQuery(`&Sign=${'0'.repeat(64)}`), 'SIGNATURE_MALFORMED'],
    ['Sign twice, the valid one last', `Sign=${'0'.repeat(64)}&${docQuery()}`, 'SIGNATURE_MALFORMED'],
    ['RequestTime twice', docQuery(`&RequestTime=${REQUEST_TIME}`), 'SIGNATURE_MALFORMED'],
    [
      'CallbackCommand twice',
      docQuery('&CallbackCommand=Group.CallbackAfterNewMemberJoin'),
      'SIGNATURE_MALFORMED',
    ],
    ['SdkAppid twice', docQuery('&SdkAppid=888888'), 'SIGNATURE_MALFORMED'],
    ['no Sign', docQuery().replace(/&Sign=[0-9a-f]+/, ''), 'SIGNATURE_MISSING'],
    ['an empty Sign', docQuery().replace(/Sign=[0-9a-f]+/, 'Sign='), 'SIGNATURE_MISSING'],
    ['no RequestTime', docQuery().replace(/&RequestTime=\d+/, ''), 'TIMESTAMP_MISSING'],
    [
      'a RequestTime in milliseconds-looking garbage',
      docQuery().replace(/RequestTime=\d+/, 'RequestTime=1e9'),
      'SIGNATURE_MALFORMED',
    ],
    ['a short Sign', docQuery().replace(DOC_SIGN, DOC_SIGN.slice(0, 62)), 'SIGNATURE_MALFORMED'],
    ['a non-hex Sign', docQuery().replace(DOC_SIGN, `zz${DOC_SIGN.slice(2)}`), 'SIGNATURE_MALFORMED'],
    [
      'no CallbackCommand in the query',
      docQuery().replace('CallbackCommand=Group.CallbackAfterNewMemberJoin&', ''),
      'SIGNATURE_MALFORMED',
    ],
  ];
  it.each(malformed)('refuses %s with 401, never "first wins"', async (_, query, code) => {
    const handler = vi.fn();
    const receiver = createReceiver(tencentChat({ token: TOKEN }), { now: () => AT_REQUEST_TIME }).on(
      '*',
      handler,
    );
    const response = await receiver.handle(call(query));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe(code);
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts any token of a rotation and says which one matched', async () => {
    const provider = tencentChat({ token: ['new-token', TOKEN] });
    const old = await verify(provider, call(docQuery()), at(AT_REQUEST_TIME));
    expect(old.ok && old.secretIndex).toBe(1);
    const now = Date.now();
    const fresh = await verify(
      provider,
      tencentChatRequest(sample, { token: 'new-token', requestTime: Math.floor(now / 1000) }),
      at(now),
    );
    expect(fresh.ok && fresh.secretIndex).toBe(0);
  });

  it('never names the token, which token, or how close in a refusal', async () => {
    const receiver = createReceiver(tencentChat({ token: ['t0k3n-one', 't0k3n-two'] }), {
      now: () => AT_REQUEST_TIME + 61_000,
    });
    for (const query of [docQuery(), docQuery().replace(DOC_SIGN, signTencentChat('t0k3n-two', 1))]) {
      const response = await receiver.handle(call(query));
      expect(response.status).toBe(401);
      expect(response.body).not.toMatch(/t0k3n|index|expected|\d{2,} ?(s|ms|seconds)/i);
    }
  });

  it('refuses to be built without a token unless unsigned callbacks are explicitly allowed', async () => {
    // @ts-expect-error a token or allowUnsigned is required
    expect(() => tencentChat({})).toThrow(/token is required.*allowUnsigned/);
    expect(() => tencentChat({ token: '' })).toThrow(/token is required/);
    expect(() => tencentChat({ token: [] })).toThrow(/token is required/);
    const open = tencentChat({ allowUnsigned: true });
    expect(open.configWarnings?.[0]).toMatch(/without a Sign/);
    const unsigned = tencentChatRequest(sample);
    expect(unsigned.url).not.toMatch(/Sign=/);
    const result = await verify(open, unsigned);
    expect(result.ok && result.secretIndex).toBe(undefined);
  });

  it('still checks the Sign when a token is set with allowUnsigned, and the command and app without one', async () => {
    const signedToo = tencentChat({ token: TOKEN, allowUnsigned: true });
    expect((await verify(signedToo, tencentChatRequest(sample))).ok).toBe(false);
    const open = tencentChat({ allowUnsigned: true, sdkAppId: 1400000001 });
    const foreign = await verify(open, tencentChatRequest(sample, { sdkAppId: 1400000002 }));
    expect(!foreign.ok && foreign.error.code).toBe('SENDER_MISMATCH');
    const mismatched = await verify(
      open,
      tencentChatRequest(sample, { sdkAppId: 1400000001, command: 'Group.CallbackAfterMemberExit' }),
    );
    expect(!mismatched.ok && mismatched.error.status).toBe(401);
  });
});
