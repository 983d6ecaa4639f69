import type { RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { createReceiver, type ReceiverLike, tencent, tencentChat } from '@hookguard/core';
import { signTencentChat, tencentChatFixtures, tencentChatUrl } from '@hookguard/core/testing';
import { expressWebhook } from '@hookguard/express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post } from '../../../test/support/http.js';

// Express is a dependency of @hookguard/express, not of core: load it from there.
type ExpressApp = RequestListener & { post(path: string, handler: unknown): void };
const express = createRequire(new URL('../../express/package.json', import.meta.url))(
  'express',
) as () => ExpressApp;

const TOKEN = 'console-token';
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(receiver: ReceiverLike): Promise<string> {
  const app = express();
  app.post('/im/callback', expressWebhook(receiver));
  server = await listen(app);
  return server.url;
}

describe('tencentChat() over real HTTP through @hookguard/express', () => {
  it('verifies a signed callback from its query string and answers the decision', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(tencentChat({ token: TOKEN, sdkAppId: 1400000001 })).on(
      'Group.CallbackBeforeSendMsg',
      (event, context) => {
        seen(event.GroupId, context.meta);
        return tencent.reject(10100, 'slow mode');
      },
    );
    const base = await serve(receiver);
    const path = tencentChatUrl('Group.CallbackBeforeSendMsg', {
      token: TOKEN,
      sdkAppId: 1400000001,
      clientIp: '198.51.100.4',
      optPlatform: 'Android',
      path: '/im/callback',
    });
    // Exactly Tencent's order: SdkAppid, CallbackCommand, contenttype, ClientIP, OptPlatform, Sign, RequestTime.
    expect(path).toMatch(
      /^\/im\/callback\?SdkAppid=1400000001&CallbackCommand=Group\.CallbackBeforeSendMsg&contenttype=json&ClientIP=198\.51\.100\.4&OptPlatform=Android&Sign=[0-9a-f]{64}&RequestTime=\d+$/,
    );
    // Tencent documents no Content-Type: the body goes out with Content-Length only.
    const response = await post(
      `${base}${path}`,
      JSON.stringify(tencentChatFixtures['Group.CallbackBeforeSendMsg']),
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"ActionStatus":"OK","ErrorInfo":"slow mode","ErrorCode":10100}');
    expect(seen).toHaveBeenCalledWith(
      '@TGS#2J4SZEAEL',
      expect.objectContaining({ clientIp: '198.51.100.4', optPlatform: 'Android' }),
    );
  });

  it('acknowledges an after-callback sent with a hand-built URL', async () => {
    const base = await serve(createReceiver(tencentChat({ token: TOKEN })).on('C2C', () => undefined));
    const requestTime = Math.floor(Date.now() / 1000);
    const query = `SdkAppid=888888&CallbackCommand=C2C.CallbackAfterSendMsg&contenttype=json&ClientIP=127.0.0.1&OptPlatform=iOS&Sign=${signTencentChat(TOKEN, requestTime)}&RequestTime=${requestTime}`;
    const response = await post(
      `${base}/im/callback?${query}`,
      JSON.stringify(tencentChatFixtures['C2C.CallbackAfterSendMsg']),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('answers 401 with error JSON for a wrong token, a stale RequestTime and a repeated Sign', async () => {
    const handler = vi.fn();
    const base = await serve(createReceiver(tencentChat({ token: TOKEN })).on('*', handler));
    const body = JSON.stringify(tencentChatFixtures['C2C.CallbackBeforeSendMsg']);
    const stale = Math.floor(Date.now() / 1000) - 120;
    const paths = [
      tencentChatUrl('C2C.CallbackBeforeSendMsg', { token: 'not-the-token', path: '/im/callback' }),
      tencentChatUrl('C2C.CallbackBeforeSendMsg', { token: TOKEN, requestTime: stale, path: '/im/callback' }),
      `${tencentChatUrl('C2C.CallbackBeforeSendMsg', { token: TOKEN, path: '/im/callback' })}&Sign=${'0'.repeat(64)}`,
    ];
    const codes = [];
    for (const path of paths) {
      const response = await post(`${base}${path}`, body);
      expect(response.status).toBe(401);
      codes.push((response.json() as { error: { code: string } }).error.code);
    }
    expect(codes).toEqual(['SIGNATURE_MISMATCH', 'TIMESTAMP_OUT_OF_RANGE', 'SIGNATURE_MALFORMED']);
    expect(handler).not.toHaveBeenCalled();
  });
});
