import { createDecipheriv, createHash } from 'node:crypto';
import { createReceiver, feishu, silentLogger, type WebhookRequest } from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';
import { aesCbcDecrypt, aesCbcEncrypt } from '../src/crypto/aes-cbc.js';
import { decryptFeishu, encryptFeishu, feishuAesKey } from '../src/providers/feishu/envelope.js';
import { feishuFixtures } from '../src/providers/feishu/kit/fixtures.js';

/**
 * Feishu's published vectors, reproduced. The decrypt sample is the one on the Encrypt Key page
 * (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case);
 * the encrypted URL check is the one in the official Node SDK's tests (larksuite/node-sdk,
 * `adaptor/services/__tests__/challenge.ts`). Feishu publishes no signature vector, so the
 * signature is built here from the documented formula with node:crypto alone.
 */
const DOC_KEY = 'test key';
const DOC_ENCRYPT = 'P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=';
const SDK_KEY = 'mazhe.nerd';
const SDK_TOKEN = 'iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6';
const SDK_CHALLENGE =
  'tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e';

const TIMESTAMP = '1732000000';
const NOW = Number(TIMESTAMP) * 1000;
const NONCE = '8230518961562479012';
const KEY = 'feishu-encrypt-key';

/** The formula, written out: sha256 over timestamp + nonce + key, then the raw bytes. */
const formula = (body: Uint8Array, key = KEY) =>
  createHash('sha256').update(`${TIMESTAMP}${NONCE}${key}`).update(body).digest('hex');

const post = (body: string | Uint8Array, headers: Record<string, string> = {}): WebhookRequest => ({
  method: 'POST',
  url: '/feishu',
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
});
const signedHeaders = (signature: string) => ({
  'x-lark-request-timestamp': TIMESTAMP,
  'x-lark-request-nonce': NONCE,
  'x-lark-signature': signature,
});

function receiverFor(options: Parameters<typeof feishu>[0]) {
  const handler = vi.fn();
  // `*` takes every event, known or not.
  const receiver = createReceiver(feishu(options), { logger: silentLogger, now: () => NOW }).on('*', handler);
  return { receiver, handler };
}

describe('Feishu vectors', () => {
  it('decrypts the documented sample to "hello world" (IV first, one block, pad byte 5)', () => {
    expect(decryptFeishu(feishuAesKey(DOC_KEY), DOC_ENCRYPT)).toMatchObject({
      ok: true,
      text: 'hello world',
    });
    const bytes = Buffer.from(DOC_ENCRYPT, 'base64');
    const raw = createDecipheriv('aes-256-cbc', feishuAesKey(DOC_KEY), bytes.subarray(0, 16))
      .setAutoPadding(false)
      .update(bytes.subarray(16));
    expect(raw.byteLength).toBe(16);
    expect(raw.at(-1)).toBe(5);
  });

  it('answers the official SDK encrypted URL check, sent unsigned, with its challenge', async () => {
    const { receiver, handler } = receiverFor({ encryptKey: SDK_KEY, verificationToken: SDK_TOKEN });
    const response = await receiver.handle(post(JSON.stringify({ encrypt: SDK_CHALLENGE })));
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"challenge":"5634b122-c042-4634-bc7f-b07a3c3e77ad"}');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses that URL check when the Verification Token configured is another', async () => {
    const { receiver } = receiverFor({ encryptKey: SDK_KEY, verificationToken: 'another-token' });
    const response = await receiver.handle(post(JSON.stringify({ encrypt: SDK_CHALLENGE })));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('accepts a signature built from the formula over the raw bytes, and its encrypted body', async () => {
    const { receiver, handler } = receiverFor({
      encryptKey: KEY,
      verificationToken: 'hookguard-demo-feishu-token',
    });
    const body = JSON.stringify({
      encrypt: encryptFeishu(KEY, JSON.stringify(feishuFixtures['im.message.receive_v1'])),
    });
    const response = await receiver.handle(post(body, signedHeaders(formula(Buffer.from(body)))));
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0].event.message.content).toBe(
      '{"text":"@_user_1 部署 pay-api 到生产环境"}',
    );
  });

  it("refuses a signature over JSON.stringify of the parsed body (the official SDK's reading) and accepts the real one", async () => {
    // Feishu signs what it sends; a body with spacing, escapes and CJK is not what stringify gives back.
    const sent = Buffer.from(
      '{ "schema": "2.0", "header": {"event_id": "trap-1", "event_type": "im.message.receive_v1", "create_time": "1732000000000", "app_id": "cli_x", "tenant_key": "t"}, "event": {"message": {"content": "{\\"text\\":\\"\\u4f60\\u597d 世界\\"}"}} }',
      'utf8',
    );
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(sent.toString('utf8'))), 'utf8');
    expect(reserialised.equals(sent)).toBe(false);
    const { receiver, handler } = receiverFor({ encryptKey: KEY });
    const sdkWay = await receiver.handle(post(sent, signedHeaders(formula(reserialised))));
    expect(sdkWay.status).toBe(401);
    expect(JSON.parse(sdkWay.body).error.code).toBe('SIGNATURE_MISMATCH');
    expect(handler).not.toHaveBeenCalled();
    const rawWay = await receiver.handle(post(sent, signedHeaders(formula(sent))));
    expect(rawWay.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('AES-256-CBC with PKCS#7 checked by hand', () => {
  const key = Buffer.alloc(32, 1);
  const iv = Buffer.alloc(16, 2);

  it('round-trips every length across a block boundary, a full block of padding included', () => {
    for (let length = 0; length <= 33; length++) {
      const plain = Buffer.alloc(length, 0x61);
      const sealed = aesCbcEncrypt(key, iv, plain);
      expect(sealed.byteLength % 16).toBe(0);
      expect(aesCbcDecrypt(key, iv, sealed)?.equals(plain)).toBe(true);
    }
  });

  it('refuses a pad byte of 0, of 17, and inconsistent pad bytes, without throwing', () => {
    const encryptRaw = (block: Buffer) => {
      // A last block chosen byte by byte: encrypt a padded text and strip OpenSSL's extra block.
      const sealed = aesCbcEncrypt(key, iv, block);
      return sealed.subarray(0, 16);
    };
    const lastBytes = (pad: number[]) =>
      Buffer.concat([Buffer.alloc(16 - pad.length, 0x61), Buffer.from(pad)]);
    expect(aesCbcDecrypt(key, iv, encryptRaw(lastBytes([0])))).toBeUndefined();
    expect(aesCbcDecrypt(key, iv, encryptRaw(lastBytes([17])))).toBeUndefined();
    expect(aesCbcDecrypt(key, iv, encryptRaw(lastBytes([3, 2, 3])))).toBeUndefined();
    expect(aesCbcDecrypt(key, iv, encryptRaw(lastBytes([3, 3, 3])))?.toString()).toBe('a'.repeat(13));
  });

  it('refuses a ciphertext that is not whole blocks, and keys and IVs of the wrong size', () => {
    expect(aesCbcDecrypt(key, iv, Buffer.alloc(15))).toBeUndefined();
    expect(aesCbcDecrypt(key, iv, Buffer.alloc(0))).toBeUndefined();
    expect(aesCbcDecrypt(Buffer.alloc(16), iv, Buffer.alloc(16))).toBeUndefined();
    expect(aesCbcDecrypt(key, Buffer.alloc(8), Buffer.alloc(16))).toBeUndefined();
  });
});
