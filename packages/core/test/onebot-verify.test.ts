import { createHmac } from 'node:crypto';
import { createReceiver, onebot, verify, type WebhookRequest } from '@hookguard/core';
import { onebotStandardPrivateMessage, signOnebot } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const body = JSON.stringify(onebotStandardPrivateMessage);
const request = (headers: Record<string, string>, bytes: string | Uint8Array = body): WebhookRequest => ({
  method: 'POST',
  url: '/onebot',
  headers,
  body: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
});

describe('onebot() verification', () => {
  it('matches the independently computed vector for the standard example (secret "secret")', async () => {
    // NapCat's signature of this body, computed with node and python for this exact compact body.
    expect(signOnebot(body, 'secret')['x-signature']).toBe('sha1=899718f308c04422a555565ab48ba9ab76129a40');
    const result = await verify(onebot({ secret: 'secret' }), request(signOnebot(body, 'secret')));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.event.name).toBe('message.private.friend');
      expect(result.secretIndex).toBe(0);
    }
  });

  it('hashes the bytes, so non-ASCII text signed as UTF-8 verifies', async () => {
    const bytes = Buffer.from(body, 'utf8');
    const signature = createHmac('sha1', 'k').update(bytes).digest('hex');
    const result = await verify(
      onebot({ secret: 'k' }),
      request({ 'x-signature': `sha1=${signature}` }, bytes),
    );
    expect(result.ok).toBe(true);
  });

  const refusals: [string, Record<string, string>, string | Uint8Array, string][] = [
    ['one byte changed', signOnebot(body, 'secret'), body.replace('你好', '你坏'), 'SIGNATURE_MISMATCH'],
    ['a wrong secret', signOnebot(body, 'not-the-secret'), body, 'SIGNATURE_MISMATCH'],
    ['no header', {}, body, 'SIGNATURE_MISSING'],
    ['an empty header', { 'x-signature': '' }, body, 'SIGNATURE_MISSING'],
    ['non-hex digits', { 'x-signature': `sha1=${'zz'.repeat(20)}` }, body, 'SIGNATURE_MALFORMED'],
    [
      'hex that Buffer would truncate',
      { 'x-signature': `sha1=12zz${'0'.repeat(36)}` },
      body,
      'SIGNATURE_MALFORMED',
    ],
    [
      'a short digest',
      { 'x-signature': 'sha1=899718f308c04422a555565ab48ba9ab' },
      body,
      'SIGNATURE_MALFORMED',
    ],
    [
      'another prefix',
      { 'x-signature': `sha256=899718f308c04422a555565ab48ba9ab76129a40` },
      body,
      'SIGNATURE_MALFORMED',
    ],
    ['no prefix', { 'x-signature': '899718f308c04422a555565ab48ba9ab76129a40' }, body, 'SIGNATURE_MALFORMED'],
    ['the prefix only', { 'x-signature': 'sha1=' }, body, 'SIGNATURE_MALFORMED'],
  ];
  it.each(refusals)(
    'refuses %s with 401 and a stable code, and runs no handler',
    async (_, headers, bytes, code) => {
      const handler = vi.fn();
      const receiver = createReceiver(onebot({ secret: 'secret' })).on('*', handler);
      const response = await receiver.handle(request(headers, bytes));
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('never says which secret or how close in the refusal', async () => {
    const receiver = createReceiver(onebot({ secret: ['s3cr3t-one', 's3cr3t-two'] }));
    const response = await receiver.handle(request(signOnebot(body, 'wrong')));
    expect(response.body).not.toMatch(/s3cr3t|secret #|index|expected/i);
  });

  it('accepts any secret of a rotation and says which one matched', async () => {
    const provider = onebot({ secret: ['new-secret', 'old-secret'] });
    const old = await verify(provider, request(signOnebot(body, 'old-secret')));
    const fresh = await verify(provider, request(signOnebot(body, 'new-secret')));
    expect(old.ok && old.secretIndex).toBe(1);
    expect(fresh.ok && fresh.secretIndex).toBe(0);
  });

  it('refuses to be built without a secret unless unsigned posts are explicitly allowed', async () => {
    // @ts-expect-error a secret or allowUnsigned is required
    expect(() => onebot({})).toThrow(/secret is required.*allowUnsigned/);
    expect(() => onebot({ secret: '' })).toThrow(/secret is required/);
    expect(() => onebot({ secret: [] })).toThrow(/secret is required/);
    const open = onebot({ allowUnsigned: true });
    const result = await verify(open, request({}));
    expect(result.ok && result.secretIndex).toBe(undefined);
  });

  it('still checks the signature when a secret is set, even with allowUnsigned', async () => {
    const result = await verify(onebot({ secret: 'secret', allowUnsigned: true }), request({}));
    expect(result.ok).toBe(false);
  });
});
