import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createReceiver,
  type InboxDelivery,
  onebot,
  type ReceiverOptions,
  silentLogger,
} from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { type InboxWorker, type InboxWorkerOptions, type RedisInbox, redisInbox } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../../test/support/redis.js';
import { unreachableRedis } from './unreachable-redis.js';

const provider = onebot({ secret: 'secret' });
const message = (message_id: number) => onebotRequest({ ...napcatGroupMessage, message_id }, 'secret');
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const doomedWorker = fileURLToPath(new URL('./fixtures/doomed-worker.ts', import.meta.url));

describeWithRedis('redisInbox() on a real Redis', (server) => {
  let redis: Redis;
  const workers: InboxWorker[] = [];
  const children: ChildProcess[] = [];
  beforeAll(() => {
    redis = new Redis(server.url);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close({ timeoutMs: 100 })));
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await redis.quit();
  });

  /** A fresh inbox (its own stream) and a receiver that writes to it. */
  function setup(handler: (id: number) => unknown, options: ReceiverOptions = {}) {
    const inbox = redisInbox(redis, { stream: `${server.prefix()}{inbox}` });
    const receiver = createReceiver(provider, { logger: silentLogger, ...options, inbox }).on(
      'message.group',
      async (event) => {
        await handler(event.message_id);
      },
    );
    const work = (workerOptions: InboxWorkerOptions = {}, target = receiver) => {
      const worker = inbox.startWorker(target, { blockMs: 50, logger: silentLogger, ...workerOptions });
      workers.push(worker);
      return worker;
    };
    return { inbox, receiver, work };
  }

  async function settled(inbox: RedisInbox): Promise<void> {
    await vi.waitFor(
      async () => {
        expect(await redis.xlen(inbox.keys.stream)).toBe(0);
        expect(await redis.zcard(inbox.keys.retries)).toBe(0);
      },
      { timeout: 10_000, interval: 25 },
    );
  }

  it('writes the verified delivery to the stream before the sender gets its 2xx', async () => {
    const handler = vi.fn();
    const { inbox, receiver } = setup(handler);
    const response = await receiver.handle(message(1));
    expect(response.status).toBe(204);
    const entries = await redis.xrange(inbox.keys.stream, '-', '+');
    expect(entries).toHaveLength(1);
    const stored = JSON.parse(entries[0]![1][1]!) as InboxDelivery;
    expect(stored).toMatchObject({
      provider: 'onebot',
      name: 'message.group.normal',
      deliveryKey: 'message:10001000:group:114514:1',
    });
    expect(stored.headers['x-signature']).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 503 when Redis cannot take the delivery, so the sender retries instead of losing it', async () => {
    const unreachable = unreachableRedis();
    const receiver = createReceiver(provider, {
      inbox: redisInbox(unreachable),
      dedupe: false,
      logger: silentLogger,
    });
    const response = await receiver.handle(message(2));
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body).error.code).toBe('STORE_UNAVAILABLE');
    unreachable.disconnect();
  });

  it("runs the receiver's handlers in a worker and removes the entry once they succeed", async () => {
    const seen: number[] = [];
    const { inbox, receiver, work } = setup((id) => seen.push(id));
    await receiver.handle(message(10));
    await receiver.handle(message(11));
    work();
    await settled(inbox);
    expect(seen.sort()).toEqual([10, 11]);
    expect(await redis.xlen(inbox.keys.deadLetters)).toBe(0);
  });

  it('loses nothing when a worker is killed in the middle of a handler', async () => {
    const seen: number[] = [];
    const { inbox, receiver, work } = setup((id) => seen.push(id));
    await killWorkerDuring(inbox, async () => expect((await receiver.handle(message(20))).status).toBe(204));
    // The entry is still pending under the dead consumer: nothing was acknowledged.
    const [pending] = (await redis.xpending(inbox.keys.stream, 'hookguard')) as [number];
    expect(pending).toBe(1);
    expect(seen).toEqual([]);

    // A restarted worker takes it over once it has been idle for claimIdleMs.
    work({ claimIdleMs: 300 });
    await settled(inbox);
    expect(seen).toEqual([20]);
    expect(await redis.xlen(inbox.keys.deadLetters)).toBe(0);
  }, 40_000);

  it('does not take over and rerun an entry it is still running itself, however long the handler takes', async () => {
    const runs: number[] = [];
    const handouts: number[] = [];
    const { inbox, receiver, work } = setup(async (id) => {
      runs.push(id);
      // Five times claimIdleMs: the worker's own XAUTOCLAIM hands the entry back to it meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const [[, , , count]] = (await redis.xpending(inbox.keys.stream, 'hookguard', '-', '+', 1)) as [
        [string, string, number, number],
      ];
      handouts.push(count);
    });
    await receiver.handle(message(21));
    work({ claimIdleMs: 200 });
    await settled(inbox);
    expect(runs).toEqual([21]);
    // Still one handout: were it counted up, a later crash would reach maxAttempts early.
    expect(handouts).toEqual([1]);
    expect(await redis.xlen(inbox.keys.deadLetters)).toBe(0);
  }, 20_000);

  it('does not rerun an entry whose handler finishes while a takeover of it is in flight', async () => {
    // The race, made certain: XAUTOCLAIM hands the worker back the entry it is running; before the
    // worker has looked at that answer, the handler finishes and the entry is acknowledged.
    const client = new Redis(server.url);
    const inbox = redisInbox(client, { stream: `${server.prefix()}{inbox}` });
    let reclaimed: () => void = () => {};
    const takeover = new Promise<void>((resolve) => {
      reclaimed = resolve;
    });
    const xpending = client.xpending.bind(client) as (...args: unknown[]) => Promise<unknown>;
    let delayed = false;
    // The worker asks XPENDING for one id right after XAUTOCLAIM returned it.
    Object.assign(client, {
      xpending: async (...args: unknown[]) => {
        if (!delayed && args.length === 5 && args[2] === args[3]) {
          delayed = true;
          reclaimed();
          await vi.waitFor(async () => expect(await redis.xlen(inbox.keys.stream)).toBe(0), {
            timeout: 5000,
            interval: 10,
          });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return xpending(...args);
      },
    });
    const runs: number[] = [];
    const receiver = createReceiver(provider, { logger: silentLogger, inbox }).on(
      'message.group',
      async (event) => {
        runs.push(event.message_id);
        await takeover;
      },
    );
    try {
      await receiver.handle(message(22));
      workers.push(inbox.startWorker(receiver, { blockMs: 50, claimIdleMs: 100, logger: silentLogger }));
      await vi.waitFor(() => expect(delayed).toBe(true), { timeout: 10_000, interval: 20 });
      await settled(inbox);
      // Time for a second run to start, were one going to.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toEqual([22]);
    } finally {
      await Promise.all(workers.splice(0).map((worker) => worker.close({ timeoutMs: 100 })));
      await client.quit();
    }
  }, 20_000);

  async function killWorkerDuring(inbox: RedisInbox, receive: () => Promise<unknown>): Promise<void> {
    const doomed = spawn(process.execPath, ['--import', 'tsx', doomedWorker], {
      cwd: repositoryRoot,
      env: { ...process.env, REDIS_URL: server.url, INBOX_STREAM: inbox.keys.stream },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(doomed);
    let output = '';
    doomed.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await receive();
    await vi.waitFor(() => expect(output).toContain('handling'), { timeout: 15_000, interval: 50 });
    const exited = new Promise((resolve) => doomed.once('exit', (_code, signal) => resolve(signal)));
    doomed.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }

  it('dead-letters a delivery that kills its worker on every attempt, without running it again', async () => {
    const seen: number[] = [];
    const { inbox, receiver, work } = setup((id) => seen.push(id));
    await killWorkerDuring(inbox, () => receiver.handle(message(25)));
    work({ claimIdleMs: 200, maxAttempts: 1 });
    await vi.waitFor(async () => expect(await redis.xlen(inbox.keys.deadLetters)).toBe(1), {
      timeout: 10_000,
      interval: 25,
    });
    await settled(inbox);
    expect(seen).toEqual([]);
    const [dead] = await inbox.deadLetters();
    expect(dead).toMatchObject({ attempts: 1, error: expect.stringMatching(/stopped during every attempt/) });
  }, 40_000);

  it('puts an always-failing delivery in the dead letters after maxAttempts, with its error', async () => {
    let calls = 0;
    const onError = vi.fn();
    const { inbox, receiver, work } = setup(
      () => {
        calls++;
        throw new Error('always broken');
      },
      { onError },
    );
    await receiver.handle(message(30));
    work({ maxAttempts: 3, backoffMs: () => 20 });
    await vi.waitFor(async () => expect(await redis.xlen(inbox.keys.deadLetters)).toBe(1), {
      timeout: 10_000,
      interval: 25,
    });
    await settled(inbox);
    expect(calls).toBe(3);
    expect(onError).toHaveBeenCalledTimes(3);
    const [dead] = await inbox.deadLetters();
    expect(dead).toMatchObject({
      attempts: 3,
      error: 'always broken',
      delivery: { deliveryKey: 'message:10001000:group:114514:30' },
    });
    expect(dead!.failedAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('retries a failed delivery after the backoff, and redrives a dead letter once fixed', async () => {
    const attempts: number[] = [];
    let broken = true;
    const { inbox, receiver, work } = setup(() => {
      attempts.push(Date.now());
      if (broken) throw new Error('not yet');
    });
    await receiver.handle(message(40));
    work({ maxAttempts: 2, backoffMs: () => 300 });
    await vi.waitFor(async () => expect(await redis.xlen(inbox.keys.deadLetters)).toBe(1), {
      timeout: 10_000,
      interval: 25,
    });
    expect(attempts).toHaveLength(2);
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(290);
    broken = false;
    const [dead] = await inbox.deadLetters();
    expect(await inbox.redrive(dead!.id)).toBe(true);
    await settled(inbox);
    expect(attempts).toHaveLength(3);
    expect(await redis.xlen(inbox.keys.deadLetters)).toBe(0);
  });

  it('shares deliveries between workers on several instances, each run exactly once', async () => {
    const runs: number[] = [];
    const { inbox, receiver, work } = setup(async (id) => {
      runs.push(id);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const ids = Array.from({ length: 30 }, (_, i) => 100 + i);
    for (const id of ids) await receiver.handle(message(id));
    const otherInstance = new Redis(server.url);
    try {
      work({ concurrency: 3 });
      const second = redisInbox(otherInstance, { stream: inbox.keys.stream }).startWorker(receiver, {
        concurrency: 3,
        blockMs: 50,
        logger: silentLogger,
      });
      workers.push(second);
      await settled(inbox);
      expect(runs.sort((x, y) => x - y)).toEqual(ids);
    } finally {
      await Promise.all(workers.splice(0).map((worker) => worker.close()));
      await otherInstance.quit();
    }
  });

  it('close() waits for running handlers; what it cannot wait for stays pending for the next worker', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: number[] = [];
    const { inbox, receiver, work } = setup(async (id) => {
      if (seen.length === 0) {
        seen.push(-id);
        await gate;
        return;
      }
      seen.push(id);
    });
    await receiver.handle(message(50));
    const first = work();
    await vi.waitFor(() => expect(seen).toEqual([-50]));
    expect(await first.close({ timeoutMs: 50 })).toEqual({ unfinished: 1 });
    workers.splice(workers.indexOf(first), 1);
    work({ claimIdleMs: 200 });
    await settled(inbox);
    expect(seen).toEqual([-50, 50]);
    release();
  });
});
