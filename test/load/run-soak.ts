import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { ServerMessage, ServerStats } from './soak-server.js';
import { type OutgoingRequest, type StepContext, type TrafficStep, trafficMix } from './traffic.js';

export interface SoakOptions {
  readonly adapter: string;
  /** Seconds of measured traffic after the warm-up. */
  readonly seconds: number;
  /** Seconds of traffic before the starting RSS is taken (dedupe store and JIT fill up). */
  readonly warmupSeconds: number;
  readonly connections: number;
  /** Hard cap on requests (warm-up and measured together). */
  readonly maxRequests: number;
  /** Fail when RSS after the run exceeds RSS after the warm-up by more than this. */
  readonly rssGrowthMiB: number;
  /** Seconds between the memory samples taken (after a GC) while the measured run goes on. */
  readonly sampleSeconds?: number;
  /**
   * Requests per second across all connections; absent for saturation. A steady rate keeps a
   * long run's memory curve comparable between adapters and leaves a core to whatever else runs.
   */
  readonly rate?: number | undefined;
}

export interface MemorySample {
  readonly second: number;
  readonly rssMiB: number;
  readonly heapMiB: number;
  readonly externalMiB: number;
}

export interface SoakReport {
  readonly adapter: string;
  readonly requests: number;
  readonly seconds: number;
  readonly validEvents: number;
  readonly replays: number;
  readonly refusals: number;
  readonly serverErrors: number;
  readonly clientErrors: number;
  readonly handlerCalls: number;
  readonly duplicated: number;
  readonly lost: number;
  /** Sent when the run stopped, so never answered: handled at most once, not counted as lost. */
  readonly inFlight: number;
  readonly wrongAnswers: readonly string[];
  readonly rssStartMiB: number;
  readonly rssEndMiB: number;
  readonly rssPeakMiB: number;
  readonly heapStartMiB: number;
  readonly heapEndMiB: number;
  /** RSS, heap and external memory after a GC, from the end of the warm-up to the end of the run. */
  readonly samples: readonly MemorySample[];
  readonly failures: readonly string[];
}

const MiB = 1024 * 1024;
const root = fileURLToPath(new URL('../..', import.meta.url));
const serverEntry = fileURLToPath(new URL('./soak-server.ts', import.meta.url));

/**
 * The slice of autocannon's API used here (it ships no types; see test/bench/load/autocannon.d.ts).
 * Its result is a thenable, not a Promise: await it, never chain `.finally`.
 */
interface CannonRequest {
  setupRequest(request: OutgoingRequest, context: StepContext): OutgoingRequest;
  onResponse(status: number, body: string, context: StepContext): void;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  maxOverallRequests: number;
  timeout: number;
  overallRate?: number;
  requests: CannonRequest[];
}
interface CannonResult {
  readonly requests: { readonly total: number };
  readonly errors: number;
  readonly timeouts: number;
}
const cannon = autocannon as unknown as (options: CannonOptions) => Promise<CannonResult>;

/** Client-side ledger: what was sent, and every answer by kind. */
class Ledger {
  serial = 0;
  readonly answered: Uint8Array;
  readonly statuses = new Map<string, Map<number, number>>();
  valid = 0;
  replays = 0;
  refusals = 0;
  serverErrors = 0;
  constructor(readonly maxSerial: number) {
    this.answered = new Uint8Array(maxSerial + 1);
  }
  note(label: string, status: number): void {
    const byStatus = this.statuses.get(label) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.statuses.set(label, byStatus);
    if (status >= 500) this.serverErrors++;
  }
}

function requestsFor(mix: readonly TrafficStep[], ledger: Ledger): CannonRequest[] {
  return mix.map((step) => ({
    setupRequest(request, context) {
      if (step.kind === 'valid') {
        // Past the serial budget, reuse the last serial's shape without a new event: a replay.
        const serial = Math.min(ledger.maxSerial, ++ledger.serial);
        context.serial = serial;
        context.last = step.build(serial);
        return { ...request, ...context.last };
      }
      if (step.kind === 'replay') return { ...request, ...context.last };
      return { ...request, ...step.build() };
    },
    onResponse(status, _body, context) {
      if (step.kind === 'valid') {
        ledger.note(`valid ${step.sender}`, status);
        if (status >= 200 && status < 300 && context.serial !== undefined) {
          ledger.answered[context.serial] = 1;
          ledger.valid++;
        }
      } else if (step.kind === 'replay') {
        ledger.note(`replay ${step.sender}`, status);
        ledger.replays++;
      } else {
        ledger.note(`refused: ${step.name} (expect ${step.status})`, status);
        ledger.refusals++;
      }
    },
  }));
}

function startServer(adapter: string, maxSerial: number): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(serverEntry, [adapter, String(maxSerial)], {
    cwd: root,
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${adapter} server did not start in 30 s`)), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${adapter} server exited with ${code}`)));
    child.on('message', (message: ServerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ child, port: message.port });
    });
  });
}

let statsRequests = 0;

/** Asks for a snapshot and waits for the answer to this very request, never an earlier sample's. */
function statsOf(child: ChildProcess): Promise<ServerStats> {
  const id = ++statsRequests;
  return new Promise((resolve) => {
    const listen = (message: ServerMessage) => {
      if (message.type !== 'stats' || message.id !== id) return;
      child.off('message', listen);
      resolve(message.stats);
    };
    child.on('message', listen);
    child.send({ type: 'stats', id });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs mixed valid and invalid traffic at saturation (or at `rate`) against one adapter in its
 * own process, then checks: no 5xx, every refusal exactly as expected, every answered valid event
 * handled exactly once, replays never handled again, and RSS growth within the bound.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const maxSerial = options.maxRequests;
  const { child, port } = await startServer(options.adapter, maxSerial);
  const ledger = new Ledger(maxSerial);
  const base = {
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    timeout: 10,
    ...(options.rate === undefined ? {} : { overallRate: options.rate }),
  };
  try {
    const warm = await cannon({
      ...base,
      duration: options.warmupSeconds,
      maxOverallRequests: Math.max(options.connections, Math.floor(options.maxRequests / 10)),
      requests: requestsFor(trafficMix, ledger),
    });
    const start = await statsOf(child);
    const started = Date.now();
    const samples: MemorySample[] = [sampleOf(start, 0)];
    const sampler = setInterval(
      () => void statsOf(child).then((stats) => samples.push(sampleOf(stats, (Date.now() - started) / 1000))),
      (options.sampleSeconds ?? 5) * 1000,
    );
    let run: CannonResult;
    try {
      run = await cannon({
        ...base,
        duration: options.seconds,
        maxOverallRequests: Math.max(options.connections, options.maxRequests - warm.requests.total),
        requests: requestsFor(trafficMix, ledger),
      });
    } finally {
      clearInterval(sampler);
    }
    const seconds = (Date.now() - started) / 1000;
    const end = await statsOf(child);
    samples.push(sampleOf(end, seconds));
    return report(options, ledger, warm, run, start, end, seconds, samples);
  } finally {
    await stopServer(child);
  }
}

function sampleOf(stats: ServerStats, second: number): MemorySample {
  return {
    second: Math.round(second),
    rssMiB: stats.rssBytes / MiB,
    heapMiB: stats.heapUsedBytes / MiB,
    externalMiB: stats.externalBytes / MiB,
  };
}

function report(
  options: SoakOptions,
  ledger: Ledger,
  warm: CannonResult,
  run: CannonResult,
  start: ServerStats,
  end: ServerStats,
  seconds: number,
  samples: readonly MemorySample[],
): SoakReport {
  const counts = Buffer.from(end.counts, 'base64');
  let duplicated = 0;
  let lost = 0;
  let inFlight = 0;
  for (let serial = 1; serial <= Math.min(ledger.serial, ledger.maxSerial); serial++) {
    const calls = counts[serial]!;
    if (calls > 1) duplicated++;
    if (ledger.answered[serial] === 1 && calls === 0) lost++;
    if (ledger.answered[serial] !== 1) inFlight++;
  }
  const wrongAnswers: string[] = [];
  for (const step of trafficMix) {
    const label =
      step.kind === 'invalid'
        ? `refused: ${step.name} (expect ${step.status})`
        : `${step.kind} ${step.sender}`;
    for (const [status, times] of ledger.statuses.get(label) ?? []) {
      const right = step.kind === 'invalid' ? status === step.status : status >= 200 && status < 300;
      if (!right) wrongAnswers.push(`${label}: ${times} × ${status}`);
    }
  }
  const clientErrors = warm.errors + warm.timeouts + run.errors + run.timeouts;
  const rssStartMiB = start.rssBytes / MiB;
  const rssEndMiB = end.rssBytes / MiB;
  const failures: string[] = [];
  if (ledger.serverErrors > 0) failures.push(`${ledger.serverErrors} answers were 5xx`);
  if (wrongAnswers.length > 0) failures.push(`unexpected answers: ${wrongAnswers.join('; ')}`);
  if (duplicated > 0) failures.push(`${duplicated} events reached a handler more than once`);
  if (lost > 0) failures.push(`${lost} answered events never reached a handler`);
  if (end.strayCalls > 0) failures.push(`${end.strayCalls} handler calls for events that were never sent`);
  if (clientErrors > 0) failures.push(`${clientErrors} connection errors or timeouts`);
  if (ledger.valid === 0) failures.push('no valid event was answered');
  if (rssEndMiB - rssStartMiB > options.rssGrowthMiB) {
    failures.push(`RSS grew ${(rssEndMiB - rssStartMiB).toFixed(1)} MiB (bound ${options.rssGrowthMiB} MiB)`);
  }
  return {
    adapter: options.adapter,
    requests: warm.requests.total + run.requests.total,
    seconds,
    validEvents: ledger.valid,
    replays: ledger.replays,
    refusals: ledger.refusals,
    serverErrors: ledger.serverErrors,
    clientErrors,
    handlerCalls: end.handlerCalls,
    duplicated,
    lost,
    inFlight,
    wrongAnswers,
    rssStartMiB,
    rssEndMiB,
    rssPeakMiB: end.peakRssBytes / MiB,
    heapStartMiB: start.heapUsedBytes / MiB,
    heapEndMiB: end.heapUsedBytes / MiB,
    samples,
    failures,
  };
}
