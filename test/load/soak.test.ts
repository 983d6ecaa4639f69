import { describe, expect, it } from 'vitest';
import { adapters } from '../conformance/adapters.js';
import { runSoak } from './run-soak.js';

/**
 * The soak in miniature (about a second of saturation per adapter): the same checks as
 * `pnpm soak`, which runs the long version (docs/load.md). RSS over one second measures heap
 * growth more than leaks, so the bound here is loose; the long run's bound is 64 MiB.
 */
describe.each(adapters.map((adapter) => [adapter.name] as const))('soak (short) through %s', (adapter) => {
  it('answers no 5xx, refuses exactly as expected, handles every valid event once', async () => {
    const report = await runSoak({
      adapter,
      seconds: 0.75,
      warmupSeconds: 0.25,
      connections: 8,
      maxRequests: 50_000,
      rssGrowthMiB: 128,
    });
    expect(report.failures).toEqual([]);
    expect(report.serverErrors).toBe(0);
    expect(report.validEvents).toBeGreaterThan(0);
    expect(report.refusals).toBeGreaterThan(0);
    expect(report.replays).toBeGreaterThan(0);
    // Every answered event once, plus at most the requests still in flight when a phase ended.
    expect(report.handlerCalls).toBeGreaterThanOrEqual(report.validEvents);
    expect(report.handlerCalls).toBeLessThanOrEqual(report.validEvents + report.inFlight);
    expect(report.lost).toBe(0);
    expect(report.duplicated).toBe(0);
  }, 60_000);
});
