/**
 * `pnpm bench [--quick]`: hookguard against hand-written receivers and its peers, measured side by
 * side on this machine. Servers run in their own processes (pinned to one CPU), autocannon runs
 * here (pinned to the other); then the micro benchmarks. Prints the ratio table and writes
 * results/<quick|full>/{results.json,results.md,ratios.svg}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distFingerprint, ensureBuilt } from './build.js';
import { type Run, runLoadSuite } from './load/suite.js';
import { describeMachine, loadAverages, type Machine } from './machine.js';
import type { MicroResult } from './micro/main.js';
import { runMicro } from './micro/run-micro.js';
import { type BenchOptions, parseOptions } from './options.js';
import { pinSelf } from './pin.js';
import { aggregate } from './report/aggregate.js';
import { ratioChart } from './report/chart.js';
import { memoryTable, parseTable, pipelineTable, verifyTable } from './report/micro-tables.js';
import { ratioTable, variantTable } from './report/tables.js';

const began = Date.now();
const log = (line: string) =>
  process.stderr.write(`${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s  ${line}\n`);

function warmupText(options: BenchOptions): string {
  return options.warmup === 'shared' ? '2 s shared' : `${options.warmup.seconds} s`;
}

interface LoadPhase {
  readonly options: BenchOptions;
  readonly when: string;
  readonly seconds: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly distBefore: string;
  readonly distChanged: boolean;
  readonly machine: Machine;
  readonly runs: Run[];
  readonly micro?: MicroResult;
}

/** Runs the load suite, in the caller's pinning. */
async function runLoad(options: BenchOptions): Promise<LoadPhase> {
  const started = Date.now();
  const distBefore = distFingerprint();
  const machine = describeMachine();
  const loadBefore = loadAverages();
  log(
    `hookguard bench (${options.mode}): ${options.rounds} round(s), ${options.connections} connections, ` +
      `${warmupText(options)} warm-up + ${options.seconds} s per run; load average ${loadBefore}`,
  );
  const runs = await runLoadSuite(options, log);
  const distChanged = distFingerprint() !== distBefore;
  if (distChanged)
    log('!! packages/*/dist changed during the run (someone rebuilt): servers may have run different code');
  return {
    options,
    when: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    loadBefore,
    loadAfter: loadAverages(),
    distBefore,
    distChanged,
    machine,
    runs,
  };
}

/** The last run of this mode, as written; package versions are read again (the lockfile pins them). */
function reuseLoad(directory: string): LoadPhase {
  const saved = JSON.parse(readFileSync(`${directory}results.json`, 'utf8')) as LoadPhase;
  log(`reusing the load runs of ${saved.when} from ${directory}results.json`);
  return { ...saved, machine: { ...saved.machine, versions: describeMachine().versions } };
}

async function main(): Promise<void> {
  const requested = parseOptions(process.argv.slice(2));
  const directory = fileURLToPath(new URL(`./results/${requested.mode}/`, import.meta.url));
  ensureBuilt(log);
  pinSelf(requested, log);
  const phase = requested.reuseLoad ? reuseLoad(directory) : await runLoad(requested);
  const { options, when, seconds, loadBefore, loadAfter, distBefore, distChanged, machine, runs } = phase;
  const micro = requested.micro
    ? await runMicro(requested.mode === 'quick', requested.pin?.server)
    : requested.reuseLoad
      ? phase.micro
      : undefined;
  const result = aggregate(runs);

  console.log(`\nRatios of req/s: median over rounds of each round's pair (range), ✓/✗ against the target\n`);
  console.log(ratioTable(result, false));
  if (micro) {
    console.log(`\nVerify, 1 MiB body\n\n${verifyTable(micro, false)}`);
    console.log(`\nParse per event\n\n${parseTable(micro, false)}`);
    console.log(`\nMemory per request\n\n${memoryTable(micro, false)}`);
    console.log(`\nWhere the time goes, in process\n\n${pipelineTable(micro, false)}`);
  }
  const failures = result.cells.reduce((sum, cell) => sum + cell.failures, 0);
  if (failures > 0) console.log(`\n!! ${failures} requests failed: those runs are not comparable`);

  mkdirSync(directory, { recursive: true });
  const record = {
    when,
    seconds,
    options,
    machine,
    loadBefore,
    loadAfter,
    distBefore,
    distChanged,
    runs,
    micro,
    microWhen: requested.micro ? new Date().toISOString() : undefined,
    ...result,
  };
  writeFileSync(`${directory}results.json`, `${JSON.stringify(record, null, 1)}\n`);
  const title = `hookguard req/s ratios, ${options.mode} run ${when.slice(0, 16)}Z, ${machine.cores}× ${machine.cpu}`;
  writeFileSync(`${directory}ratios.svg`, ratioChart(result, title));
  const markdown = [
    `# ${options.mode} run, ${when}`,
    '',
    `${machine.cores}× ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, commit ${machine.commit}.`,
    `${options.rounds} rounds × ${options.seconds} s (after a ${warmupText(options)} warm-up), ${options.connections} connections, ` +
      `pinned: ${options.pin ? `servers CPU ${options.pin.server}, autocannon CPU ${options.pin.client}` : 'no'}. ` +
      `Load average before: ${loadBefore}; after: ${loadAfter}. The load runs took ${seconds} s` +
      `${requested.reuseLoad && requested.micro ? `; the micro benchmarks were run again at ${new Date().toISOString()}` : ''}. ` +
      `dist/ fingerprint ${distBefore}${distChanged ? ', CHANGED during the run' : ', unchanged during the run'}.`,
    `Versions: ${Object.entries(machine.versions)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}.`,
    '',
    '## Ratios (req/s)',
    '',
    ratioTable(result, true),
    '',
    '## Every configuration',
    '',
    variantTable(result, true),
    ...(micro
      ? [
          '',
          '## Verify, 1 MiB',
          '',
          verifyTable(micro, true),
          '',
          '## Parse per event',
          '',
          parseTable(micro, true),
          '',
          '## Memory per request',
          '',
          memoryTable(micro, true),
          '',
          '## Where the time goes, in process',
          '',
          pipelineTable(micro, true),
        ]
      : []),
    '',
  ].join('\n');
  writeFileSync(`${directory}results.md`, markdown);
  log(`\nwrote ${directory}results.{json,md} and ratios.svg`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
