import { createReceiver, qqBot, silentLogger } from '@hookguard/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';
import { qqBotFixtures } from '../src/providers/qq-bot/kit/fixtures.js';
import { signQqBot } from '../src/providers/qq-bot/kit/sign.js';

const SECRET = 'DG5g3B4j9X2KOErG';
const APP_ID = '11111111';
const PATH = '/qq/callback';
const message = qqBotFixtures.C2C_MESSAGE_CREATE;
// Three-byte UTF-8 characters, an emoji (four bytes) and an escape: 1- and 7-byte chunks split them.
const CJK = '你好，世界！今天天气怎么样？🌤️ "引号"';

let serial = 0;
/** A C2C message with a fresh id (dedupe stays out of the way) and `content`, as QQ's bytes. */
function delivery(content = CJK): { text: string; id: string } {
  const id = `C2C_MESSAGE_CREATE:http-${++serial}`;
  return { id, text: JSON.stringify({ ...message, id, d: { ...message.d, content } }) };
}

const errorCode = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

for (const adapter of adapters) {
  describe(`qqBot() over real HTTP through ${adapter.name}`, () => {
    const seen = vi.fn();
    let server: Listening;
    let url: string;
    beforeAll(async () => {
      const receiver = createReceiver(qqBot({ secret: SECRET, appId: APP_ID }), { logger: silentLogger }).on(
        '*',
        (event) => seen(event),
      );
      server = await adapter.serve(receiver, PATH);
      url = `${server.url}${PATH}`;
    });
    afterAll(() => server.close());
    beforeEach(() => seen.mockClear());

    for (const chunkSize of [1, 7]) {
      it(`verifies a CJK body sent chunked in ${chunkSize}-byte chunks`, async () => {
        const { text, id } = delivery();
        const response = await post(url, text, {
          headers: signQqBot(text, { secret: SECRET, appId: APP_ID }),
          chunked: true,
          chunkSize,
        });
        expect(response.status).toBe(200);
        expect(response.json()).toEqual({ op: 12, d: 0 });
        expect(seen).toHaveBeenCalledTimes(1);
        expect(seen.mock.calls[0]?.[0]).toMatchObject({ id, t: 'C2C_MESSAGE_CREATE', d: { content: CJK } });
      });
    }

    it('verifies a CJK body sent with Content-Length', async () => {
      const { text } = delivery();
      const response = await post(url, text, { headers: signQqBot(text, { secret: SECRET, appId: APP_ID }) });
      expect(response.status).toBe(200);
      expect(seen.mock.calls[0]?.[0].d.content).toBe(CJK);
    });

    it('answers the op 13 validation with QQ’s expected signature', async () => {
      const text = '{"d":{"plain_token":"Arq0D5A61EgUu4OxUvOp","event_ts":"1725442341"},"op":13}';
      const response = await post(url, text, {
        headers: signQqBot(text, { secret: SECRET, appId: APP_ID, timestamp: 1725442341 }),
      });
      expect(response.status).toBe(200);
      expect(response.text).toBe(
        '{"plain_token":"Arq0D5A61EgUu4OxUvOp","signature":"87befc99c42c651b3aac0278e71ada338433ae26fcb24307bdc5ad38c1adc2d01bcfcadc0842edac85e85205028a1132afe09280305f13aa6909ffc2d652c706"}',
      );
      expect(seen).not.toHaveBeenCalled();
    });

    it('refuses a duplicated signature header with 401, even when one copy is valid', async () => {
      const { text } = delivery();
      const headers = signQqBot(text, { secret: SECRET, appId: APP_ID });
      const valid = headers['X-Signature-Ed25519'] as string;
      const forged = signQqBot(text, { secret: 'forged', appId: APP_ID })['X-Signature-Ed25519'] as string;
      for (const copies of [
        [valid, valid],
        [valid, forged],
        [forged, valid],
      ]) {
        const response = await post(url, text, { headers: { ...headers, 'X-Signature-Ed25519': copies } });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe('SIGNATURE_MALFORMED');
      }
      expect(seen).not.toHaveBeenCalled();
    });

    it('refuses forged, unsigned and malleated requests and a wrong AppID with stable codes', async () => {
      const { text } = delivery();
      const good = signQqBot(text, { secret: SECRET, appId: APP_ID });
      const { 'X-Signature-Ed25519': _, ...unsigned } = good;
      const signature = Buffer.from(good['X-Signature-Ed25519'] as string, 'hex');
      signature[63] = (signature[63] as number) | 0x20;
      const cases: [Record<string, string>, string][] = [
        [signQqBot(text, { secret: 'forged', appId: APP_ID }), 'SIGNATURE_MISMATCH'],
        [unsigned, 'SIGNATURE_MISSING'],
        [{ ...good, 'X-Signature-Ed25519': signature.toString('hex') }, 'SIGNATURE_MISMATCH'],
        [{ ...good, 'X-Signature-Ed25519': 'not hex' }, 'SIGNATURE_MALFORMED'],
        [signQqBot(text, { secret: SECRET, appId: '22222222' }), 'SENDER_MISMATCH'],
      ];
      for (const [headers, code] of cases) {
        const response = await post(url, text, { headers, chunked: true, chunkSize: 7 });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe(code);
        expect(response.text).not.toContain(SECRET);
      }
      expect(seen).not.toHaveBeenCalled();
    });
  });
}
