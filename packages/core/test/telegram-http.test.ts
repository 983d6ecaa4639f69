import { createReceiver, silentLogger, telegram, telegramMethod } from '@hookguard/core';
import { signTelegram, telegramFixtures } from '@hookguard/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';

const TOKEN = 'http_Token-0123456789';
const PATH = '/telegram';
// Three-byte UTF-8 characters, a four-byte emoji and a ZWJ sequence: 1- and 7-byte chunks split them.
const CJK = '你好，世界 👋🏽 👩‍💻 "引号"';

let serial = 5_000;
function delivery(text = CJK): { body: string; updateId: number } {
  const updateId = ++serial;
  const message = { ...(telegramFixtures.message['message'] as object), text };
  return { updateId, body: JSON.stringify({ update_id: updateId, message }) };
}

const errorCode = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

for (const adapter of adapters) {
  describe(`telegram() over real HTTP through ${adapter.name}`, () => {
    const seen = vi.fn();
    let server: Listening;
    let url: string;
    let open: Listening;
    beforeAll(async () => {
      const receiver = createReceiver(telegram({ secretToken: TOKEN }), { logger: silentLogger }).on(
        'message',
        (update) => {
          seen(update);
          return telegramMethod('sendMessage', {
            chat_id: update.message.chat.id,
            text: update.message.text ?? '',
          });
        },
      );
      server = await adapter.serve(receiver, PATH);
      url = `${server.url}${PATH}`;
      // The same bot limited to Telegram's ranges: this test's loopback client is not in them.
      open = await adapter.serve(
        createReceiver(telegram({ secretToken: TOKEN, allowFrom: 'telegram' }), { logger: silentLogger }),
        PATH,
      );
    });
    afterAll(async () => {
      await server.close();
      await open.close();
    });
    beforeEach(() => seen.mockClear());

    for (const chunkSize of [1, 7]) {
      it(`takes a CJK/emoji update sent chunked in ${chunkSize}-byte chunks and answers with the method call`, async () => {
        const { body, updateId } = delivery();
        const response = await post(url, body, { headers: signTelegram(TOKEN), chunked: true, chunkSize });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.json()).toEqual({ method: 'sendMessage', chat_id: 111222333, text: CJK });
        expect(seen).toHaveBeenCalledTimes(1);
        expect(seen.mock.calls[0]?.[0]).toMatchObject({ update_id: updateId, message: { text: CJK } });
      });
    }

    it('answers an update sent again with the first answer, running the handler once', async () => {
      const { body } = delivery('again');
      const first = await post(url, body, { headers: signTelegram(TOKEN) });
      const again = await post(url, body, { headers: signTelegram(TOKEN) });
      expect(first.status).toBe(200);
      expect(again.status).toBeLessThan(300);
      expect(seen).toHaveBeenCalledTimes(1);
    });

    it('refuses the secret-token header sent twice with 401, even when both copies are valid', async () => {
      const { body } = delivery();
      for (const copies of [
        [TOKEN, TOKEN],
        [TOKEN, 'forged'],
        ['forged', TOKEN],
      ]) {
        const response = await post(url, body, {
          headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': copies },
        });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe('SIGNATURE_MALFORMED');
      }
      expect(seen).not.toHaveBeenCalled();
    });

    it('refuses a wrong or missing token with stable codes, never echoing the token', async () => {
      const { body } = delivery();
      for (const [headers, code] of [
        [signTelegram('not-the-token'), 'SIGNATURE_MISMATCH'],
        [{ 'Content-Type': 'application/json' }, 'SIGNATURE_MISSING'],
      ] as const) {
        const response = await post(url, body, { headers, chunked: true, chunkSize: 7 });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe(code);
        expect(response.text).not.toContain(TOKEN);
      }
      expect(seen).not.toHaveBeenCalled();
    });

    it("refuses a client outside Telegram's ranges when allowFrom is 'telegram'", async () => {
      const { body } = delivery();
      const response = await post(`${open.url}${PATH}`, body, { headers: signTelegram(TOKEN) });
      expect(response.status).toBe(401);
      expect(errorCode(response.text)).toBe('SOURCE_NOT_ALLOWED');
    });
  });
}
