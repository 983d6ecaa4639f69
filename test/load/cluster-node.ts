/**
 * One process of the multi-process load test (`cluster-load.ts`): argv[2] is `worker` or an
 * adapter's name. A receiver process serves GOWA and GitHub receivers that share dedupe and one
 * inbox per sender on Redis (REDIS_URL, key prefix LOAD_PREFIX); a worker process runs the inbox
 * workers. Handlers count their runs in Redis, so the counts survive any process being killed.
 * Says `{ type: 'ready', port? }` over IPC once it serves or reads.
 */
import { createReceiver, github, type Receiver, type ReceiverLike, whatsapp } from '@hookguard/core';
import { queryOf } from '@hookguard/core/adapter';
import { redisDedupeStore, redisInbox } from '@hookguard/redis';
import { Redis } from 'ioredis';
import {
  CLAIM_IDLE_MS,
  DUPLICATE_WAIT_MS,
  LEASE_MS,
  LOAD_SENDERS,
  type LoadSender,
  loadKeys,
  WORKER_CONCURRENCY,
} from './cluster-keys.js';
import { SOAK_PATH, SOAK_SECRETS } from './traffic.js';

const role = process.argv[2] ?? '';
const url = process.env['REDIS_URL'];
const keys = loadKeys(process.env['LOAD_PREFIX'] ?? '');
// Only a receiver loads the web frameworks: a worker restarts faster without them.
const adapter =
  role === 'worker'
    ? undefined
    : (await import('../conformance/adapters.js')).adapters.find((candidate) => candidate.name === role);
if (url === undefined || (role !== 'worker' && adapter === undefined)) {
  console.error('usage: REDIS_URL=… LOAD_PREFIX=… cluster-node <worker|express|koa|fastify|fetch (hono)>');
  process.exit(2);
}

// No offline queue: while Redis is away, a request gets a prompt 503 instead of hanging.
const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
redis.on('error', () => {});
await new Promise((resolve) => redis.once('ready', resolve));

async function handle(sender: LoadSender, deliveryKey: string | undefined): Promise<void> {
  const id = `${sender}:${/(\d+)$/.exec(deliveryKey ?? '')?.[1] ?? 'stray'}`;
  await redis.hincrby(keys.runs, id, 1);
  // Idempotent by delivery, as docs/redis-cluster.md asks of inbox handlers: one atomic HSETNX is
  // the effect, so a run that comes again after a kill changes nothing.
  await redis.hsetnx(keys.effects, id, String(process.pid));
}

function receiverFor(sender: LoadSender): Receiver {
  const provider =
    sender === 'whatsapp'
      ? whatsapp({ secret: SOAK_SECRETS.whatsapp })
      : github({ secret: SOAK_SECRETS.github });
  const receiver = createReceiver(provider as ReturnType<typeof github>, {
    dedupe: {
      store: redisDedupeStore(redis, { prefix: keys.dedupe }),
      leaseMs: LEASE_MS,
      waitMs: DUPLICATE_WAIT_MS,
    },
    inbox: redisInbox(redis, { stream: keys.inbox(sender) }),
  });
  receiver.on('*', (_event, context) => handle(sender, context.deliveryKey));
  return receiver as unknown as Receiver;
}

const receivers = { whatsapp: receiverFor('whatsapp'), github: receiverFor('github') };

if (role === 'worker') {
  for (const sender of LOAD_SENDERS) {
    redisInbox(redis, { stream: keys.inbox(sender) }).startWorker(receivers[sender], {
      concurrency: WORKER_CONCURRENCY,
      claimIdleMs: CLAIM_IDLE_MS,
      blockMs: 200,
      backoffMs: () => 100,
    });
  }
  process.send?.({ type: 'ready' });
} else {
  const pick = (url: string): Receiver =>
    queryOf(url).get('sender') === 'github' ? receivers.github : receivers.whatsapp;
  const dispatcher: ReceiverLike = {
    handle: (request) => pick(request.url).handle(request),
    handleStream: (head, body, limits) => pick(head.url).handleStream(head, body, limits),
    fetch: (request) => pick(request.url).fetch(request),
  };
  const server = await adapter!.serve(dispatcher, SOAK_PATH);
  process.send?.({ type: 'ready', port: Number(new URL(server.url).port) });
}
// The parent gone means the run is over: never outlive it.
process.on('disconnect', () => process.exit(0));
