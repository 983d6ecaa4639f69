import { createReceiver, jsonResponse, type Logger, onebot } from '@hookguard/core';
import { napcatGroupMessage, signOnebot } from '@hookguard/core/testing';
import { type RedisDedupeOptions, type RedisDedupeStore, redisDedupeStore } from '@hookguard/redis';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { post } from '../../../test/support/http.js';
import { describeWithRedis } from '../../../test/support/redis.js';

// Polling this slowly, a duplicate answered well within it was woken, not found by a poll. The
// margins are wide on purpose: the machine running the tests may be loaded.
const SLOW_POLL_MS = 2000;
const WOKEN_WITHIN_MS = SLOW_POLL_MS / 4;

/** A logger that keeps what it is told, to count the reports of a wake-up outage. */
function recordingLogger() {
  const lines: { level: string; message: string }[] = [];
  const at =
    (level: string) =>
    (message: string): void => {
      lines.push({ level, message });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, warnings: () => lines.filter((line) => line.level === 'warn' || line.level === 'error') };
}

describeWithRedis('redisDedupeStore() wakes waiting duplicates on a real Redis', (server) => {
  let admin: Redis;
  const cleanups: (() => Promise<unknown>)[] = [];
  beforeAll(() => {
    admin = new Redis(server.url);
  });
  afterEach(async () => {
    // Last made, first undone: connections close before the ACL user they log in as goes.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await admin.quit();
  });

  /** Its own connection and store: one instance of a deployment. */
  function instance(options: RedisDedupeOptions, connection: RedisOptions = {}) {
    const redis = new Redis(server.url, connection);
    const store = redisDedupeStore(redis, options);
    cleanups.push(async () => {
      await store.close();
      await redis.quit();
    });
    return { redis, store };
  }

  async function subscribers(channel: string): Promise<number> {
    const [, count] = (await admin.pubsub('NUMSUB', channel)) as [string, number];
    return count;
  }

  async function claimed(store: RedisDedupeStore, key: string): Promise<string> {
    const claim = await store.claim(key, 60_000);
    if (claim.state !== 'claimed') throw new Error(`expected to claim ${key}, got ${claim.state}`);
    return claim.token;
  }

  it('answers a waiting duplicate within a fraction of the poll interval once the first run completes', async () => {
    const prefix = server.prefix();
    const a = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const b = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const token = await claimed(a.store, 'k');
    expect(await b.store.claim('k', 60_000)).toEqual({ state: 'in-flight' });
    const waited = b.store.waitForSettle('k', 10_000);
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k`)).toBe(1));
    const completedAt = performance.now();
    await a.store.complete('k', token, jsonResponse(200, { first: true }));
    await waited;
    expect(performance.now() - completedAt).toBeLessThan(WOKEN_WITHIN_MS);
    expect(await b.store.claim('k', 60_000)).toMatchObject({ state: 'done' });
    // Nobody waits any more: the channel is given up.
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k`)).toBe(0));
  });

  it('wakes a duplicate when the first run fails, so it takes the delivery over at once', async () => {
    const prefix = server.prefix();
    const a = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const b = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const token = await claimed(a.store, 'k');
    const waited = b.store.waitForSettle('k', 10_000);
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k`)).toBe(1));
    const releasedAt = performance.now();
    await a.store.release('k', token);
    await waited;
    expect(performance.now() - releasedAt).toBeLessThan(WOKEN_WITHIN_MS);
    expect((await b.store.claim('k', 60_000)).state).toBe('claimed');
  });

  it('misses no settle that lands before its subscription is confirmed (it reads the record after)', async () => {
    const prefix = server.prefix();
    const a = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const b = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    for (const key of ['first', 'second', 'third']) {
      const token = await claimed(a.store, key);
      const started = performance.now();
      // The settle is sent before the wait has even subscribed; the publish reaches nobody.
      const completed = a.store.complete(key, token, jsonResponse(200, {}));
      await Promise.all([b.store.waitForSettle(key, 10_000), completed]);
      expect(performance.now() - started, key).toBeLessThan(WOKEN_WITHIN_MS);
    }
  });

  it('misses no settle when it joins a subscription other duplicates already hold', async () => {
    const prefix = server.prefix();
    const a = instance({ prefix });
    const b = instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS });
    const token = await claimed(a.store, 'k');
    const earlier = b.store.waitForSettle('k', 10_000);
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k`)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // its confirmation is in
    // The run settles and its message is gone before the next duplicate subscribes: written
    // here without a message, which is all that duplicate can see of it.
    await admin.set(`${prefix}k`, `d:${token} ${JSON.stringify(jsonResponse(200, {}))}`);
    const started = performance.now();
    await b.store.waitForSettle('k', 10_000);
    expect(performance.now() - started).toBeLessThan(WOKEN_WITHIN_MS);
    await admin.publish(`${prefix}k`, 'settled'); // the earlier duplicate, too, learns of it
    await earlier;
  });

  it('still finds a lease that ran out (no message comes) at the recheck interval', async () => {
    const prefix = server.prefix();
    const a = instance({ prefix });
    const b = instance({ prefix, pollMs: 10_000, recheckMs: 100 });
    const claim = await a.store.claim('k', 300); // its owner "dies": no complete, no release
    expect(claim.state).toBe('claimed');
    const started = performance.now();
    await b.store.waitForSettle('k', 20_000);
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await b.store.claim('k', 60_000)).state).toBe('claimed');
  });

  it('answers each waiting duplicate through Express, Koa, Fastify and fetch soon after the first run', async () => {
    const prefix = server.prefix();
    const secret = 'secret';
    let finish!: () => void;
    let finishedAt = 0;
    let runs = 0;
    const make = () =>
      createReceiver(onebot({ secret }), {
        dedupe: instance({ prefix, pollMs: SLOW_POLL_MS, recheckMs: SLOW_POLL_MS }).store,
      }).on('message.group', async (event) => {
        runs++;
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        finishedAt = performance.now();
        return { reply: `handled ${event.message_id}` };
      });
    const [first, second] = [make(), make()];
    for (const [index, adapter] of adapters.entries()) {
      const servers = [await adapter.serve(first, '/onebot'), await adapter.serve(second, '/onebot')];
      cleanups.push(() => Promise.all(servers.map((listening) => listening.close())));
      const body = JSON.stringify({ ...napcatGroupMessage, message_id: 500 + index });
      const send = (url: string) =>
        post(`${url}/onebot`, body, {
          headers: { 'content-type': 'application/json', ...signOnebot(body, secret) },
        });
      const runsBefore = runs;
      const original = send(servers[0]!.url);
      await vi.waitFor(() => expect(runs).toBe(runsBefore + 1));
      const duplicate = send(servers[1]!.url);
      const channel = `${prefix}onebot:message:10001000:group:114514:${500 + index}`;
      await vi.waitFor(async () => expect(await subscribers(channel), adapter.name).toBe(1));
      finish();
      const [fromFirst, fromDuplicate] = await Promise.all([original, duplicate]);
      const answeredAfter = performance.now() - finishedAt;
      expect(fromDuplicate.status, adapter.name).toBe(200);
      expect(fromDuplicate.text, adapter.name).toEqual(fromFirst.text);
      expect(fromDuplicate.json(), adapter.name).toEqual({ reply: `handled ${500 + index}` });
      expect(answeredAfter, adapter.name).toBeLessThan(WOKEN_WITHIN_MS);
    }
    expect(runs).toBe(adapters.length);
  }, 30_000);

  it('falls back to polling when its subscriber connection is killed, and reports it once', async () => {
    const prefix = server.prefix();
    const { logger, warnings } = recordingLogger();
    const a = instance({ prefix });
    // Woken, it would look again only after a minute: the answer below comes from the fallback.
    const name = `killed-${prefix.slice(5, 13)}`;
    const b = instance({ prefix, pollMs: 20, recheckMs: 60_000, logger }, { connectionName: name });
    const token = await claimed(a.store, 'k');
    const waited = b.store.waitForSettle('k', 30_000);
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k`)).toBe(1));
    // The store's subscriber: a duplicate of its client (same name), in pub/sub mode (flag P).
    const [subscriber] = ((await admin.client('LIST')) as string)
      .split('\n')
      .filter((line) => line.includes(` name=${name} `) && / flags=\w*P/.test(line));
    expect(subscriber).toBeDefined();
    expect(await admin.client('KILL', 'ID', /^id=(\d+)/.exec(subscriber!)![1]!)).toBe(1);
    // Settled while the subscriber is gone or still resubscribing: its message reaches no one.
    await a.store.complete('k', token, jsonResponse(200, {}));
    const started = performance.now();
    await waited;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(warnings()).toEqual([
      { level: 'warn', message: expect.stringMatching(/wake-up connection failed/) },
    ]);
    // Back on its feet, the next duplicate is woken again.
    const next = await claimed(a.store, 'k2');
    const waitedAgain = b.store.waitForSettle('k2', 30_000);
    await vi.waitFor(async () => expect(await subscribers(`${prefix}k2`)).toBe(1));
    const completedAt = performance.now();
    await a.store.complete('k2', next, jsonResponse(200, {}));
    await waitedAgain;
    expect(performance.now() - completedAt).toBeLessThan(5000);
    expect(warnings()).toHaveLength(1);
  });

  it('works where an ACL refuses pub/sub: completes, polls, and says so once', async () => {
    const prefix = server.prefix();
    const username = `nopubsub-${prefix.slice(5, 13)}`;
    // Keys and commands, but no channels (Redis 7's default for a new ACL user).
    await admin.acl('SETUSER', username, 'on', '>password', '~*', '+@all', 'resetchannels');
    cleanups.push(() => admin.acl('DELUSER', username));
    const { logger, warnings } = recordingLogger();
    const a = instance({ prefix }, { username, password: 'password' });
    const b = instance({ prefix, pollMs: 20, logger }, { username, password: 'password' });
    for (const key of ['k1', 'k2', 'k3']) {
      const token = await claimed(a.store, key);
      const waited = b.store.waitForSettle(key, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await a.store.complete(key, token, jsonResponse(200, { key }));
      const started = performance.now();
      await waited;
      expect(performance.now() - started).toBeLessThan(5000);
      expect(await b.store.claim(key, 60_000)).toMatchObject({ state: 'done', response: { status: 200 } });
    }
    expect(warnings()).toEqual([
      { level: 'warn', message: expect.stringMatching(/wake-up connection failed/) },
    ]);
  });

  it('opens one subscriber connection per store, only once a duplicate waits, and close() or quit() ends it', async () => {
    const name = `wake-${server.prefix().slice(5, 13)}`;
    const connections = async () =>
      ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes(` name=${name} `))
        .length;
    for (const ending of ['close', 'quit'] as const) {
      const prefix = server.prefix();
      const a = instance({ prefix });
      const redis = new Redis(server.url, { connectionName: name });
      const store = redisDedupeStore(redis, { prefix });
      cleanups.push(async () => redis.disconnect());
      await redis.ping();
      expect(await connections()).toBe(1);
      for (const key of ['k1', 'k2']) {
        const token = await claimed(a.store, key);
        const waits = [store.waitForSettle(key, 10_000), store.waitForSettle(key, 10_000)];
        await vi.waitFor(async () => expect(await subscribers(`${prefix}${key}`)).toBe(1));
        await a.store.complete(key, token, jsonResponse(200, {}));
        await Promise.all(waits);
        expect(await connections(), ending).toBe(2); // the client, and one shared subscriber
      }
      if (ending === 'close') {
        await store.close();
        await vi.waitFor(async () => expect(await connections()).toBe(1));
        // Closed, it still answers duplicates, by polling.
        const token = await claimed(a.store, 'after');
        const waited = store.waitForSettle('after', 10_000);
        await a.store.complete('after', token, jsonResponse(200, {}));
        await waited;
        expect(await connections()).toBe(1);
        await redis.quit();
      } else {
        await redis.quit();
      }
      await vi.waitFor(async () => expect(await connections(), ending).toBe(0));
    }
  });
});
