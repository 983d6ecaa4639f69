import { createReceiver, jsonResponse, onebot } from '@hookguard/core';
import { napcatGroupMessage, oneBotRequest } from '@hookguard/core/testing';
import { redisDedupeStore } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../../test/support/redis.js';
import { unreachableRedis } from './unreachable-redis.js';

const provider = onebot({ secret: 'secret' });
const message = (message_id: number) => oneBotRequest({ ...napcatGroupMessage, message_id }, 'secret');

describeWithRedis('redisDedupeStore() on a real Redis', (server) => {
  let redisA: Redis;
  let redisB: Redis;
  beforeAll(() => {
    // Two connections stand for two instances behind a load balancer.
    redisA = new Redis(server.url);
    redisB = new Redis(server.url);
  });
  afterAll(async () => {
    await Promise.all([redisA.quit(), redisB.quit()]);
  });

  /** Two receivers with the same handlers, as two instances of one app would have. */
  function twoInstances(handler: (id: number) => unknown) {
    const prefix = server.prefix();
    const make = (redis: Redis) =>
      createReceiver(provider, { dedupe: redisDedupeStore(redis, { prefix, pollMs: 10 }) }).on(
        'message.group',
        async (event) => (await handler(event.message_id)) as { reply: string } | undefined,
      );
    return [make(redisA), make(redisB)] as const;
  }

  it('treats a delivery seen by the other instance as a duplicate and returns the first reply', async () => {
    let calls = 0;
    const [a, b] = twoInstances((id) => ({ reply: `handled ${id} (run ${++calls})` }));
    const first = await a.handle(message(1));
    const second = await b.handle(message(1));
    expect(JSON.parse(first.body)).toEqual({ reply: 'handled 1 (run 1)' });
    expect(second).toEqual(first);
    expect(calls).toBe(1);
  });

  it('runs concurrent duplicates on two instances once, and both get the reply', async () => {
    let calls = 0;
    const [a, b] = twoInstances(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 150));
      return { reply: 'once' };
    });
    const [fromA, fromB] = await Promise.all([a.handle(message(2)), b.handle(message(2))]);
    expect(calls).toBe(1);
    expect(JSON.parse(fromA.body)).toEqual({ reply: 'once' });
    expect(fromB).toEqual(fromA);
  });

  it('lets the retry on the other instance run a delivery that failed', async () => {
    let calls = 0;
    const [a, b] = twoInstances(() => {
      calls++;
      if (calls === 1) throw new Error('first try failed');
      return { reply: 'second try' };
    });
    expect((await a.handle(message(3))).status).toBe(500);
    expect(JSON.parse((await b.handle(message(3))).body)).toEqual({ reply: 'second try' });
    expect(JSON.parse((await a.handle(message(3))).body)).toEqual({ reply: 'second try' });
    expect(calls).toBe(2);
  });

  it('stores one key per delivery with the TTL, and frees a claim whose owner died when the lease ends', async () => {
    const prefix = server.prefix();
    const store = redisDedupeStore(redisA, { prefix, ttlMs: 60_000, pollMs: 10 });
    const claim = await store.claim('onebot:k', 200);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    expect(await store.claim('onebot:k', 200)).toEqual({ state: 'in-flight' });
    const lease = await redisA.pttl(`${prefix}onebot:k`);
    expect(lease).toBeGreaterThan(0);
    expect(lease).toBeLessThanOrEqual(200);
    // The owner "dies": no complete, no release. After the lease, a retry may run it.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const retry = await store.claim('onebot:k', 10_000);
    expect(retry.state).toBe('claimed');
    // The dead owner's late write must not overwrite the new owner's claim.
    await store.complete('onebot:k', claim.token, jsonResponse(200, { stale: true }));
    expect(await store.claim('onebot:k', 10_000)).toEqual({ state: 'in-flight' });
    if (retry.state !== 'claimed') throw new Error('unreachable');
    await store.complete('onebot:k', retry.token, jsonResponse(200, { fresh: true }));
    expect(await store.claim('onebot:k', 10_000)).toEqual({
      state: 'done',
      response: jsonResponse(200, { fresh: true }),
    });
    const ttl = await redisA.pttl(`${prefix}onebot:k`);
    expect(ttl).toBeGreaterThan(59_000);
  });

  it('wakes a waiting duplicate soon after the owner settles', async () => {
    const prefix = server.prefix();
    const store = redisDedupeStore(redisA, { prefix, pollMs: 20 });
    const claim = await store.claim('k', 10_000);
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    setTimeout(() => void store.release('k', claim.token), 60);
    const started = Date.now();
    await store.waitForSettle('k', 5000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await store.claim('k', 1000)).state).toBe('claimed');
  });

  it('answers 503 and runs nothing when Redis cannot be reached (fail closed)', async () => {
    const unreachable = unreachableRedis();
    const handler = vi.fn();
    const receiver = createReceiver(provider, { dedupe: redisDedupeStore(unreachable) }).on(
      'message',
      handler,
    );
    const response = await receiver.handle(message(4));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(JSON.parse(response.body).error.code).toBe('STORE_UNAVAILABLE');
    expect(handler).not.toHaveBeenCalled();
    unreachable.disconnect();
  });
});
