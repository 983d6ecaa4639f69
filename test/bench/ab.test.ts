import { describe, expect, it } from 'vitest';
import { parseAbOptions } from './ab/options.js';
import { roundPlan } from './ab/plan.js';
import { type AbRun, abCells, abTable } from './ab/report.js';

/**
 * `pnpm bench:ab` itself runs for minutes and is not part of `pnpm test`; these check what its
 * verdict rests on: the two sides alternate, a ratio pairs runs of the same round, and the
 * defaults are the ones BENCHMARKS.md documents.
 */
describe('pnpm bench:ab', () => {
  it('runs before and after back to back, and neither side always goes first', () => {
    const plans = [1, 2].map((round) =>
      roundPlan(round, ['c', 'b']).map(({ variant, side }) => `${variant}:${side}`),
    );
    expect(plans).toEqual([
      ['c:before', 'c:after', 'b:after', 'b:before'],
      ['c:after', 'c:before', 'b:before', 'b:after'],
    ]);
  });

  it('takes each ratio from the two runs of one round, then the median over rounds', () => {
    const run = (round: number, side: 'before' | 'after', rps: number): AbRun => ({
      cpuMicrosPerRequest: 1e6 / rps,
      round,
      framework: 'node',
      size: '1k',
      variant: 'c',
      side,
      rps,
      failures: 0,
    });
    // Round 2 ran on a slower machine: pairing by round keeps that out of the ratio.
    const [cell] = abCells([
      run(1, 'before', 1000),
      run(1, 'after', 1100),
      run(2, 'after', 500),
      run(2, 'before', 500),
      run(3, 'before', 1000),
      run(3, 'after', 1050),
    ]);
    expect(cell!.ratio.runs).toEqual([1.1, 1, 1.05]);
    expect(cell!.ratio.median).toBe(1.05);
    expect(cell!.before.median).toBe(1000);
    expect(cell!.after.median).toBe(1050);
    expect(abTable([cell!], true)).toContain(
      '| node:http | 1k | (c) hookguard, full pipeline | 1000 (500–1000) | 1050 (500–1100) | 1.050 (1.000–1.100) | 1000.0 → 952.4 | 0 |',
    );
  });

  it('defaults to 3 rounds of 5 s, node:http and Express at 1 KiB and 64 KiB, (c) and (b)', () => {
    const options = parseAbOptions(['--before', '/tmp/one'], '/work/two');
    expect(options.before).toBe('/tmp/one');
    expect(options.after).toBe('/work/two');
    expect(options.variants).toEqual(['c', 'b']);
    expect(options.load).toMatchObject({
      rounds: 3,
      seconds: 5,
      warmup: { seconds: 2 },
      frameworks: ['node', 'express'],
      sizes: ['1k', '64k'],
      micro: false,
    });
    expect(parseAbOptions(['--before=/b', '--rounds', '5', '--frameworks', 'koa']).load).toMatchObject({
      rounds: 5,
      frameworks: ['koa'],
    });
    expect(() => parseAbOptions(['--rounds', '3'])).toThrow(/--before is required/);
    expect(() => parseAbOptions(['--before', '/b', '--variants', 'z'])).toThrow(/unknown "z"/);
  });
});
