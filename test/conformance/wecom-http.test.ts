import { createCipheriv } from 'node:crypto';
import { createReceiver, silentLogger, wecom } from '@hookguard/core';
import { signWecom, wecomMessageXml, wecomUrlCheck } from '@hookguard/core/testing';
import { expressWebhook } from '@hookguard/express';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseXml } from '../../packages/core/src/body/xml.js';
import { wxBizMsgCrypt } from '../../packages/core/src/sender-toolkit/wx-biz-msg-crypt.js';
import { listen, post } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * WeCom over real HTTP through every adapter: the official sample's URL check and message
 * (https://developer.work.weixin.qq.com/document/path/90307, the WXBizMsgCrypt samples), passive
 * replies decrypted back with the same key, and the refusals.
 */
const SAMPLE = {
  token: 'QDG6eK',
  encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const ECHOSTR = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
const ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const SAMPLE_BODY = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${ENCRYPT}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
const XML = { 'content-type': 'text/xml' };

const crypt = wxBizMsgCrypt({ ...SAMPLE, receiveId: SAMPLE.corpId, label: 'test' });

function decryptReply(text: string): Record<string, unknown> {
  const envelope = parseXml(Buffer.from(text)).value as Record<string, string>;
  const parts = {
    timestamp: envelope['TimeStamp']!,
    nonce: envelope['Nonce']!,
    encrypt: envelope['Encrypt']!,
  };
  expect(crypt.signatureMatches(envelope['MsgSignature']!, parts)).toBe(true);
  const opened = crypt.decrypt(parts.encrypt);
  if (!opened.ok) throw opened.error;
  return parseXml(Buffer.from(opened.message)).value as Record<string, unknown>;
}

for (const adapter of adapters) {
  describe(`wecom() through ${adapter.name}`, () => {
    const seen: unknown[] = [];
    const receiver = createReceiver(wecom(SAMPLE), { logger: silentLogger })
      .on('text', (event, context) => {
        seen.push([event.Content, event.MsgId, context.meta.agentId]);
        if (event.Content === 'news') {
          return {
            type: 'news',
            articles: [{ title: 'a]]>b', url: 'https://example.com' }, { title: '第二' }],
          };
        }
        return event.Content === 'quiet' ? undefined : { type: 'text', content: `echo: ${event.Content}` };
      })
      .on('event', (event) => {
        seen.push(event.Event);
      });
    let server: Awaited<ReturnType<typeof adapter.serve>>;
    beforeAll(async () => {
      server = await adapter.serve(receiver, '/wecom');
    });
    afterAll(() => server.close());

    it("answers the official URL check with the decrypted echostr alone, '+' sent raw or as %2B", async () => {
      const raw = `msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780`;
      for (const echostr of [encodeURIComponent(ECHOSTR), ECHOSTR]) {
        const response = await post(`${server.url}/wecom?${raw}&echostr=${echostr}`, '', { method: 'GET' });
        expect(response.status).toBe(200);
        expect(response.text).toBe('1616140317555161061');
        expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      }
    });

    it('refuses a URL check with a wrong or missing signature (401)', async () => {
      const query = `timestamp=1409659589&nonce=263014780&echostr=${encodeURIComponent(ECHOSTR)}`;
      const wrong = await post(`${server.url}/wecom?msg_signature=${'0'.repeat(40)}&${query}`, '', {
        method: 'GET',
      });
      expect([wrong.status, wrong.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);
      const missing = await post(`${server.url}/wecom?${query}`, '', { method: 'GET' });
      expect([missing.status, missing.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);
    });

    it('decrypts the official message (a pad of 30) and answers with an encrypted, signed passive reply', async () => {
      seen.length = 0;
      const query =
        'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';
      const response = await post(`${server.url}/wecom?${query}`, SAMPLE_BODY, { headers: XML });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(seen).toEqual([['hello', '4561255354251345929', '218']]);
      const reply = decryptReply(response.text);
      expect(reply).toMatchObject({
        ToUserName: 'mycreate',
        FromUserName: 'wx5823bf96d3bd56c7',
        MsgType: 'text',
        Content: 'echo: hello',
      });
      expect(reply['CreateTime']).toMatch(/^\d{10}$/);
    });

    it('answers nothing to say with an empty 200, serialises news, and dedupes on MsgId', async () => {
      const send = (content: string, msgId: string) => {
        const xml = wecomMessageXml({
          ToUserName: SAMPLE.corpId,
          FromUserName: 'zhangsan',
          CreateTime: '1700000000',
          MsgType: 'text',
          Content: content,
          MsgId: msgId,
        });
        const signed = signWecom(xml, SAMPLE);
        const query = new URLSearchParams(signed.query as [string, string][]).toString();
        return post(`${server.url}/wecom?${query}`, signed.body, { headers: XML });
      };
      const quiet = await send('quiet', '1');
      expect([quiet.status, quiet.text, quiet.headers['content-type']]).toEqual([200, '', undefined]);
      const news = await send('news', '2');
      expect(decryptReply(news.text)).toMatchObject({
        MsgType: 'news',
        ArticleCount: '2',
        Articles: { item: [{ Title: 'a]]>b', Url: 'https://example.com' }, { Title: '第二' }] },
      });
      seen.length = 0;
      const again = await send('quiet', '1');
      expect(again.status).toBe(200);
      expect(seen).toEqual([]);
    });

    it('dedupes events on FromUserName, CreateTime and Event', async () => {
      seen.length = 0;
      const xml = wecomMessageXml({
        ToUserName: SAMPLE.corpId,
        FromUserName: 'lisi',
        CreateTime: '1700000001',
        MsgType: 'event',
        Event: 'enter_agent',
        EventKey: '',
      });
      for (let attempt = 0; attempt < 2; attempt++) {
        const signed = signWecom(xml, SAMPLE);
        const query = new URLSearchParams(signed.query as [string, string][]).toString();
        expect((await post(`${server.url}/wecom?${query}`, signed.body, { headers: XML })).status).toBe(200);
      }
      expect(seen).toEqual(['enter_agent']);
    });

    it('refuses tampered ciphertext, another corp, DOCTYPE bodies and bad padding before any handler', async () => {
      seen.length = 0;
      const tampered = SAMPLE_BODY.replace('RypE', 'RypF');
      const query =
        'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';
      const forged = await post(`${server.url}/wecom?${query}`, tampered, { headers: XML });
      expect([forged.status, forged.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);

      const other = signWecom('<xml><MsgType>text</MsgType></xml>', { ...SAMPLE, corpId: 'wwothercorp' });
      const otherQuery = new URLSearchParams(other.query as [string, string][]).toString();
      const foreign = await post(`${server.url}/wecom?${otherQuery}`, other.body, { headers: XML });
      expect([foreign.status, foreign.json()]).toMatchObject([401, { error: { code: 'SENDER_MISMATCH' } }]);

      const doctype = `<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]>${SAMPLE_BODY}`;
      const xxe = await post(`${server.url}/wecom?${query}`, doctype, { headers: XML });
      expect([xxe.status, xxe.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);

      // Signed correctly, but the plaintext's last byte claims a pad of 0.
      const encrypt = rawWithPad(0);
      const signed = crypt.signature({ timestamp: '1', nonce: '2', encrypt });
      const padded = await post(
        `${server.url}/wecom?msg_signature=${signed}&timestamp=1&nonce=2`,
        `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
        { headers: XML },
      );
      expect([padded.status, padded.json()]).toMatchObject([400, { error: { code: 'DECRYPTION_FAILED' } }]);
      expect(seen).toEqual([]);
    });

    it('passes the echostr check only for GET and POST; other methods get 405 with Allow', async () => {
      const response = await post(`${server.url}/wecom`, '', { method: 'PUT', headers: XML });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, POST');
    });

    it('reads a URL check the kit builds the way WeCom does', async () => {
      const check = wecomUrlCheck('hookguard-echo', SAMPLE);
      const query = new URLSearchParams(check.query as [string, string][]).toString();
      const response = await post(`${server.url}/wecom?${query}`, '', { method: 'GET' });
      expect([response.status, response.text]).toEqual([200, 'hookguard-echo']);
    });
  });
}

/** A ciphertext, under the sample key, whose plaintext ends in `pad` (an invalid PKCS#7 pad for 0 or 33+). */
function rawWithPad(pad: number): string {
  const key = Buffer.from(`${SAMPLE.encodingAESKey}=`, 'base64');
  const plain = Buffer.alloc(64, 1);
  plain[63] = pad;
  const aes = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([aes.update(plain), aes.final()]).toString('base64');
}

describe('wecom() meta', () => {
  it('takes agentId from the signed message, not from the unsigned copy beside <Encrypt>', async () => {
    const agents: (string | undefined)[] = [];
    const receiver = createReceiver(wecom(SAMPLE), { logger: silentLogger, dedupe: false }).on(
      'text',
      (_event, context) => {
        agents.push(context.meta.agentId);
      },
    );
    const query =
      'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';
    const outerChanged = SAMPLE_BODY.replace(
      '<AgentID><![CDATA[218]]></AgentID>',
      '<AgentID><![CDATA[999]]></AgentID>',
    );
    expect(outerChanged).not.toBe(SAMPLE_BODY);
    for (const body of [SAMPLE_BODY, outerChanged]) {
      const response = await receiver.handle({
        method: 'POST',
        url: `/wecom?${query}`,
        headers: XML,
        body: Buffer.from(body),
      });
      expect(response.status).toBe(200);
    }
    expect(agents).toEqual(['218', '218']);
  });
});

describe('wecom() behind a body parser that read text/xml first (Express)', () => {
  const handler = vi.fn();
  afterEach(() => handler.mockClear());
  const xmlParsed = (capture: boolean) => {
    const app = express();
    app.use(
      express.text({
        type: 'text/xml',
        ...(capture
          ? {
              verify: (req: unknown, _res: unknown, buf: Buffer) =>
                Object.assign(req as object, { rawBody: buf }),
            }
          : {}),
      }),
    );
    app.all(
      '/wecom',
      expressWebhook(createReceiver(wecom(SAMPLE), { logger: silentLogger }).on('text', handler)),
    );
    return listen(app);
  };
  const query =
    'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';

  it('says the body is gone rather than verifying a re-serialised one', async () => {
    const server = await xmlParsed(false);
    try {
      const response = await post(`${server.url}/wecom?${query}`, SAMPLE_BODY, { headers: XML });
      expect(response.status).toBe(500);
      expect(response.json()).toMatchObject({ error: { code: 'BODY_ALREADY_CONSUMED' } });
      expect(handler).not.toHaveBeenCalled();
    } finally {
      await server.close();
    }
  });

  it('verifies the exact bytes the parser captured as rawBody', async () => {
    const server = await xmlParsed(true);
    try {
      const response = await post(`${server.url}/wecom?${query}`, SAMPLE_BODY, { headers: XML });
      expect([response.status, response.text]).toEqual([200, '']);
      expect(handler).toHaveBeenCalledOnce();
    } finally {
      await server.close();
    }
  });
});
