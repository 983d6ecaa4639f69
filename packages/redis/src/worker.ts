import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DeliveryProcessor, InboxDelivery, Logger } from '@hookguard/core';
import { HandlerError, stderrLogger } from '@hookguard/core';
import { describeThrown } from '@hookguard/core/adapter';
import type { RedisClient } from './client.js';
import type { InboxKeys } from './inbox-keys.js';
import { execAll, luaScript, runScript } from './scripts.js';
import { entriesOfRead, type InboxEntry, inboxEntryOf, type RawEntry } from './stream-entries.js';

export interface InboxWorkerOptions {
  /** This worker's name in the consumer group; unique per process. Default `<host>:<pid>:<random>`. */
  readonly consumer?: string;
  /** Deliveries run at the same time. Default 4. */
  readonly concurrency?: number;
  /** Runs per delivery, crashes included, before it goes to the dead letters. Default 5. */
  readonly maxAttempts?: number;
  /** Wait before attempt `n + 1` after attempt `n` failed. Default 1 s, doubling, at most 5 min. */
  readonly backoffMs?: (attempt: number) => number;
  /**
   * A delivery another worker took but has not finished after this long is taken over: that
   * worker is presumed dead. Must exceed your slowest handler. Default 60 000.
   */
  readonly claimIdleMs?: number;
  /** Longest wait for new entries per read; also how often due retries are moved back. Default 1000. */
  readonly blockMs?: number;
  /**
   * Retries, dead letters and Redis outages are reported here. Default `stderrLogger` from
   * `@hookguard/core` (`warn`/`error` to stderr); `silentLogger` turns it off.
   */
  readonly logger?: Logger;
}

export interface InboxWorker {
  /** The consumer name this worker reads as. */
  readonly consumer: string;
  /**
   * Stops reading, then waits up to `timeoutMs` (default 10 s) for running handlers. What is
   * still running is aborted and stays pending: another worker takes it over after `claimIdleMs`.
   */
  close(options?: { timeoutMs?: number }): Promise<{ readonly unfinished: number }>;
}

const CONNECTING = new Set(['connecting', 'connect', 'reconnecting']);
const CONNECT_GRACE_MS = 2000;

const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 300_000);

/** Moves retries that are due back onto the stream, atomically, so two workers never both do it. */
const PROMOTE_DUE = luaScript(`
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, member in ipairs(due) do
  local retry = cjson.decode(member)
  redis.call('XADD', KEYS[2], '*', 'delivery', retry.delivery, 'attempt', tostring(retry.attempt))
  redis.call('ZREM', KEYS[1], member)
end
return #due
`);

/** The stream a worker reads: the client, the inbox's keys and its consumer group. */
export interface InboxStream {
  readonly redis: RedisClient;
  readonly keys: InboxKeys;
  readonly group: string;
}

export function startInboxWorker(
  { redis, keys, group }: InboxStream,
  receiver: DeliveryProcessor,
  options: InboxWorkerOptions = {},
): InboxWorker {
  const consumer = options.consumer ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = whole(options.concurrency ?? 4, 'concurrency');
  const maxAttempts = whole(options.maxAttempts ?? 5, 'maxAttempts');
  const claimIdleMs = whole(options.claimIdleMs ?? 60_000, 'claimIdleMs');
  const blockMs = whole(options.blockMs ?? 1000, 'blockMs');
  const backoffMs = options.backoffMs ?? defaultBackoff;
  const logger = options.logger ?? stderrLogger;
  const reclaimEveryMs = Math.max(50, Math.min(claimIdleMs / 2, 5000));
  // XREADGROUP BLOCK holds its connection, so reads get their own; everything else shares `redis`.
  const reader = redis.duplicate();
  // The loop reports an outage once it fails; ioredis repeats this event on every reconnect.
  reader.on('error', (error: Error) =>
    logger.debug('inbox reader connection error', { error: error.message }),
  );
  const running = new Map<Promise<void>, AbortController>();
  // Entries this worker is still running or acknowledging. XAUTOCLAIM hands an entry back to the
  // consumer that holds it when it has been idle long enough (a slow handler, an acknowledgement
  // waiting out a failover); running it a second time here would be a duplicate run.
  const holding = new Set<string>();
  let stopping = false;
  let reclaimCursor = '0-0';
  let nextReclaimAt = 0;
  // The wait between attempts on a failing Redis; close() ends it at once.
  let pauseTimer: NodeJS.Timeout | undefined;
  let endPause: () => void = () => {};

  async function ensureGroup(): Promise<void> {
    try {
      // From id 0: deliveries enqueued before any worker existed are read too.
      await redis.xgroup('CREATE', keys.stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }

  async function promoteDueRetries(): Promise<void> {
    await runScript(redis, PROMOTE_DUE, [keys.retries, keys.stream], [Date.now(), 100]);
  }

  /**
   * Entries of dead (or hung) workers, each with how many times it was handed out so far, and
   * whether this worker was still running it when XAUTOCLAIM answered. That is decided the moment
   * the answer arrives: the acknowledgement of an entry that finishes meanwhile travels on the same
   * connection after it, so `holding` still has the entry then; looked at after the XPENDING calls
   * below, the entry could have finished and been run a second time.
   */
  async function reclaim(count: number): Promise<{ entry: InboxEntry; deliveries: number; held: boolean }[]> {
    const reply = (await redis.xautoclaim(
      keys.stream,
      group,
      consumer,
      claimIdleMs,
      reclaimCursor,
      'COUNT',
      count,
    )) as [string, RawEntry[]];
    reclaimCursor = reply[0];
    if (reclaimCursor === '0-0') nextReclaimAt = Date.now() + reclaimEveryMs;
    const claimed = reply[1]
      .filter((raw): raw is RawEntry => Array.isArray(raw) && Array.isArray(raw[1]))
      .map((raw) => ({ raw, held: holding.has(raw[0]) }));
    return Promise.all(
      claimed.map(async ({ raw, held }) => {
        const pending = (await redis.xpending(keys.stream, group, raw[0], raw[0], 1)) as [
          string,
          string,
          number,
          number,
        ][];
        return { entry: inboxEntryOf(raw), deliveries: Number(pending[0]?.[3] ?? 2), held };
      }),
    );
  }

  /**
   * XAUTOCLAIM counted a handout when it gave back an entry this worker still holds; the count
   * is how a crash is told from a slow handler (runEntry's attempt), so it is set back.
   * JUSTID keeps this XCLAIM itself from counting.
   */
  async function keepDeliveryCount(entry: InboxEntry, deliveries: number): Promise<void> {
    await redis.xclaim(keys.stream, group, consumer, 0, entry.id, 'RETRYCOUNT', deliveries, 'JUSTID');
  }

  async function readNew(count: number): Promise<InboxEntry[]> {
    const reply = await reader.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      keys.stream,
      '>',
    );
    return entriesOfRead(reply).map(inboxEntryOf);
  }

  async function acknowledge(entry: InboxEntry): Promise<void> {
    await execAll(redis.multi().xack(keys.stream, group, entry.id).xdel(keys.stream, entry.id));
  }

  async function scheduleRetry(entry: InboxEntry, nextAttempt: number, delayMs: number): Promise<void> {
    const member = JSON.stringify({ id: entry.id, attempt: nextAttempt, delivery: entry.delivery });
    await execAll(
      redis
        .multi()
        .zadd(keys.retries, Date.now() + Math.max(0, delayMs), member)
        .xack(keys.stream, group, entry.id)
        .xdel(keys.stream, entry.id),
    );
  }

  async function deadLetter(entry: InboxEntry, attempts: number, error: string): Promise<void> {
    await execAll(
      redis
        .multi()
        .xadd(
          keys.deadLetters,
          '*',
          'delivery',
          entry.delivery,
          'attempts',
          String(attempts),
          'error',
          error,
          'failedAt',
          String(Date.now()),
          'entryId',
          entry.id,
        )
        .xack(keys.stream, group, entry.id)
        .xdel(keys.stream, entry.id),
    );
    logger.error('inbox delivery moved to the dead letters', { entryId: entry.id, attempts, error });
  }

  async function runEntry(entry: InboxEntry, deliveries: number, signal: AbortSignal): Promise<void> {
    // Each handout after the first means a worker took it and never settled it: a crash counts.
    const attempt = entry.attempt + deliveries - 1;
    let delivery: InboxDelivery;
    try {
      delivery = JSON.parse(entry.delivery) as InboxDelivery;
    } catch {
      await deadLetter(entry, attempt, 'the stored delivery is not valid JSON');
      return;
    }
    if (attempt > maxAttempts) {
      await deadLetter(entry, attempt - 1, 'the worker stopped during every attempt (crash or kill)');
      return;
    }
    try {
      await receiver.process(delivery, { signal });
    } catch (error) {
      if (stopping || isShuttingDown(error)) return; // left pending: another worker takes it over
      const reason = reasonOf(error);
      if (attempt >= maxAttempts) await deadLetter(entry, attempt, reason);
      else {
        const delayMs = backoffMs(attempt);
        logger.warn('inbox delivery failed; retrying later', {
          entryId: entry.id,
          attempt,
          delayMs,
          error: reason,
        });
        await scheduleRetry(entry, attempt + 1, delayMs);
      }
      return;
    }
    await acknowledgeHandled(entry);
  }

  /**
   * A handler that finished must not run again only because Redis was away at that moment (a
   * failover, a restart): left pending, the entry would be taken over and run again. So its
   * acknowledgement is retried with backoff until it lands, or until the worker stops, which
   * leaves it pending for another worker as before.
   */
  async function acknowledgeHandled(entry: InboxEntry): Promise<void> {
    for (let waitMs = 100; ; waitMs = Math.min(waitMs * 2, 5000)) {
      try {
        await acknowledge(entry);
        return;
      } catch (error) {
        if (stopping) throw error;
        if (waitMs === 100) {
          logger.warn('inbox worker could not acknowledge a handled delivery; retrying until Redis answers', {
            entryId: entry.id,
            error: reasonOf(error),
          });
        }
        await new Promise((resolve) => setTimeout(resolve, waitMs).unref());
      }
    }
  }

  function start(entry: InboxEntry, deliveries: number): void {
    holding.add(entry.id);
    const abort = new AbortController();
    const work = runEntry(entry, deliveries, abort.signal).catch((error: unknown) => {
      // Redis failed while settling: the entry stays pending and is taken over after claimIdleMs.
      logger.error('inbox worker could not settle a delivery', { entryId: entry.id, error: reasonOf(error) });
    });
    running.set(work, abort);
    void work.finally(() => {
      running.delete(work);
      holding.delete(entry.id);
    });
  }

  /**
   * A worker started next to `new Redis(...)` finds its clients still connecting; with
   * `enableOfflineQueue: false` every command would fail until they are ready. Waiting for that
   * (briefly) keeps a normal start-up out of the error log; a Redis that is really down is then
   * reported by the loop.
   */
  async function connectionsSettled(): Promise<void> {
    const pending = [redis, reader].filter((client) => CONNECTING.has(client.status));
    if (pending.length === 0) return;
    await new Promise<void>((resolve) => {
      let left = pending.length;
      const finish = () => {
        clearTimeout(pauseTimer);
        for (const client of pending) client.off('ready', onReady);
        resolve();
      };
      const onReady = () => {
        left--;
        if (left === 0) finish();
      };
      endPause = finish;
      pauseTimer = setTimeout(finish, CONNECT_GRACE_MS);
      for (const client of pending) client.once('ready', onReady);
    });
  }

  /**
   * Reads until close(). Any Redis failure (not connected yet, `enableOfflineQueue: false`, a
   * restart that lost the stream's group) is retried with backoff rather than ending the worker:
   * deliveries already acknowledged to their senders wait in the stream for it.
   */
  async function loop(): Promise<void> {
    await connectionsSettled();
    let groupReady = false;
    let failures = 0;
    while (!stopping) {
      try {
        if (!groupReady) {
          await ensureGroup();
          groupReady = true;
        }
        if (running.size >= concurrency) {
          await Promise.race(running.keys());
          continue;
        }
        await promoteDueRetries();
        const free = concurrency - running.size;
        if (Date.now() >= nextReclaimAt) {
          const reclaimed = await reclaim(free);
          for (const { entry, deliveries, held } of reclaimed) {
            if (held) await keepDeliveryCount(entry, deliveries - 1);
            else start(entry, deliveries);
          }
          if (reclaimed.length > 0) continue;
        }
        for (const entry of await readNew(free)) start(entry, 1);
        if (failures > 0) {
          logger.warn('inbox worker reached Redis again and is consuming', {
            consumer,
            failedAttempts: failures,
          });
          failures = 0;
        }
      } catch (error) {
        if (stopping) break;
        failures++;
        // A Redis restarted without persistence has no group: create it again.
        if (reasonOf(error).startsWith('NOGROUP')) groupReady = false;
        const delayMs = retryDelayMs(failures);
        // The first failure, then ever more rarely, so an outage does not flood the log.
        if ((failures & (failures - 1)) === 0) {
          logger.error('inbox worker cannot use Redis; retrying', {
            consumer,
            failedAttempts: failures,
            retryInMs: delayMs,
            error: reasonOf(error),
          });
        }
        await new Promise<void>((resolve) => {
          endPause = resolve;
          pauseTimer = setTimeout(resolve, delayMs);
        });
      }
    }
  }

  const looping = loop().catch((error: unknown) => {
    logger.error('inbox worker stopped unexpectedly', { consumer, error: reasonOf(error) });
  });

  return {
    consumer,
    async close({ timeoutMs = 10_000 } = {}) {
      stopping = true;
      clearTimeout(pauseTimer);
      endPause();
      // Cuts a blocking read short; entries it had already claimed stay pending, never lost.
      reader.disconnect();
      await looping;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(running.keys()),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      const unfinished = running.size;
      for (const abort of running.values()) abort.abort(new Error('the inbox worker closed'));
      await forgetConsumerIfIdle().catch(() => {});
      return { unfinished };
    },
  };

  /** A consumer with nothing pending can go; one with pending entries must stay to be reclaimed. */
  async function forgetConsumerIfIdle(): Promise<void> {
    const pending = (await redis.xpending(keys.stream, group, '-', '+', 1, consumer)) as unknown[];
    if (pending.length === 0) await redis.xgroup('DELCONSUMER', keys.stream, group, consumer);
  }
}

/** 100 ms after the first failure, doubling, at most 5 s between attempts. */
function retryDelayMs(failures: number): number {
  return Math.min(100 * 2 ** Math.min(failures - 1, 10), 5000);
}

function isShuttingDown(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SHUTTING_DOWN';
}

/** The handler's own message (not the wrapper's), never a stack; never throws, whatever was thrown. */
function reasonOf(error: unknown): string {
  let original = error;
  try {
    // A HandlerError always wraps what the handler threw, even `undefined`.
    if (error instanceof HandlerError || (error instanceof Error && error.cause !== undefined))
      original = error.cause;
  } catch {}
  return describeThrown(original);
}

function whole(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new TypeError(`hookguard inbox worker: ${name} must be a positive whole number`);
  }
  return value;
}
