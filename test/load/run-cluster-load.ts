import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { post } from '../support/http.js';
import { LOAD_SENDERS, type LoadSender, loadKeys, WORKER_CONCURRENCY } from './cluster-keys.js';
import { githubIssue, type OutgoingRequest, whatsappMessage } from './traffic.js';

export interface ClusterLoadOptions {
  readonly redisUrl: string;
  /** Adapter names, one receiver process each (a load balancer spreads requests over them). */
  readonly receivers: readonly string[];
  /** Inbox worker processes. */
  readonly workers: number;
  /** Seconds the sender sends new deliveries. */
  readonly seconds: number;
  /** New deliveries per second, steady. */
  readonly rate: number;
  /** How many times each delivery is sent: the first until it gets a 2xx, then the replays. */
  readonly copies: number;
  /** Every this many seconds, SIGKILL a random worker and a random receiver and restart both; 0: never. */
  readonly chaosEverySeconds: number;
  /** Longest wait, after the last send, for every acknowledged delivery to be handled. */
  readonly drainTimeoutSeconds: number;
}

export interface ClusterLoadReport {
  readonly deliveries: number;
  readonly acknowledged: number;
  readonly requests: number;
  /** Answered requests per second over the sending time. */
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Status → count; 0 is a connection the kill cut or refused. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly kills: { readonly workers: number; readonly receivers: number };
  /** From SIGKILL to the replacement process being ready, in ms. */
  readonly recoveryMs: { readonly worker: readonly number[]; readonly receiver: readonly number[] };
  /** Acknowledged deliveries whose effect never happened, though everything drained. */
  readonly lost: number;
  /** Acknowledged deliveries still unhandled when the drain timed out (not drained: not lost yet). */
  readonly unhandled: number;
  /** Deliveries in the dead letters: a kill (or a stall past claimIdleMs) on every attempt. */
  readonly deadLetters: number;
  /** Handler runs beyond the first, summed: runs a kill interrupted before they were acknowledged. */
  readonly reruns: number;
  /** From the first send until every acknowledged delivery was handled and the streams were empty. */
  readonly drainSeconds: number;
  readonly deliveriesPerSecondDrained: number;
  readonly failures: readonly string[];
}

const nodeEntry = fileURLToPath(new URL('./cluster-node.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Node {
  readonly role: string;
  readonly child: ChildProcess;
  readonly url?: string;
}

function startNode(role: string, env: NodeJS.ProcessEnv): Promise<Node> {
  const child = fork(nodeEntry, [role], {
    cwd: root,
    env,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${role} did not start in 60 s`));
    }, 60_000);
    child.once('exit', (code, signal) =>
      reject(new Error(`${role} exited (${code ?? signal}) before it was ready`)),
    );
    child.once('message', (message: { type: string; port?: number }) => {
      clearTimeout(timer);
      const url = message.port === undefined ? undefined : `http://127.0.0.1:${message.port}`;
      resolve({ role, child, ...(url === undefined ? {} : { url }) });
    });
  });
}

function kill(node: Node): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => node.child.once('exit', () => resolve()));
  node.child.kill('SIGKILL');
  return exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/**
 * N receiver processes and M worker processes sharing one Redis, a sender that sends each
 * delivery `copies` times at a steady rate (retrying the first copy until it gets a 2xx, as GOWA
 * and GitHub do), and a chaos step that SIGKILLs a random worker and a random receiver and
 * restarts them. Checks that every acknowledged delivery had its effect, that no answer was a
 * 5xx other than the documented 503, and that everything drained. Loopback only; bounded by
 * `seconds` and `drainTimeoutSeconds`; every process it started is killed before it returns.
 */
export async function runClusterLoad(options: ClusterLoadOptions): Promise<ClusterLoadReport> {
  const prefix = `load:${randomUUID().slice(0, 8)}:`;
  const keys = loadKeys(prefix);
  const env = { ...process.env, REDIS_URL: options.redisUrl, LOAD_PREFIX: prefix };
  const redis = new Redis(options.redisUrl);
  const everyNode = new Set<Node>();
  const track = async (started: Promise<Node>) => {
    const node = await started;
    everyNode.add(node);
    return node;
  };
  try {
    const receivers = await Promise.all(options.receivers.map((role) => track(startNode(role, env))));
    const workers = await Promise.all(
      Array.from({ length: options.workers }, () => track(startNode('worker', env))),
    );

    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const acknowledged = new Set<string>();
    const recoveryMs = { worker: [] as number[], receiver: [] as number[] };
    const kills = { workers: 0, receivers: 0 };
    let next = 0;
    let requests = 0;

    /** A load balancer: the next live receiver, round robin. */
    function target(): string | undefined {
      const live = receivers.filter((node) => node.child.exitCode === null && node.child.signalCode === null);
      return live.length === 0 ? undefined : live[next++ % live.length]!.url;
    }

    async function send(request: OutgoingRequest): Promise<number> {
      const url = target();
      if (url === undefined) return 0;
      const started = performance.now();
      requests++;
      const status = await post(url + request.path, request.body, { headers: request.headers }).then(
        (response) => response.status,
        () => 0,
      );
      if (status !== 0) latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      return status;
    }

    async function deliver(sender: LoadSender, serial: number, giveUpAt: number): Promise<void> {
      const request = sender === 'whatsapp' ? whatsappMessage(serial) : githubIssue(serial);
      for (;;) {
        const status = await send(request);
        if (status >= 200 && status < 300) break;
        if (Date.now() > giveUpAt) return;
        await sleep(100);
      }
      acknowledged.add(`${sender}:${serial}`);
      for (let copy = 1; copy < options.copies; copy++) {
        await sleep(20);
        await send(request);
      }
    }

    const restarting = new Set<Node>();
    async function replace(list: Node[], kind: 'worker' | 'receiver'): Promise<void> {
      // Never the last one up: a deployment being restarted one process at a time keeps serving.
      const candidates = list.filter((node) => !restarting.has(node));
      if (candidates.length < 2) return;
      const node = candidates[Math.floor(Math.random() * candidates.length)]!;
      restarting.add(node);
      kills[kind === 'worker' ? 'workers' : 'receivers']++;
      const killedAt = Date.now();
      await kill(node);
      const fresh = await track(startNode(node.role, env));
      list[list.indexOf(node)] = fresh;
      everyNode.delete(node);
      restarting.delete(node);
      recoveryMs[kind].push(Date.now() - killedAt);
    }

    const restarts: Promise<void>[] = [];
    const chaos =
      options.chaosEverySeconds > 0
        ? setInterval(() => {
            restarts.push(replace(workers, 'worker'), replace(receivers, 'receiver'));
          }, options.chaosEverySeconds * 1000)
        : undefined;

    const startedAt = Date.now();
    const sends: Promise<void>[] = [];
    const total = Math.round(options.seconds * options.rate);
    for (let serial = 1; serial <= total; serial++) {
      const sender = LOAD_SENDERS[serial % LOAD_SENDERS.length]!;
      sends.push(deliver(sender, serial, Date.now() + 20_000));
      // Steady: each delivery at its own slot in time, however long the previous ones take.
      await sleep(Math.max(0, startedAt + (serial * 1000) / options.rate - Date.now()));
    }
    clearInterval(chaos);
    const sendingSeconds = (Date.now() - startedAt) / 1000;
    await Promise.all(sends);

    // Drained: nothing waits in any stream (pending entries included) or in the retries.
    const drainDeadline = Date.now() + options.drainTimeoutSeconds * 1000;
    let drained = false;
    while (!drained && Date.now() < drainDeadline) {
      const waiting = await Promise.all(
        LOAD_SENDERS.map(async (sender) => {
          const stream = keys.inbox(sender);
          const [length, retries] =
            (await redis.multi().xlen(stream).zcard(`${stream}:retries`).exec()) ?? [];
          return Number(length?.[1]) + Number(retries?.[1]);
        }),
      );
      drained = waiting.every((n) => n === 0);
      if (!drained) await sleep(100);
    }
    const drainSeconds = (Date.now() - startedAt) / 1000;
    const runs = await redis.hgetall(keys.runs);
    const effects = await redis.hgetall(keys.effects);
    // Measured above without waiting for them; waited for here so that every process is known.
    await Promise.all(restarts);

    const dead = new Set<string>();
    for (const sender of LOAD_SENDERS) {
      for (const [, fields] of await redis.xrange(`${keys.inbox(sender)}:dead`, '-', '+')) {
        const delivery = JSON.parse(fields[fields.indexOf('delivery') + 1] ?? '{}') as {
          deliveryKey?: string;
        };
        dead.add(`${sender}:${/(\d+)$/.exec(delivery.deliveryKey ?? '')?.[1] ?? 'stray'}`);
      }
    }
    const unhandledIds = [...acknowledged].filter((id) => effects[id] === undefined && !dead.has(id));
    // Nothing left anywhere in Redis, yet the sender holds a 2xx: lost. Before the drain: not yet.
    const lost = drained ? unhandledIds.length : 0;
    const deadLetters = dead.size;
    const reruns = Object.values(runs).reduce((sum, n) => sum + Number(n) - 1, 0);
    const serverErrors = Object.entries(statuses)
      .filter(([status]) => Number(status) >= 500 && Number(status) !== 503)
      .reduce((sum, [, n]) => sum + n, 0);
    const sorted = latencies.sort((a, b) => a - b);
    const answered = sorted.length;
    const failures: string[] = [];
    if (lost > 0) {
      const sample = unhandledIds.slice(0, 5).map((id) => `${id} (runs: ${runs[id] ?? 0})`);
      failures.push(
        `${lost} acknowledged deliveries were lost (no effect, stored nowhere): ${sample.join(', ')}`,
      );
    }
    if (acknowledged.size < total) failures.push(`${total - acknowledged.size} deliveries never got a 2xx`);
    if (serverErrors > 0) failures.push(`${serverErrors} answers were a 5xx other than 503`);
    if (!drained) {
      failures.push(
        `not drained ${options.drainTimeoutSeconds} s after the last send (${unhandledIds.length} acknowledged deliveries unhandled)`,
      );
    }
    if (deadLetters > 0) failures.push(`${deadLetters} deliveries went to the dead letters`);
    if (runs['stray'] !== undefined || Object.keys(effects).some((id) => id.endsWith(':stray'))) {
      failures.push('a handler ran for a delivery without a serial');
    }
    // A re-run needs a kill in the middle of it: at most every killed worker's in-flight runs.
    const rerunBound = kills.workers * WORKER_CONCURRENCY * LOAD_SENDERS.length;
    if (reruns > rerunBound) failures.push(`${reruns} handler re-runs for ${kills.workers} worker kills`);
    return {
      deliveries: total,
      acknowledged: acknowledged.size,
      requests,
      requestsPerSecond: answered / sendingSeconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      statuses,
      kills,
      recoveryMs,
      lost,
      unhandled: drained ? 0 : unhandledIds.length,
      deadLetters,
      reruns,
      drainSeconds,
      deliveriesPerSecondDrained: Object.keys(effects).length / drainSeconds,
      failures,
    };
  } finally {
    await Promise.all([...everyNode].map(kill));
    const stale = await redis.keys(`${prefix}*`).catch(() => [] as string[]);
    if (stale.length > 0) await redis.del(...stale).catch(() => {});
    await redis.quit();
  }
}
