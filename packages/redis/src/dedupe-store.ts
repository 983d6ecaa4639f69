import { randomUUID } from 'node:crypto';
import type { DedupeClaim, DedupeStore, WebhookResponse } from '@hookguard/core';
import type { RedisClient } from './client.js';
import { luaScript, runScript } from './scripts.js';

export interface RedisDedupeOptions {
  /** Prepended to every key. Default `hookguard:dedupe:`. */
  readonly prefix?: string;
  /** How long a success is remembered. Default 24 hours (GitHub redeliveries are manual, days later). */
  readonly ttlMs?: number;
  /** How often a waiting duplicate looks again. Default 50 ms. */
  readonly pollMs?: number;
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

/** Store the answer if we still hold the key, or if our lease ran out and nobody took it over. */
const COMPLETE = luaScript(`
local current = redis.call('GET', KEYS[1])
if current == false or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
`);

/**
 * Delete only our own claim, or the success our own claim wrote (ARGV[2] is its prefix
 * `d:<token> `): a lease that ran out may already belong to someone else, and so may the answer.
 */
const RELEASE = luaScript(`
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or (current and string.sub(current, 1, #ARGV[2]) == ARGV[2]) then
  return redis.call('DEL', KEYS[1])
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
 * the cached answer lives next to it. Waiting duplicates poll (see README: duplicates are rare,
 * and polling needs no dedicated subscriber connection).
 */
export function redisDedupeStore(redis: RedisClient, options: RedisDedupeOptions = {}): DedupeStore {
  const prefix = options.prefix ?? 'hookguard:dedupe:';
  const ttlMs = Math.round(options.ttlMs ?? 24 * 60 * 60 * 1000);
  const pollMs = options.pollMs ?? 50;
  if (!(ttlMs > 0) || !(pollMs > 0))
    throw new TypeError('redisDedupeStore(): ttlMs and pollMs must be positive');

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
      for (;;) {
        const left = until - Date.now();
        if (left <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, left)));
        const current = await redis.get(prefix + key);
        if (current === null || !current.startsWith(IN_FLIGHT)) return;
      }
    },
  };
}
