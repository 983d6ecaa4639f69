import { createReceiver, silentLogger, wechat } from '@hookguard/core';
import { signWechat, signWechatSafe, wechatSignature } from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXml } from '../../packages/core/src/body/xml.js';
import { wxBizMsgCrypt } from '../../packages/core/src/sender-toolkit/wx-biz-msg-crypt.js';
import { post } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * WeChat Official Accounts over real HTTP through every adapter: the official compatible-mode
 * sample (WeChat's WXBizMsgCrypt samples), the plain-mode signature and its window, the server
 * check, and passive replies (encrypted in safe mode) decrypted back with the same key.
 */
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const COMPAT = { token: 'spamtest', appId: 'wx2c2769f8efd9abc2', encodingAESKey: KEY };
const ENCRYPT =
  'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
const COMPAT_QUERY =
  'signature=16120ec1b8dbb870f510d87ce6bc2463eae6ca1a&timestamp=1409735669&nonce=1320562132' +
  '&encrypt_type=aes&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa';
const XML = { 'content-type': 'text/xml' };
const TOKEN = 'hookguardTestToken';
const APP_ID = 'wx0123456789abcdef';

const query = (pairs: readonly (readonly [string, string])[]) =>
  new URLSearchParams(pairs as [string, string][]).toString();

const text = (content: string, msgId: string) =>
  `<xml><ToUserName><![CDATA[gh_1]]></ToUserName>\n<FromUserName><![CDATA[oUser]]></FromUserName>\n` +
  `<CreateTime>1700000000</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[${content}]]></Content>\n<MsgId>${msgId}</MsgId>\n</xml>`;

/** A reply as WeChat reads it: its MsgSignature checked over the new <Encrypt>, then decrypted for the AppID. */
function openReply(
  text: string,
  account: { readonly token: string; readonly appId: string; readonly encodingAESKey: string },
): unknown {
  const envelope = parseXml(Buffer.from(text)).value as Record<string, string>;
  const crypt = wxBizMsgCrypt({ ...account, receiveId: account.appId, label: 'test' });
  const parts = {
    timestamp: envelope['TimeStamp']!,
    nonce: envelope['Nonce']!,
    encrypt: envelope['Encrypt']!,
  };
  expect(crypt.signatureMatches(envelope['MsgSignature']!, parts)).toBe(true);
  const opened = crypt.decrypt(parts.encrypt);
  if (!opened.ok) throw opened.error;
  return parseXml(Buffer.from(opened.message)).value;
}

for (const adapter of adapters) {
  describe(`wechat() through ${adapter.name}`, () => {
    const seen: unknown[] = [];
    const onText = (event: { Content: string; MsgId: string }, context: { meta: { encrypted: boolean } }) => {
      seen.push([event.Content, event.MsgId, context.meta.encrypted]);
      return event.Content.startsWith('quiet')
        ? undefined
        : ({ type: 'text', content: `echo: ${event.Content}` } as const);
    };
    const plain = createReceiver(wechat({ token: TOKEN }), { logger: silentLogger }).on('text', onText);
    const safe = createReceiver(wechat({ token: TOKEN, appId: APP_ID, encodingAESKey: KEY }), {
      logger: silentLogger,
    }).on('text', onText);
    const compat = createReceiver(wechat({ ...COMPAT, toleranceSeconds: false }), {
      logger: silentLogger,
    }).on('text', onText);
    const servers: Awaited<ReturnType<typeof adapter.serve>>[] = [];
    let urls: { plain: string; safe: string; compat: string };
    beforeAll(async () => {
      for (const receiver of [plain, safe, compat]) servers.push(await adapter.serve(receiver, '/wechat'));
      urls = {
        plain: `${servers[0]!.url}/wechat`,
        safe: `${servers[1]!.url}/wechat`,
        compat: `${servers[2]!.url}/wechat`,
      };
    });
    afterAll(() => Promise.all(servers.map((server) => server.close())));

    it('answers the server check with the echostr exactly as sent, and refuses a wrong signature', async () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = wechatSignature(TOKEN, timestamp, '42');
      const echostr = '7386312470987654321';
      const ok = await post(
        `${urls.plain}?signature=${signature}&timestamp=${timestamp}&nonce=42&echostr=${echostr}`,
        '',
        {
          method: 'GET',
        },
      );
      expect([ok.status, ok.text]).toEqual([200, echostr]);
      const bad = await post(
        `${urls.plain}?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=42&echostr=1`,
        '',
        {
          method: 'GET',
        },
      );
      expect([bad.status, bad.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);
    });

    it('reads the official compatible-mode message from its ciphertext only, and answers encrypted', async () => {
      seen.length = 0;
      // Compatible mode's plaintext copy beside <Encrypt> is signed by nothing: a forged one is ignored.
      const body = `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Content><![CDATA[forged]]></Content><Encrypt><![CDATA[${ENCRYPT}]]></Encrypt></xml>`;
      const response = await post(`${urls.compat}?${COMPAT_QUERY}`, body, { headers: XML });
      expect(response.status).toBe(200);
      expect(seen).toEqual([['abcdteT', '6054768590064713728', true]]);
      // The reply goes back encrypted, for the same AppID, signed afresh.
      expect(openReply(response.text, COMPAT)).toMatchObject({ MsgType: 'text', Content: 'echo: abcdteT' });
    });

    it("refuses the official sample with the default window: it is years old and plain mode's signature covers no body", async () => {
      const strict = await adapter.serve(
        createReceiver(wechat({ token: 'spamtest' }), { logger: silentLogger }).on('text', onText),
        '/wechat',
      );
      try {
        const response = await post(
          `${strict.url}/wechat?signature=16120ec1b8dbb870f510d87ce6bc2463eae6ca1a&timestamp=1409735669&nonce=1320562132`,
          text('forged body', '1'),
          { headers: XML },
        );
        expect([response.status, response.json()]).toMatchObject([
          401,
          { error: { code: 'TIMESTAMP_OUT_OF_RANGE' } },
        ]);
      } finally {
        await strict.close();
      }
    });

    it('plain mode: a passive reply as XML, success when there is nothing to say, dedupe on MsgId', async () => {
      seen.length = 0;
      const send = (content: string, msgId: string) => {
        const signed = signWechat(text(content, msgId), { token: TOKEN });
        return post(`${urls.plain}?${query(signed.query)}`, signed.body, { headers: XML });
      };
      const reply = await send('hi', '11');
      expect(reply.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(parseXml(Buffer.from(reply.text)).value).toMatchObject({
        ToUserName: 'oUser',
        FromUserName: 'gh_1',
        MsgType: 'text',
        Content: 'echo: hi',
      });
      const quiet = await send('quiet', '12');
      expect([quiet.status, quiet.text]).toEqual([200, 'success']);
      await send('quiet', '12');
      expect(seen).toEqual([
        ['hi', '11', false],
        ['quiet', '12', false],
      ]);
    });

    it('safe mode: the reply is encrypted; a message for another AppID is refused', async () => {
      const signed = signWechatSafe(text('safe', '21'), { token: TOKEN, appId: APP_ID, encodingAESKey: KEY });
      const response = await post(`${urls.safe}?${query(signed.query)}`, signed.body, { headers: XML });
      expect(response.status).toBe(200);
      expect(openReply(response.text, { token: TOKEN, appId: APP_ID, encodingAESKey: KEY })).toMatchObject({
        MsgType: 'text',
        Content: 'echo: safe',
      });
      const other = signWechatSafe(text('x', '22'), { token: TOKEN, appId: 'wxother', encodingAESKey: KEY });
      const foreign = await post(`${urls.safe}?${query(other.query)}`, other.body, { headers: XML });
      expect([foreign.status, foreign.json()]).toMatchObject([401, { error: { code: 'SENDER_MISMATCH' } }]);
    });

    it('with a key, refuses a plain-mode POST: its signature covers no body byte, so forged XML would pass', async () => {
      // A real safe-mode request's URL, its encrypt_type and msg_signature dropped: the plain
      // signature over token, timestamp and nonce still matches.
      const signed = signWechatSafe(text('real', '51'), { token: TOKEN, appId: APP_ID, encodingAESKey: KEY });
      const plainQuery = signed.query.filter(([name]) => name !== 'encrypt_type' && name !== 'msg_signature');
      const before = seen.length;
      const response = await post(`${urls.safe}?${query(plainQuery)}`, text('FORGED', '52'), {
        headers: XML,
      });
      expect([response.status, response.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MISSING' } },
      ]);
      expect(seen).toHaveLength(before);
    });

    it('refuses encrypt_type sent twice: it decides which signature is checked', async () => {
      const signed = signWechatSafe(text('twice', '41'), {
        token: TOKEN,
        appId: APP_ID,
        encodingAESKey: KEY,
      });
      const response = await post(`${urls.safe}?${query(signed.query)}&encrypt_type=raw`, signed.body, {
        headers: XML,
      });
      expect([response.status, response.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MALFORMED' } },
      ]);
    });

    it('safe mode: a retry encrypted afresh (other bytes, the same message) is not run again', async () => {
      seen.length = 0;
      for (let attempt = 0; attempt < 2; attempt++) {
        const signed = signWechatSafe(text('quiet retry', '31'), {
          token: TOKEN,
          appId: APP_ID,
          encodingAESKey: KEY,
        });
        const response = await post(`${urls.safe}?${query(signed.query)}`, signed.body, { headers: XML });
        expect(response.status).toBe(200);
      }
      expect(seen).toEqual([['quiet retry', '31', true]]);
    });
  });
}
