import { createReceiver, silentLogger, type TokenOptions, token } from '@hookguard/core';
import { type RedisInbox, redisInbox } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { post } from '../../../test/support/http.js';
import { describeWithRedis } from '../../../test/support/redis.js';

const SECRET = 'shared-7f3c1a9e-credential';

/** Token locations whose names no pattern would recognise as a credential. */
const locations: readonly { readonly label: string; readonly where: TokenOptions }[] = [
  { label: "token({ query: 'code' })", where: { query: 'code', secret: SECRET } },
  { label: "token({ header: 'x-webhook-key' })", where: { header: 'x-webhook-key', secret: SECRET } },
  { label: "token({ header: 'x-hook-pass' })", where: { header: 'x-hook-pass', secret: SECRET } },
];

describeWithRedis('redisInbox() stores no credential', (server) => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    await redis.quit();
  });

  /** Every value under the inbox's keys, as Redis holds it: stream fields, sorted-set members. */
  async function rawInboxData(inbox: RedisInbox): Promise<Buffer> {
    const parts: Buffer[] = [];
    for (const key of [inbox.keys.stream, inbox.keys.retries, inbox.keys.deadLetters]) {
      const type = await redis.type(key);
      if (type === 'stream') {
        for (const [id, fields] of await redis.xrangeBuffer(key, '-', '+')) parts.push(id, ...fields);
      } else if (type === 'zset') {
        parts.push(...(await redis.zrangeBuffer(key, 0, -1)));
      } else if (type !== 'none') {
        throw new Error(`unexpected ${type} at ${key}`);
      }
    }
    return Buffer.concat(parts);
  }

  for (const adapter of adapters) {
    for (const { label, where } of locations) {
      it(`${adapter.name}, ${label}: neither the stream entry nor the dead letter holds the token`, async () => {
        const inbox = redisInbox(redis, { stream: `${server.prefix()}{inbox}` });
        const seen: unknown[] = [];
        const receiver = createReceiver(
          token({ ...where, event: { body: 'type' }, id: { body: 'id' } } as TokenOptions),
          { inbox, logger: silentLogger },
        ).on('*', (event, context) => {
          const { id } = event as { id: unknown };
          seen.push(id);
          // The worker's handler still sees the request's other headers and parameters.
          expect(context.headers['x-trace']).toBe('kept');
          expect(context.query.get('page')).toBe('2');
          if (id === 'doomed') throw new Error('handler broke');
        });
        const app = await adapter.serve(receiver, '/hook');
        try {
          const query = 'query' in where && where.query ? `?${where.query}=${SECRET}&page=2` : '?page=2';
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            'x-trace': 'kept',
            ...('header' in where && where.header ? { [where.header]: SECRET } : {}),
          };
          for (const id of ['fine', 'doomed']) {
            const response = await post(`${app.url}/hook${query}`, JSON.stringify({ type: 'ping', id }), {
              headers,
            });
            expect(response.status).toBe(204);
          }
          expect(await redis.xlen(inbox.keys.stream)).toBe(2);
          const stored = await rawInboxData(inbox);
          expect(stored.includes('kept')).toBe(true);
          expect(stored.includes(SECRET)).toBe(false);

          const worker = inbox.startWorker(receiver, {
            blockMs: 50,
            maxAttempts: 2,
            backoffMs: () => 20,
            logger: silentLogger,
          });
          try {
            await vi.waitFor(
              async () =>
                expect((await inbox.deadLetters()).map((one) => one.error)).toEqual(['handler broke']),
              {
                timeout: 10_000,
                interval: 25,
              },
            );
          } finally {
            await worker.close();
          }
          // The handler ran for both, with what it needs and without the token.
          expect(seen.sort()).toEqual(['doomed', 'doomed', 'fine']);
          const [dead] = await inbox.deadLetters();
          expect(dead?.delivery.deliveryKey).toBe('doomed');
          expect(dead?.delivery.query).toBe('page=2');
          expect((await rawInboxData(inbox)).includes(SECRET)).toBe(false);
        } finally {
          await app.close();
        }
      });
    }
  }
});
