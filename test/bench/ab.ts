/**
 * `pnpm bench:ab --before <dir> [--after .]`: the load suite's servers, run from two built trees
 * in one session, before and after alternating, so a change is judged against the same machine
 * at the same moment rather than against numbers from another run. Prints the table and writes
 * it (markdown, and every run as JSON) to results/ab/ unless --out says otherwise.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AB_HELP, type AbOptions, parseAbOptions } from './ab/options.js';
import { roundPlan, type Side } from './ab/plan.js';
import { type AbRun, abCells, abTable } from './ab/report.js';
import { BENCHED_PACKAGES } from './build.js';
import { measure } from './load/measure.js';
import { type ServerProcess, spawnServer } from './load/spawn-server.js';
import { requestFor } from './load/suite.js';
import { describeMachine, loadAverages } from './machine.js';
import { pinSelf } from './pin.js';

const began = Date.now();
const log = (line: string) =>
  process.stderr.write(`${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);

/** The trees are built by whoever runs this; measuring a stale or missing dist/ would mislead. */
function assertBuilt(tree: string): void {
  for (const name of BENCHED_PACKAGES) {
    if (!existsSync(join(tree, 'packages', name, 'dist', 'index.js')))
      throw new Error(`${tree}: packages/${name}/dist is missing; run pnpm build there first`);
  }
  if (!existsSync(join(tree, 'test/bench/servers/serve.ts')))
    throw new Error(`${tree}: no test/bench/servers/serve.ts; is it a hookguard checkout?`);
}

function commitOf(tree: string): string {
  try {
    return execFileSync('git', ['-C', tree, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'not a git checkout';
  }
}

async function runAb(options: AbOptions): Promise<AbRun[]> {
  const { load, variants } = options;
  const trees: Record<Side, string> = { before: options.before, after: options.after };
  const perServer =
    load.sizes.length * 2 * ((load.warmup === 'shared' ? 2 : load.warmup.seconds) + load.seconds + 2);
  const runs: AbRun[] = [];
  for (let round = 1; round <= load.rounds; round++) {
    for (const framework of load.frameworks) {
      const slots = roundPlan(round, variants);
      const servers = await Promise.all(
        slots.map((slot) =>
          spawnServer(framework, slot.variant, {
            cpu: load.pin?.server,
            ttlSeconds: 60 + perServer * slots.length,
            tree: trees[slot.side],
          }),
        ),
      );
      try {
        for (const size of load.sizes) {
          for (const [index, slot] of slots.entries()) {
            const server: ServerProcess = servers[index]!;
            const result = await measure(server, requestFor(slot.variant, size), load);
            runs.push({
              round,
              framework,
              size,
              ...slot,
              rps: result.rps,
              cpuMicrosPerRequest: result.cpuMicrosPerRequest,
              failures: result.failures,
            });
            log(
              `round ${round}  ${framework.padEnd(8)} ${size.padEnd(4)} ${slot.variant.padEnd(5)} ${slot.side.padEnd(6)}` +
                `${Math.round(result.rps).toString().padStart(7)} req/s${result.failures > 0 ? `  !! ${result.failures} failed` : ''}`,
            );
          }
        }
      } finally {
        await Promise.all(servers.map((server) => server.stop()));
      }
    }
  }
  return runs;
}

async function main(): Promise<void> {
  let options: AbOptions;
  try {
    options = parseAbOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof Error && error.message === AB_HELP ? 0 : 2);
  }
  assertBuilt(options.before);
  assertBuilt(options.after);
  pinSelf(options.load, log);
  const { load } = options;
  const loadBefore = loadAverages();
  log(
    `A/B: ${load.rounds} round(s) × ${load.frameworks.join(', ')} × ${load.sizes.join(', ')} × ` +
      `${options.variants.join(', ')}, ${load.seconds} s per run; load average ${loadBefore}`,
  );
  const started = new Date().toISOString();
  // Read now: a tree's HEAD may move while the run goes on.
  const commits = { before: commitOf(options.before), after: commitOf(options.after) };
  const runs = await runAb(options);
  const cells = abCells(runs);
  const machine = describeMachine();
  const failures = cells.reduce((sum, cell) => sum + cell.failures, 0);
  console.log(`\nafter ÷ before, req/s (median of ${load.rounds} paired rounds)\n`);
  console.log(abTable(cells, false));
  if (failures > 0) console.log(`\n!! ${failures} requests failed: those runs are not comparable`);
  const markdown = [
    `# A/B run, ${started}`,
    '',
    `before: ${options.before} (${commits.before}); after: ${options.after} (${commits.after}).`,
    `${machine.cores}× ${machine.cpu}, Node ${machine.node}. ${load.rounds} rounds × ${load.seconds} s after a ` +
      `${load.warmup === 'shared' ? 'shared' : `${load.warmup.seconds} s`} warm-up, ${load.connections} connections, ` +
      `pinned: ${load.pin ? `servers CPU ${load.pin.server}, autocannon CPU ${load.pin.client}` : 'no'}. ` +
      `Load average before: ${loadBefore}; after: ${loadAverages()}. Took ${Math.round((Date.now() - began) / 1000)} s.`,
    '',
    abTable(cells, true),
    '',
  ].join('\n');
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, markdown);
  writeFileSync(
    options.out.replace(/\.md$/, '') + '.json',
    `${JSON.stringify({ started, options, runs, cells }, null, 1)}\n`,
  );
  log(`wrote ${options.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
