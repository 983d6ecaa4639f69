import { createReceiver, qqBot, silentLogger } from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';
import { ed25519RawPublicKey } from '../src/crypto/ed25519.js';
import { qqBotKeyPair, qqBotSeed } from '../src/providers/qq-bot/keys.js';
import { qqBotRequest } from '../src/providers/qq-bot/kit/sign.js';

/**
 * QQ's official vectors, byte for byte: the signing guide's key derivation and op 13 answer
 * (https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html), and the
 * event signature from botgo's interaction/signature test.
 */
describe('qqBot() against QQ’s official vectors', () => {
  it('derives the seed and public key of an AppSecret as the signing guide does', () => {
    const secret = 'naOC0ocQE3shWLAfffVLB1rhYPG7';
    expect(qqBotSeed(secret).toString('utf8')).toBe('naOC0ocQE3shWLAfffVLB1rhYPG7naOC');
    expect(ed25519RawPublicKey(qqBotKeyPair(secret).publicKey).toString('hex')).toBe(
      'd7c362fe78aef81ff23287b493628b5db02a3c4fe30b215e4d19609b5d76673a',
    );
  });

  it('cuts a secret longer than 32 bytes to its first 32', () => {
    const long = 'abcdefghijklmnopqrstuvwxyz0123456789';
    expect(qqBotSeed(long).toString('utf8')).toBe(long.slice(0, 32));
  });

  it('answers the op 13 validation of the guide with its exact signature, no handler run', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(qqBot({ secret: 'DG5g3B4j9X2KOErG', appId: '11111111' })).on(
      '*',
      handler,
    );
    const body = '{"d":{"plain_token":"Arq0D5A61EgUu4OxUvOp","event_ts":"1725442341"},"op":13}';
    const response = await receiver.handle(
      qqBotRequest(body, { secret: 'DG5g3B4j9X2KOErG', appId: '11111111', timestamp: 1725442341 }),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toBe(
      '{"plain_token":"Arq0D5A61EgUu4OxUvOp","signature":"87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706"}',
    );
    expect(handler).not.toHaveBeenCalled();
  });

  const eventBody =
    '{"id":"ROBOT1.0_veoihSEXDc8Q.g-6eLpNIa11bH8MisOjn-m-LKxCPntMk6exUXgcWCGpVO7L2QKTNZzjZzFFDSbiOFcqAPWyVA!!","content":"哦一下","timestamp":"2024-10-15T16:33:15+08:00","author":{"id":"675860273","user_openid":"675860273"}}';
  const eventHeaders = {
    'x-signature-ed25519':
      'e949b5b94ef4103df903fb031d1d16e358db3db83e79e117edd404c8508be3ce8a76d7bad1bed353194c126a1a5915b4ad8b5288c1191cc53a12acffccd82004',
    'x-signature-timestamp': '1728981195',
  };
  const input = (body: Uint8Array) => ({
    method: 'POST',
    path: '/',
    headers: eventHeaders,
    query: new URLSearchParams(),
    body,
    now: Date.now(),
  });

  it('verifies botgo’s event vector over the raw UTF-8 bytes, and nothing else', () => {
    const provider = qqBot({ secret: '123456abcdef' });
    expect(provider.verify(input(Buffer.from(eventBody, 'utf8')))).toEqual({ ok: true, secretIndex: 0 });
    // The same text in another encoding, or one character changed, is another message.
    const latin1 = provider.verify(input(Buffer.from(eventBody, 'latin1')));
    expect(latin1.ok ? undefined : latin1.error.code).toBe('SIGNATURE_MISMATCH');
    const changed = provider.verify(input(Buffer.from(eventBody.replace('哦', '噢'), 'utf8')));
    expect(changed.ok ? undefined : changed.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('delivers botgo’s vector (a bare message, no op 0 envelope) to unknown handlers', async () => {
    const unknown = vi.fn();
    const receiver = createReceiver(qqBot({ secret: '123456abcdef' }), { logger: silentLogger }).on(
      'unknown',
      unknown,
    );
    const response = await receiver.handle({
      method: 'POST',
      url: '/qq',
      headers: { ...eventHeaders, 'content-type': 'application/json' },
      body: Buffer.from(eventBody, 'utf8'),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ op: 12, d: 0 });
    expect(unknown).toHaveBeenCalledTimes(1);
    expect(unknown.mock.calls[0]?.[0].payload.content).toBe('哦一下');
  });
});
