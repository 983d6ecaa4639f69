import { silentLogger } from '@hookguard/core';
import { type SenderKit, senderKits } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';
import { post } from '../support/http.js';
import { adapters } from './adapters.js';
import { rowFromKit } from './row.js';

/**
 * Batched deliveries over real HTTP, for every sender whose kit says it batches (LINE, and the
 * Meta and Matrix senders after it): one delivery's events each reach their own handlers in
 * order, the delivery gets one answer, a failed event fails the delivery and is the only one its
 * retry runs again, and an event already handled in another delivery is not run again.
 */
const batched = senderKits.filter((kit): kit is SenderKit & Required<Pick<SenderKit, 'batch'>> =>
  Boolean(kit.batch),
);

describe.each(batched.map((kit) => [kit.name, kit] as const))('batches: %s', (_name, kit) => {
  const row = rowFromKit(kit);
  // Three fixtures of three different events, each a delivery of one, with keys of their own.
  const names = Object.keys(kit.fixtures).slice(0, 3);
  const fixture = (index: number) => kit.fixtures[names[index]!];
  const batchOf = (...indices: number[]) => {
    const body = row.serialise(kit.batch.combine(indices.map(fixture)));
    const delivery = row.deliver(body, names[indices[0]!]!);
    return {
      method: delivery.method,
      path: delivery.path ?? '',
      headers: delivery.headers,
      body: delivery.body,
    };
  };

  describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', (_adapter, adapter) => {
    async function serving(failing: Set<string>) {
      const calls: string[] = [];
      const receiver = row.receiver({ logger: silentLogger });
      for (const name of names) {
        receiver.on(name, () => {
          calls.push(name);
          if (failing.has(name)) throw new Error('handler down');
        });
      }
      const server = await adapter.serve(receiver, row.path, row.mount);
      const deliver = (batch: ReturnType<typeof batchOf>) =>
        post(`${server.url}${row.path}${batch.path}`, batch.body, {
          headers: batch.headers,
          ...(batch.method ? { method: batch.method } : {}),
        });
      return { calls, server, deliver };
    }

    it('dispatches three events in order to their own handlers, with one answer', async () => {
      const { calls, server, deliver } = await serving(new Set());
      try {
        const response = await deliver(batchOf(0, 1, 2));
        expect(response.status).toBe(row.noReply.status);
        expect(calls).toEqual(names);
      } finally {
        await server.close();
      }
    });

    it('answers 500 when the second fails; the retry runs only that one again', async () => {
      const failing = new Set([names[1]!]);
      const { calls, server, deliver } = await serving(failing);
      try {
        const batch = batchOf(0, 1, 2);
        const first = await deliver(batch);
        expect(first.status).toBe(500);
        expect(first.json()).toMatchObject(row.errorBody('HANDLER_FAILED', expect.any(String)) as object);
        expect(calls).toEqual(names);
        failing.clear();
        const retry = await deliver(batch);
        expect(retry.status).toBe(row.noReply.status);
        expect(calls).toEqual([...names, names[1]]);
      } finally {
        await server.close();
      }
    });

    it('runs an event that comes again in another delivery once', async () => {
      const { calls, server, deliver } = await serving(new Set());
      try {
        expect((await deliver(batchOf(0, 1))).status).toBe(row.noReply.status);
        expect((await deliver(batchOf(1, 2))).status).toBe(row.noReply.status);
        expect(calls).toEqual(names);
      } finally {
        await server.close();
      }
    });
  });
});
