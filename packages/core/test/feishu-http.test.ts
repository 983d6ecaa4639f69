import { createReceiver, feishu, silentLogger } from '@hookguard/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';
import { FEISHU_DEMO_TOKEN, feishuFixtures } from '../src/providers/feishu/kit/fixtures.js';
import { feishuEncryptedBody, signFeishu } from '../src/providers/feishu/kit/sign.js';

const KEY = 'feishu-http-encrypt-key';
const PATH = '/feishu';
// The official Node SDK's encrypted URL check (larksuite/node-sdk, adaptor/services/__tests__/challenge.ts).
const SDK_KEY = 'mazhe.nerd';
const SDK_TOKEN = 'iRdCP2WwXNBXRM3mGLqhrgch3cn0gbT6';
const SDK_CHALLENGE =
  'tT1xP+ovuc0T3b/rnZX3ax76exqAn0ANQ6/U45GcciC0mgNBc8JtvqOJGNAPMKpgRs2dVU1NYk9VDeqS8T4SYtU0hzNU54aS84WnxvZ3VFfDcy/RyABlNqlUiGyLDzFI0yxdCMT4KR/YEQXlt6nZi50KwRlZ+A75r645KesZuLMljezYyY8VeeXEVjPw35+e';
// Three-byte UTF-8 characters and an emoji: 1- and 7-byte chunks split them.
const CJK = '部署 pay-api 到生产环境 🚀 "引号"';
const message = feishuFixtures['im.message.receive_v1'];

let serial = 0;
function event(token = FEISHU_DEMO_TOKEN) {
  const id = `http-${++serial}`;
  return {
    id,
    payload: {
      ...message,
      header: { ...message.header, event_id: id, token },
      event: {
        ...message.event,
        message: { ...message.event.message, content: JSON.stringify({ text: CJK }) },
      },
    },
  };
}
const headersFor = (body: string) => signFeishu(body, { encryptKey: KEY });
const codeOf = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

for (const adapter of adapters) {
  describe(`feishu() over real HTTP through ${adapter.name}`, () => {
    const seen = vi.fn();
    const servers: Listening[] = [];
    let encryptedUrl: string;
    let plainUrl: string;
    let sdkUrl: string;
    beforeAll(async () => {
      const serve = async (options: Parameters<typeof feishu>[0]) => {
        const receiver = createReceiver(feishu(options), { logger: silentLogger }).on('*', (body) =>
          seen(body),
        );
        const server = await adapter.serve(receiver, PATH);
        servers.push(server);
        return `${server.url}${PATH}`;
      };
      encryptedUrl = await serve({ encryptKey: KEY, verificationToken: FEISHU_DEMO_TOKEN });
      plainUrl = await serve({ verificationToken: FEISHU_DEMO_TOKEN });
      sdkUrl = await serve({ encryptKey: SDK_KEY, verificationToken: SDK_TOKEN });
    });
    afterAll(() => Promise.all(servers.map((server) => server.close())));
    beforeEach(() => seen.mockClear());

    for (const chunkSize of [1, 7]) {
      it(`decrypts an encrypted CJK event sent chunked in ${chunkSize}-byte chunks`, async () => {
        const { id, payload } = event();
        const body = feishuEncryptedBody(payload, KEY);
        const response = await post(encryptedUrl, body, {
          headers: headersFor(body),
          chunked: true,
          chunkSize,
        });
        expect(response.status).toBe(200);
        expect(seen).toHaveBeenCalledTimes(1);
        expect(seen.mock.calls[0]?.[0].header.event_id).toBe(id);
        expect(JSON.parse(seen.mock.calls[0]?.[0].event.message.content).text).toBe(CJK);
      });
    }

    it("answers the official SDK's encrypted URL check, unsigned, with its challenge", async () => {
      const response = await post(sdkUrl, JSON.stringify({ encrypt: SDK_CHALLENGE }), {
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(200);
      expect(response.text).toBe('{"challenge":"5634b122-c042-4634-bc7f-b07a3c3e77ad"}');
      expect(seen).not.toHaveBeenCalled();
    });

    it('plaintext mode: delivers the right token, refuses another with 401 and no handler call', async () => {
      const right = JSON.stringify(event().payload);
      expect((await post(plainUrl, right, { headers: { 'content-type': 'application/json' } })).status).toBe(
        200,
      );
      expect(seen).toHaveBeenCalledTimes(1);
      const wrong = JSON.stringify(event('a-guessed-token').payload);
      const response = await post(plainUrl, wrong, {
        headers: { 'content-type': 'application/json' },
        chunked: true,
      });
      expect(response.status).toBe(401);
      expect(codeOf(response.text)).toBe('SIGNATURE_MISMATCH');
      expect(seen).toHaveBeenCalledTimes(1);
    });

    it('refuses X-Lark-Signature sent twice, both copies valid', async () => {
      const body = feishuEncryptedBody(event().payload, KEY);
      const signed = headersFor(body);
      const signature = signed['X-Lark-Signature']!;
      const response = await post(encryptedUrl, body, {
        headers: { ...signed, 'X-Lark-Signature': [signature, signature] },
      });
      expect(response.status).toBe(401);
      expect(codeOf(response.text)).toBe('SIGNATURE_MALFORMED');
      expect(seen).not.toHaveBeenCalled();
    });
  });
}
