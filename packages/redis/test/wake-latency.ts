/**
 * How long a concurrent duplicate waits after the first run finished, polling (`wakeUps: false`,
 * the default `pollMs`) against woken by pub/sub (the default), in one run on one redis-server.
 * Not part of `pnpm test`: `npx tsx packages/redis/test/wake-latency.ts [duplicates per mode]`.
 *
 * Each round: instance A's handler starts and holds the delivery, instance B gets the same
 * delivery and waits, A's handler returns after a random hold (so the poll's phase is random, as
 * in production), and the time from that return to B's answer is recorded. The two modes take
 * turns in blocks, so a busy moment of a shared machine falls on both; Redis's own command counts
 * per block give the round trips a duplicate costs.
 */
import { createReceiver, onebot, silentLogger } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { redisDedupeStore } from '@hookguard/redis';
import { Redis } from 'ioredis';
import { redisProcess } from './redis-process.js';

const perMode = Number(process.argv[2] ?? 250);
const BLOCK = 25;
const modes = ['poll', 'wake'] as const;
type Mode = (typeof modes)[number];

const server = await redisProcess();
await server.start();
const admin = new Redis(server.url);

function instance(mode: Mode, prefix: string) {
  const redis = new Redis(server.url);
  const store = redisDedupeStore(redis, { prefix, wakeUps: mode === 'wake', logger: silentLogger });
  let release: () => void = () => {};
  let started: () => void = () => {};
  let returnedAt = 0;
  const receiver = createReceiver(onebot({ secret: 'secret' }), { dedupe: store }).on(
    'message.group',
    async () => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      returnedAt = performance.now();
      return { reply: 'first' };
    },
  );
  return {
    receiver,
    running: () =>
      new Promise<void>((resolve) => {
        started = resolve;
      }),
    release: () => release(),
    returnedAt: () => returnedAt,
    close: async () => {
      await store.close();
      await redis.quit();
    },
  };
}

async function commandCounts(): Promise<Map<string, number>> {
  const info = await admin.info('commandstats');
  const counts = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)) counts.set(match[1]!, Number(match[2]));
  return counts;
}

const latencies: Record<Mode, number[]> = { poll: [], wake: [] };
const commands: Record<Mode, Map<string, number>> = { poll: new Map(), wake: new Map() };
let id = 0;
for (let done = 0; done < perMode; done += BLOCK) {
  for (const mode of modes) {
    const prefix = `bench:${mode}:${done}:`;
    const a = instance(mode, prefix);
    const b = instance(mode, prefix);
    const before = await commandCounts();
    for (let n = 0; n < Math.min(BLOCK, perMode - done); n++) {
      const message = { ...napcatGroupMessage, message_id: ++id };
      const delivery = () => onebotRequest(message, 'secret');
      const running = a.running();
      const first = a.receiver.handle(delivery());
      await running;
      const duplicate = b.receiver.handle(delivery());
      // Long enough for the duplicate to be waiting, random so the poll's phase is too.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 60));
      a.release();
      const [answer] = await Promise.all([duplicate, first]);
      const answeredAt = performance.now();
      if (answer.status !== 200) throw new Error(`duplicate answered ${answer.status}`);
      latencies[mode].push(answeredAt - a.returnedAt());
    }
    const after = await commandCounts();
    for (const [name, calls] of after) {
      const delta = calls - (before.get(name) ?? 0);
      if (delta > 0) commands[mode].set(name, (commands[mode].get(name) ?? 0) + delta);
    }
    await Promise.all([a.close(), b.close()]);
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
for (const mode of modes) {
  const sorted = [...latencies[mode]].sort((x, y) => x - y);
  const perDuplicate = [...commands[mode]]
    .filter(([name]) => name !== 'info')
    .map(([name, calls]) => `${name} ${(calls / sorted.length).toFixed(2)}`)
    .join(', ');
  console.log(
    `${mode}: n=${sorted.length} median ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms, ` +
      `max ${sorted.at(-1)!.toFixed(1)} ms; Redis commands per round (both instances): ${perDuplicate}`,
  );
}
await admin.quit();
await server.kill();
