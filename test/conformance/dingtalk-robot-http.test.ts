import { createReceiver, dingtalkRobot, silentLogger } from '@hookguard/core';
import { dingtalkRobotFixtures, signDingtalkRobot } from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * DingTalk's robot message callback (HTTP mode) over real HTTP through every adapter: `sign` over
 * `timestamp + "\n" + appSecret` within DingTalk's hour, the message typed by `msgtype`, replies
 * written in the response. DingTalk publishes no vector: the one here is computed from the formula
 * its docs give, and pinned so the formula cannot drift.
 */
const APP_SECRET = 'this is secret';
const VECTOR = { timestamp: '1577262236757', sign: 'hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=' };
const HOUR_MS = 60 * 60_000;
const message = dingtalkRobotFixtures['text']!;

describe('the robot sign formula', () => {
  it('gives the pinned value for the pinned timestamp and secret', () => {
    expect(signDingtalkRobot({ appSecret: APP_SECRET, timestamp: VECTOR.timestamp })).toEqual(VECTOR);
  });
});

for (const adapter of adapters) {
  describe(`dingtalkRobot() through ${adapter.name}`, () => {
    const seen: unknown[] = [];
    const receiver = createReceiver(dingtalkRobot({ appSecret: APP_SECRET }), {
      logger: silentLogger,
      now: () => Number(VECTOR.timestamp) + 1000,
    })
      .on('text', (event, context) => {
        seen.push([event.text.content, event.msgId, event.sessionWebhook, context.meta.timestamp]);
        return {
          msgtype: 'markdown',
          markdown: { title: 'pay-api', text: `**${event.text.content.trim()}**` },
        };
      })
      .on('picture', () => {});
    let server: Awaited<ReturnType<typeof adapter.serve>>;
    beforeAll(async () => {
      server = await adapter.serve(receiver, '/dingtalk-robot');
    });
    afterAll(() => server.close());

    const send = (body: unknown, headers: Record<string, string>) =>
      post(`${server.url}/dingtalk-robot`, JSON.stringify(body), {
        headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      });

    it('accepts the pinned sign, types the message and writes the reply in the response; a retry runs once', async () => {
      seen.length = 0;
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await send(message, VECTOR);
        expect([response.status, response.json()]).toEqual([
          200,
          { msgtype: 'markdown', markdown: { title: 'pay-api', text: '**deploy pay-api**' } },
        ]);
      }
      expect(seen).toEqual([
        [' deploy pay-api', message['msgId'], message['sessionWebhook'], VECTOR.timestamp],
      ]);
    });

    it('answers a message with nothing to say with an empty 200', async () => {
      const response = await send(dingtalkRobotFixtures['picture'], VECTOR);
      expect([response.status, response.text]).toEqual([200, '']);
    });

    it('refuses a wrong, missing or malformed sign and a timestamp outside the hour, before any handler', async () => {
      seen.length = 0;
      const other = signDingtalkRobot({ appSecret: 'not the secret', timestamp: VECTOR.timestamp });
      const forged = await send(message, other);
      expect([forged.status, forged.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISMATCH' } }]);
      const missing = await send(message, { timestamp: VECTOR.timestamp });
      expect([missing.status, missing.json()]).toMatchObject([401, { error: { code: 'SIGNATURE_MISSING' } }]);
      const malformed = await send(message, { ...VECTOR, sign: 'not base64!' });
      expect([malformed.status, malformed.json()]).toMatchObject([
        401,
        { error: { code: 'SIGNATURE_MALFORMED' } },
      ]);
      for (const skew of [HOUR_MS + 2000, -(HOUR_MS + 2000)]) {
        const timestamp = String(Number(VECTOR.timestamp) - skew);
        const stale = await send(message, signDingtalkRobot({ appSecret: APP_SECRET, timestamp }));
        expect([stale.status, stale.json()]).toMatchObject([
          401,
          { error: { code: 'TIMESTAMP_OUT_OF_RANGE' } },
        ]);
      }
      expect(seen).toEqual([]);
    });

    it('does not notice a changed body: the sign covers the timestamp only (SECURITY.md)', async () => {
      seen.length = 0;
      const replayed = { ...message, msgId: 'msgForgedBody0001', text: { content: 'drop the database' } };
      const response = await send(replayed, VECTOR);
      expect(response.status).toBe(200);
      expect(seen).toEqual([
        ['drop the database', 'msgForgedBody0001', message['sessionWebhook'], VECTOR.timestamp],
      ]);
    });
  });
}
