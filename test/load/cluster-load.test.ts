import { expect, it } from 'vitest';
import { describeWithRedis } from '../support/redis.js';
import { runClusterLoad } from './run-cluster-load.js';

/**
 * The deployment under load, in miniature: three receiver processes (Express, Koa, Fastify) and
 * two inbox workers sharing one Redis, each delivery sent three times, and a worker and a
 * receiver SIGKILLed and restarted every few seconds. `pnpm soak:cluster` is the long run.
 */
describeWithRedis('a multi-process deployment under load, with chaos (short)', (server) => {
  it('handles every acknowledged delivery, answers no 5xx but 503, and drains after the kills', async () => {
    const report = await runClusterLoad({
      redisUrl: server.url,
      receivers: ['express', 'koa', 'fastify'],
      workers: 2,
      seconds: 6,
      rate: 40,
      copies: 3,
      chaosEverySeconds: 2,
      drainTimeoutSeconds: 30,
    });
    console.log(`[cluster load] ${JSON.stringify(report)}`);
    expect(report.failures).toEqual([]);
    // Chaos never takes the last live process of a kind, so how many kills fit in the run depends
    // on how fast replacements start; at least one of each.
    expect(report.kills.workers).toBeGreaterThanOrEqual(1);
    expect(report.kills.receivers).toBeGreaterThanOrEqual(1);
    expect(report.acknowledged).toBe(report.deliveries);
    expect(report.lost).toBe(0);
    // Every status is a 2xx, the documented 503, or a connection a kill cut (0).
    expect(
      Object.keys(report.statuses).filter((s) => !['0', '200', '202', '204', '503'].includes(s)),
    ).toEqual([]);
  }, 90_000);
});
