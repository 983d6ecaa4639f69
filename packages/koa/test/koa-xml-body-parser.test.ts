import type { RequestListener } from 'node:http';
import { createReceiver, silentLogger, wecom } from '@hookguard/core';
import { koaWebhook } from '@hookguard/koa';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post } from '../../../test/support/http.js';

/**
 * WeCom posts `text/xml`, which a Koa body parser either leaves alone (the default types, JSON and
 * forms) or reads into a string (with `enableTypes: ['xml']`), after which the signed bytes are gone.
 * WeCom's official sample message (https://developer.work.weixin.qq.com/document/path/90307).
 */
const SAMPLE = {
  token: 'QDG6eK',
  encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const ENCRYPT =
  'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==';
const BODY = `<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[${ENCRYPT}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>`;
const QUERY = 'msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149';

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function wecomBehind(parser: Koa.Middleware, handler: () => void): Promise<string> {
  const router = new Router();
  router.post(
    '/wecom',
    koaWebhook(createReceiver(wecom(SAMPLE), { logger: silentLogger }).on('text', handler)),
  );
  const app: { callback(): RequestListener } = new Koa().use(parser).use(router.routes());
  server = await listen(app.callback());
  return server.url;
}

describe('wecom() behind a Koa body parser', () => {
  it('says the body is gone when the parser read text/xml first, and runs no handler', async () => {
    const handler = vi.fn();
    const url = await wecomBehind(bodyParser({ enableTypes: ['json', 'form', 'xml'] }), handler);
    const response = await post(`${url}/wecom?${QUERY}`, BODY, { headers: { 'content-type': 'text/xml' } });
    expect(response.status).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'BODY_ALREADY_CONSUMED' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('decrypts the official message behind a parser that leaves text/xml alone (its defaults)', async () => {
    const handler = vi.fn();
    const url = await wecomBehind(bodyParser(), handler);
    const response = await post(`${url}/wecom?${QUERY}`, BODY, { headers: { 'content-type': 'text/xml' } });
    expect([response.status, response.text]).toEqual([200, '']);
    expect(handler).toHaveBeenCalledOnce();
  });
});
