import { createReceiver, onebot } from '@hookguard/core';
import { describeThrown } from '@hookguard/core/adapter';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { type InboxWorker, redisInbox } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeWithRedis } from '../../../test/support/redis.js';
import { awkwardThrownValues, failOnProcessCrash } from '../../../test/support/thrown-values.js';

const provider = onebot({ secret: 'secret' });
let serial = 0;
const message = () => onebotRequest({ ...napcatGroupMessage, message_id: ++serial }, 'secret');

describeWithRedis('the Redis inbox worker and awkward thrown values', (server) => {
  let redis: Redis;
  const workers: InboxWorker[] = [];
  beforeAll(() => {
    redis = new Redis(server.url);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.close({ timeoutMs: 100 })));
  });
  afterAll(async () => {
    await redis.quit();
  });

  describe.each(awkwardThrownValues())('a handler that throws %s', (_, value) => {
    failOnProcessCrash();

    it('is dead-lettered with a printable error, reaches onError, and the worker goes on', async () => {
      const inbox = redisInbox(redis, { stream: `${server.prefix()}{inbox}` });
      const onError = vi.fn();
      const seen: number[] = [];
      const receiver = createReceiver(provider, { inbox, onError }).on('message.group', (event) => {
        if (seen.push(event.message_id) === 1) throw value;
      });
      expect((await receiver.handle(message())).status).toBe(204);
      expect((await receiver.handle(message())).status).toBe(204);
      workers.push(inbox.startWorker(receiver, { blockMs: 50, maxAttempts: 1 }));
      await vi.waitFor(async () => expect(await redis.xlen(inbox.keys.deadLetters)).toBe(1), {
        timeout: 10_000,
        interval: 25,
      });
      await vi.waitFor(() => expect(seen).toHaveLength(2), { timeout: 10_000, interval: 25 });
      const [dead] = await inbox.deadLetters();
      expect(dead).toMatchObject({ attempts: 1, error: describeThrown(value) });
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toBe(value);
    });
  });
});
