import { createHmac } from 'node:crypto';
import { createReceiver, type Logger, verify, type WebhookRequest, whatsapp } from '@hookguard/core';
import { goJson, signWhatsapp, whatsappFixtures } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

// The body exactly as Go's encoding/json writes it, 333 bytes.
const GO_BODY =
  '{"device_id":"628987654321@s.whatsapp.net","event":"message","payload":{"body":"Hello \\u003cb\\u003e \\u0026 you","chat_id":"628987654321@s.whatsapp.net","from":"628123456789@s.whatsapp.net","from_name":"John Doe","id":"3EB0C127D7BACC83D6A1","is_from_me":false,"sender_display_name":"Saved Contact","timestamp":"2023-10-15T10:30:00Z"}}';
const GO_SIGNATURE = 'sha256=59bc5463a9e40c23b2cad282ee5c6bcd37be6a02047c5ec79c179b289fe687dd';

const request = (headers: Record<string, string>, bytes: string | Uint8Array = GO_BODY): WebhookRequest => ({
  method: 'POST',
  url: '/whatsapp',
  headers,
  body: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
});
const signed = (secret: string, bytes: string = GO_BODY) => request(signWhatsapp(bytes, secret), bytes);

describe('whatsapp() verification', () => {
  it('verifies the Go-encoded example body with the default secret "secret"', async () => {
    expect(Buffer.byteLength(GO_BODY)).toBe(333);
    const result = await verify(
      whatsapp({ secret: 'secret' }),
      request({ 'x-hub-signature-256': GO_SIGNATURE }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.secretIndex).toBe(0);
    expect(result.event).toMatchObject({ name: 'message', known: true });
    expect((result.event.payload as { payload: { body: string } }).payload.body).toBe('Hello <b> & you');
  });

  it('refuses the same event after a JSON.parse/JSON.stringify round trip (the escapes are gone)', async () => {
    const roundTripped = JSON.stringify(JSON.parse(GO_BODY));
    expect(roundTripped).toContain('Hello <b> & you');
    const mac = createHmac('sha256', 'secret').update(roundTripped).digest('hex');
    expect(mac).toBe('0c41006184461d09cd12c63d8ebd519c22bc87bda34d749677f8cd844abe4a20');
    const result = await verify(
      whatsapp({ secret: 'secret' }),
      request({ 'x-hub-signature-256': GO_SIGNATURE }, roundTripped),
    );
    expect(result.ok === false && result.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('signs with goJson() exactly the bytes GOWA would send for the same event', () => {
    const event = JSON.parse(GO_BODY);
    expect(goJson(event)).toBe(GO_BODY);
    expect(signWhatsapp(goJson(event), 'secret')['x-hub-signature-256']).toBe(GO_SIGNATURE);
  });

  const body = goJson(whatsappFixtures['message.ack']);
  const good = signWhatsapp(body, 'secret')['x-hub-signature-256']!;
  const refusals: [string, Record<string, string>, string, string][] = [
    ['one byte changed', { 'x-hub-signature-256': good }, body.replace('read', 'reed'), 'SIGNATURE_MISMATCH'],
    ['a wrong secret', signWhatsapp(body, 'not-the-secret'), body, 'SIGNATURE_MISMATCH'],
    ['no header', { 'content-type': 'application/json' }, body, 'SIGNATURE_MISSING'],
    ['an empty header', { 'x-hub-signature-256': '' }, body, 'SIGNATURE_MISSING'],
    [
      'upper-case algorithm',
      { 'x-hub-signature-256': good.replace('sha256=', 'SHA256=') },
      body,
      'SIGNATURE_MALFORMED',
    ],
    ['a SHA-1 signature', { 'x-hub-signature-256': `sha1=${'a'.repeat(40)}` }, body, 'SIGNATURE_MALFORMED'],
    ['no prefix', { 'x-hub-signature-256': good.slice('sha256='.length) }, body, 'SIGNATURE_MALFORMED'],
    ['a short digest', { 'x-hub-signature-256': good.slice(0, -2) }, body, 'SIGNATURE_MALFORMED'],
    [
      'hex Buffer would truncate',
      { 'x-hub-signature-256': `sha256=ab${'zz'.repeat(31)}` },
      body,
      'SIGNATURE_MALFORMED',
    ],
    ['the header sent twice', { 'x-hub-signature-256': `${good}, ${good}` }, body, 'SIGNATURE_MALFORMED'],
  ];
  it.each(refusals)(
    'refuses %s with 401 and a stable code, and runs no handler',
    async (_, headers, bytes, code) => {
      const handler = vi.fn();
      const receiver = createReceiver(whatsapp({ secret: 'secret' })).on('*', handler);
      const response = await receiver.handle(request(headers, bytes));
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('accepts upper-case hex digits, which are the same signature', async () => {
    const upper = `sha256=${good.slice('sha256='.length).toUpperCase()}`;
    const result = await verify(
      whatsapp({ secret: 'secret' }),
      request({ 'x-hub-signature-256': upper }, body),
    );
    expect(result.ok).toBe(true);
  });

  it('never names the secrets or how close a signature came', async () => {
    const receiver = createReceiver(whatsapp({ secret: ['s3cr3t-one', 's3cr3t-two'] }));
    const response = await receiver.handle(signed('wrong'));
    expect(response.status).toBe(401);
    expect(response.body).not.toMatch(/s3cr3t|index|expected|59bc54/i);
  });

  it('accepts every secret of a rotation and says which one matched', async () => {
    const provider = whatsapp({ secret: ['new-secret', 'old-secret'] });
    const old = await verify(provider, signed('old-secret'));
    const fresh = await verify(provider, signed('new-secret'));
    expect(old.ok && old.secretIndex).toBe(1);
    expect(fresh.ok && fresh.secretIndex).toBe(0);
  });

  it('refuses to be built without a secret: GOWA always signs', () => {
    // @ts-expect-error a secret is required
    expect(() => whatsapp({})).toThrow(/secret is required/);
    expect(() => whatsapp({ secret: '' })).toThrow(/secret is required/);
    expect(() => whatsapp({ secret: [] })).toThrow(/secret is required/);
  });

  it("warns once, through the receiver logger, when GOWA's public default secret is configured", () => {
    const warn = vi.fn();
    const logger: Logger = { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() };
    createReceiver(whatsapp({ secret: ['a-real-secret', 'secret'] }), { logger });
    expect(warn).toHaveBeenCalledOnce();
    const [message, fields] = warn.mock.calls[0]!;
    expect(message).toMatch(/default "secret".*anyone can sign.*--webhook-secret/);
    expect(message).not.toContain('a-real-secret');
    expect(fields).toEqual({ provider: 'whatsapp' });
  });

  it('does not warn for a secret of its own', () => {
    const warn = vi.fn();
    createReceiver(whatsapp({ secret: 'Zq8-random-secret' }), {
      logger: { debug: vi.fn(), info: vi.fn(), warn, error: vi.fn() },
    });
    expect(warn).not.toHaveBeenCalled();
    expect(whatsapp({ secret: 'Secret' }).configWarnings).toEqual([]);
  });
});
