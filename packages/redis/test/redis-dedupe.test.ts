import { createReceiver, github, jsonResponse, onebot } from '@hookguard/core';
import { githubFixtures, githubRequest, napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { redisDedupeStore } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../../test/support/redis.js';
import { unreachableRedis } from './unreachable-redis.js';

const provider = onebot({ secret: 'secret' });
const message = (message_id: number) => onebotRequest({ ...napcatGroupMessage, message_id }, 'secret');
/** Same chat, same message_id, other text: a NapCat id collision only the body digest can tell. */
const collision = (message_id: number, raw_message: string) =>
  onebotRequest({ ...napcatGroupMessage, message_id, raw_message }, 'secret');

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

  it('runs a different body under a reused key on either instance, and dedupes each one’s retries', async () => {
    const prefix = server.prefix();
    const texts: string[] = [];
    const make = (redis: Redis) =>
      createReceiver(provider, { dedupe: redisDedupeStore(redis, { prefix, pollMs: 10 }) }).on(
        'message.group',
        (event) => {
          texts.push(event.raw_message);
          return { reply: `re: ${event.raw_message}` };
        },
      );
    const [a, b] = [make(redisA), make(redisB)];
    const first = collision(7, 'first text');
    const second = collision(7, 'second text');
    expect(JSON.parse((await a.handle(first)).body)).toEqual({ reply: 're: first text' });
    expect(JSON.parse((await b.handle(second)).body)).toEqual({ reply: 're: second text' });
    expect(JSON.parse((await a.handle(second)).body)).toEqual({ reply: 're: second text' });
    expect(JSON.parse((await b.handle(first)).body)).toEqual({ reply: 're: first text' });
    expect(texts).toEqual(['first text', 'second text']);
    // The second runs under a key of its own, which no delivery's `<provider>:` key can spell.
    const keys = (await redisA.keys(`${prefix}*`)).map((key) => key.slice(prefix.length)).sort();
    expect(keys).toEqual([
      expect.stringMatching(/^onebot#[\w-]{43}:message:10001000:group:114514:7$/),
      'onebot:message:10001000:group:114514:7',
    ]);
  });

  it('does not make a different body wait for the run in flight under its key on another instance', async () => {
    const prefix = server.prefix();
    let openFirst!: () => void;
    const firstBlocked = new Promise<void>((resolve) => {
      openFirst = resolve;
    });
    const texts: string[] = [];
    const make = (redis: Redis) =>
      createReceiver(provider, { dedupe: redisDedupeStore(redis, { prefix, pollMs: 10 }) }).on(
        'message.group',
        async (event) => {
          texts.push(event.raw_message);
          if (event.raw_message === 'first text') await firstBlocked;
          return { reply: `re: ${event.raw_message}` };
        },
      );
    const [a, b] = [make(redisA), make(redisB)];
    const firstAnswer = a.handle(collision(8, 'first text'));
    await vi.waitFor(() => expect(texts).toEqual(['first text']));
    expect(JSON.parse((await b.handle(collision(8, 'second text'))).body)).toEqual({
      reply: 're: second text',
    });
    openFirst();
    expect(JSON.parse((await firstAnswer).body)).toEqual({ reply: 're: first text' });
  });

  it('keeps the digest with the claim and the success, and reads records written before digests', async () => {
    const prefix = server.prefix();
    const store = redisDedupeStore(redisA, { prefix });
    const claim = await store.claim('onebot:d', 10_000, 'digest-a');
    if (claim.state !== 'claimed') throw new Error('expected a claim');
    expect(await store.claim('onebot:d', 10_000, 'digest-b')).toEqual({
      state: 'in-flight',
      digest: 'digest-a',
    });
    await store.complete('onebot:d', claim.token, jsonResponse(200, { a: 1 }));
    expect(await store.claim('onebot:d', 10_000, 'digest-b')).toEqual({
      state: 'done',
      response: jsonResponse(200, { a: 1 }),
      digest: 'digest-a',
    });
    await redisA.set(`${prefix}onebot:old`, `d:${JSON.stringify(jsonResponse(200, { old: true }))}`);
    expect(await store.claim('onebot:old', 10_000, 'digest-a')).toEqual({
      state: 'done',
      response: jsonResponse(200, { old: true }),
    });
  });

  it('lets release forget the success its own token wrote, and nothing someone else wrote', async () => {
    const prefix = server.prefix();
    const store = redisDedupeStore(redisA, { prefix });
    const own = await store.claim('k', 10_000, 'digest');
    if (own.state !== 'claimed') throw new Error('expected a claim');
    await store.complete('k', own.token, jsonResponse(202, {}));
    await store.release('k', own.token);
    expect(await redisA.exists(`${prefix}k`)).toBe(0);

    const stale = await store.claim('k2', 50, 'digest');
    if (stale.state !== 'claimed') throw new Error('expected a claim');
    await new Promise((resolve) => setTimeout(resolve, 80)); // its lease runs out; a retry takes over
    const fresh = await store.claim('k2', 10_000, 'digest');
    if (fresh.state !== 'claimed') throw new Error('expected the key to be free again');
    await store.complete('k2', fresh.token, jsonResponse(200, { fresh: true }));
    await store.release('k2', stale.token);
    expect(await store.claim('k2', 10_000, 'digest')).toMatchObject({
      state: 'done',
      response: jsonResponse(200, { fresh: true }),
    });
  });

  it('forgets the fallback when the handler fails after the ack deadline, so a redelivery runs it', async () => {
    const prefix = server.prefix();
    let openLate!: () => void;
    const late = new Promise<void>((resolve) => {
      openLate = resolve;
    });
    const onError = vi.fn();
    let calls = 0;
    const make = (redis: Redis) =>
      createReceiver(github({ secret: 'gh' }), {
        deadlineMs: 30,
        onError,
        dedupe: redisDedupeStore(redis, { prefix, pollMs: 10 }),
      }).on('push', async () => {
        if (++calls > 1) return;
        await late;
        throw new Error('failed after the deadline');
      });
    const [a, b] = [make(redisA), make(redisB)];
    const delivery = () => githubRequest('push', githubFixtures.push, 'gh', { delivery: 'late-redis' });
    expect((await a.handle(delivery())).status).toBe(202);
    expect((await b.handle(delivery())).status).toBe(202); // the fallback, while the late work runs
    expect(calls).toBe(1);
    openLate();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect(await redisA.exists(`${prefix}github:late-redis`)).toBe(0));
    expect((await b.handle(delivery())).status).toBe(204);
    expect(calls).toBe(2);
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
