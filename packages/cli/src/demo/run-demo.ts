import { Agent } from 'node:http';
import { silentLogger } from '@hookguard/core';
import { transmit } from '../http/transmit.js';
import { type ReplyReading, readReply, type SenderProfile } from '../senders/sender-profile.js';
import { ADAPTERS, type AdapterName, type RunningAdapter, startAdapter } from './adapters.js';
import { buildDemoCases, type DemoCase } from './cases.js';

export interface DemoRow {
  readonly provider: string;
  readonly event: string;
  readonly tampering: string | undefined;
  readonly adapter: AdapterName;
  readonly status: number;
  /** `verified`, or the error code the receiver answered with. */
  readonly verdict: string;
  readonly body: string;
  readonly reading: ReplyReading;
  readonly expectedStatus: number;
  readonly expectedBody: string | undefined;
  readonly ok: boolean;
  readonly showcase: boolean;
  readonly latencyMs: number;
}

export interface DemoResult {
  readonly rows: readonly DemoRow[];
  readonly elapsedMs: number;
}

const CONCURRENCY = 8;

/**
 * Starts every adapter with every sender's demo receiver mounted, sends every case to every
 * adapter over loopback HTTP, and closes everything, also when something fails half-way.
 */
export async function runDemo(
  senders: readonly SenderProfile[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<DemoResult> {
  const started = performance.now();
  const mounts = senders.map((sender) => ({
    path: sender.path,
    prefix: sender.mount === 'prefix',
    receiver: sender.demo.createReceiver({ logger: silentLogger }),
  }));
  const adapters: RunningAdapter[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    for (const name of ADAPTERS) adapters.push(await startAdapter(name, mounts));
    const cases = buildDemoCases(senders, Date.now());
    const jobs = cases.flatMap((demoCase) => adapters.map((adapter) => ({ demoCase, adapter })));
    const rows: DemoRow[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index]!;
        rows[index] = await deliver(job.demoCase, job.adapter, agent);
        onProgress(++done, jobs.length);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { rows, elapsedMs: performance.now() - started };
  } finally {
    agent.destroy();
    await Promise.all(adapters.map((adapter) => adapter.close()));
  }
}

async function deliver(demoCase: DemoCase, adapter: RunningAdapter, agent: Agent): Promise<DemoRow> {
  const { sender, expect } = demoCase;
  const answer = await transmit(`${adapter.url}${sender.path}`, demoCase.request, {
    agent,
    timeoutMs: 10_000,
  });
  const ok = answer.status === expect.status && (expect.body === undefined || answer.body === expect.body);
  return {
    provider: sender.name,
    event: demoCase.event,
    tampering: demoCase.tampering,
    adapter: adapter.name as AdapterName,
    status: answer.status,
    verdict: verdictOf(answer.status, answer.body),
    body: answer.body,
    reading: readReply(sender, { status: answer.status, body: answer.body, event: demoCase.event }),
    expectedStatus: expect.status,
    expectedBody: expect.body,
    ok,
    showcase: demoCase.showcase,
    latencyMs: answer.latencyMs,
  };
}

function verdictOf(status: number, body: string): string {
  if (status < 400) return 'verified';
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}
