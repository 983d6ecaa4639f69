import { randomUUID } from 'node:crypto';
import {
  type DedupeClaim,
  type DedupeStore,
  type Logger,
  stderrLogger,
  type WebhookResponse,
} from '@hookguard/core';
import type { RedisClient } from './client.js';
import { luaScript, runScript } from './scripts.js';
import { type Listening, wakeUps } from './wake-ups.js';

export interface RedisDedupeOptions {
  /** Prepended to every key. Default `hookguard:dedupe:`. */
  readonly prefix?: string;
  /** How long a success is remembered. Default 24 hours (GitHub redeliveries are manual, days later). */
  readonly ttlMs?: number;
  /**
   * Wake a duplicate that waits for the run in flight as soon as that run settles, by Redis
   * pub/sub (one more connection per store, opened when a duplicate first waits). Default `true`;
   * `false` polls every `pollMs` instead.
   */
  readonly wakeUps?: boolean;
  /** How often a waiting duplicate looks again while it cannot be woken. Default 50 ms. */
  readonly pollMs?: number;
  /**
   * How often a waiting duplicate that can be woken still looks again: the net for a wake-up that
   * never comes (a lost message, a lease that ran out). Default 1000 ms.
   */
  readonly recheckMs?: number;
  /** Where a failing wake-up connection is reported (once per outage). Default `stderrLogger`. */
  readonly logger?: Logger;
}

/** A `DedupeStore` with a connection of its own to close. */
export interface RedisDedupeStore extends DedupeStore {
  /**
   * Closes the wake-up connection, if one was opened; waiting duplicates poll from then on.
   * Closing the client the store was given (`redis.quit()`) closes it too.
   */
  close(): Promise<void>;
}

// One key per delivery. Its value says everything: `p:<token>` while a receiver runs it (with the
// lease as the key's PX), `d:<token> <response JSON>` once it succeeded (with the TTL as PX). The
// token is `<uuid>:<body digest>` (just `<uuid>` when the receiver gave no digest), so the digest
// is read back from either state, and `release` can tell the success its own claim wrote.
// Records from before digests (`d:<response JSON>`) read as done without a digest.
const IN_FLIGHT = 'p:';
const DONE = 'd:';

/** SET NX PX is the claim; if taken, the current value comes back in the same round trip. */
const CLAIM = luaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return redis.call('GET', KEYS[1])
`);

/**
 * Store the answer if we still hold the key, or if our lease ran out and nobody took it over, and
 * wake the duplicates waiting for it. The wake-up channel is the key's own name. `pcall`: a
 * PUBLISH that an ACL refuses must not undo the answer; the waiters' polling still finds it.
 */
const COMPLETE = luaScript(`
local current = redis.call('GET', KEYS[1])
if current == false or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  redis.pcall('PUBLISH', KEYS[1], 'settled')
  return 1
end
return 0
`);

/**
 * Delete only our own claim, or the success our own claim wrote (ARGV[2] is its prefix
 * `d:<token> `): a lease that ran out may already belong to someone else, and so may the answer.
 * A waiting duplicate is woken to take the delivery over.
 */
const RELEASE = luaScript(`
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or (current and string.sub(current, 1, #ARGV[2]) == ARGV[2]) then
  redis.call('DEL', KEYS[1])
  redis.pcall('PUBLISH', KEYS[1], 'settled')
  return 1
end
return 0
`);

/** `d:<token> <JSON>`, or `d:<JSON>` as written before tokens and digests were kept. */
function doneClaim(value: string): DedupeClaim {
  const record = value.slice(DONE.length);
  const space = record.startsWith('{') ? -1 : record.indexOf(' ');
  const response = JSON.parse(record.slice(space + 1)) as WebhookResponse;
  return withDigest({ state: 'done', response }, space < 0 ? undefined : digestOf(record.slice(0, space)));
}

function digestOf(token: string): string | undefined {
  const colon = token.indexOf(':');
  return colon < 0 ? undefined : token.slice(colon + 1);
}

function withDigest<C extends DedupeClaim>(claim: C, digest: string | undefined): C {
  return digest === undefined ? claim : { ...claim, digest };
}

/**
 * A `DedupeStore` shared by every receiver connected to one Redis: the claim is one atomic
 * `SET NX PX`, so two instances behind a load balancer never run the same delivery together, and
 * the cached answer lives next to it. A duplicate that arrives while the first run is in flight is
 * woken by pub/sub when that run settles, and polls as a fallback (see README).
 */
export function redisDedupeStore(redis: RedisClient, options: RedisDedupeOptions = {}): RedisDedupeStore {
  const prefix = options.prefix ?? 'hookguard:dedupe:';
  const ttlMs = Math.round(options.ttlMs ?? 24 * 60 * 60 * 1000);
  const pollMs = options.pollMs ?? 50;
  const recheckMs = options.recheckMs ?? 1000;
  if (!(ttlMs > 0) || !(pollMs > 0) || !(recheckMs > 0))
    throw new TypeError('redisDedupeStore(): ttlMs, pollMs and recheckMs must be positive');
  const wake = options.wakeUps === false ? undefined : wakeUps(redis, options.logger ?? stderrLogger);

  return {
    async claim(key, leaseMs, digest): Promise<DedupeClaim> {
      const token = digest === undefined ? randomUUID() : `${randomUUID()}:${digest}`;
      const current = await runScript(redis, CLAIM, [prefix + key], [IN_FLIGHT + token, Math.ceil(leaseMs)]);
      if (current === null) return { state: 'claimed', token };
      if (typeof current === 'string' && current.startsWith(DONE)) return doneClaim(current);
      return withDigest({ state: 'in-flight' }, digestOf(String(current).slice(IN_FLIGHT.length)));
    },

    async complete(key, token, response) {
      await runScript(
        redis,
        COMPLETE,
        [prefix + key],
        [IN_FLIGHT + token, `${DONE}${token} ${JSON.stringify(response)}`, ttlMs],
      );
    },

    async release(key, token) {
      await runScript(redis, RELEASE, [prefix + key], [IN_FLIGHT + token, `${DONE}${token} `]);
    },

    async waitForSettle(key, timeoutMs) {
      const until = Date.now() + timeoutMs;
      const listening = wake?.listen(prefix + key);
      try {
        for (;;) {
          const left = until - Date.now();
          if (left <= 0) return;
          // The first event is the subscription's confirmation: the record is read again after it,
          // so a settle between the claim and the subscription is not missed.
          await pause(Math.min(listening?.live ? recheckMs : pollMs, left), listening);
          listening?.clear();
          const current = await redis.get(prefix + key);
          if (current === null || !current.startsWith(IN_FLIGHT)) return;
        }
      } finally {
        listening?.stop();
      }
    },

    close: async () => wake?.close(),
  };
}

/** Waits `ms`, or less if a wake-up comes first. */
async function pause(ms: number, listening: Listening | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await (listening === undefined ? slept : Promise.race([slept, listening.next()]));
  } finally {
    clearTimeout(timer);
  }
}
