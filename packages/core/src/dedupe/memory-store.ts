import type { WebhookResponse } from '../http/types.js';
import type { DedupeClaim, DedupeStore } from './store.js';

export interface MemoryDedupeOptions {
  /** How long a success is remembered. Default 1 hour: longer than any sender's retry schedule. */
  readonly ttlMs?: number;
  /** Most keys held (successes plus in-flight claims). Default 10 000; the oldest success goes first. */
  readonly maxEntries?: number;
  /** Clock in ms; injectable for tests. Default `Date.now`. */
  readonly now?: () => number;
}

export interface MemoryDedupeStore extends DedupeStore {
  /** Keys currently held: remembered successes plus in-flight claims. */
  readonly size: number;
}

interface Claim {
  /** `<counter>` or `<counter>:<digest>`: the body digest travels in the token (see `tokenFor`). */
  readonly token: string;
  readonly leaseEnds: number;
  /** Callers of `waitForSettle`; created only when someone waits, so a plain claim allocates little. */
  waiters: (() => void)[] | undefined;
}

interface Success {
  readonly key: string;
  readonly response: WebhookResponse;
  readonly expiresAt: number;
  /** The claim that wrote it: `release` with this token forgets it (a late failure). */
  readonly token: string;
  readonly digest: string | undefined;
}

export const DEFAULT_DEDUPE_TTL_MS = 60 * 60 * 1000;
export const DEFAULT_DEDUPE_MAX_ENTRIES = 10_000;

/**
 * The default store, for one process. Successes all live `ttlMs`, so the order they were stored
 * in is also the order they expire in: a queue of them gives the oldest in O(1) for both expiry
 * and eviction. (Not `map.keys().next()`: after many deletes at its head, V8 walks the holes, so
 * finding the oldest entry slows down as deletes accumulate; BENCHMARKS.md, "Hot-path decisions".)
 * Several instances behind a load balancer
 * need a shared store instead (`@hookguard/redis`).
 */
export function memoryDedupeStore(options: MemoryDedupeOptions = {}): MemoryDedupeStore {
  const ttlMs = positive(options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS, 'ttlMs');
  const maxEntries = positive(options.maxEntries ?? DEFAULT_DEDUPE_MAX_ENTRIES, 'maxEntries');
  const now = options.now ?? Date.now;
  const successes = new Map<string, Success>();
  /** Successes oldest first, from `head`; an entry no longer in `successes` is skipped. */
  let order: Success[] = [];
  let head = 0;
  const claims = new Map<string, Claim>();
  // Sweeping walks the expired head of the queue and of the claims; once per `sweepEveryMs` will do:
  // `claim` checks the expiry of the key it reads, and the size bound is kept on every insert.
  const sweepEveryMs = Math.min(ttlMs, 1000);
  let nextSweep = 0;
  let nextToken = 0;

  function wake(claim: Claim): void {
    const waiters = claim.waiters;
    claim.waiters = undefined;
    if (waiters) for (const wakeOne of waiters) wakeOne();
  }

  function isCurrent(success: Success): boolean {
    return successes.get(success.key) === success;
  }

  /** Drops consumed and stale queue slots, so the queue stays within twice the bound. */
  function compact(): void {
    if (head > 1024 && head * 2 > order.length) {
      order = order.slice(head);
      head = 0;
    }
    if (order.length - head > 2 * maxEntries) {
      order = order.slice(head).filter(isCurrent);
      head = 0;
    }
  }

  function sweep(at: number): void {
    if (at < nextSweep) return;
    nextSweep = at + sweepEveryMs;
    while (head < order.length) {
      const oldest = order[head]!;
      if (isCurrent(oldest)) {
        if (oldest.expiresAt > at) break;
        successes.delete(oldest.key);
      }
      head++;
    }
    compact();
    // Leases may differ per claim, so this head-first sweep is a best effort; `claim` also checks
    // the lease of the one key it reads. Expired leases are rare: only dead or hung owners leave them.
    for (const [key, claim] of claims) {
      if (claim.leaseEnds > at) break;
      claims.delete(key);
      wake(claim);
    }
  }

  function evictOldestSuccess(): boolean {
    while (head < order.length) {
      const oldest = order[head++]!;
      if (isCurrent(oldest)) {
        successes.delete(oldest.key);
        compact();
        return true;
      }
    }
    return false;
  }

  return {
    get size() {
      return successes.size + claims.size;
    },

    async claim(key, leaseMs, digest): Promise<DedupeClaim> {
      const at = now();
      sweep(at);
      const success = successes.get(key);
      if (success && success.expiresAt > at) return doneClaim(success);
      if (success) successes.delete(key);
      const held = claims.get(key);
      if (held && held.leaseEnds > at) return inFlightClaim(held.token);
      if (held) {
        claims.delete(key);
        wake(held);
      }
      while (successes.size + claims.size >= maxEntries) {
        if (!evictOldestSuccess()) {
          // Every slot is a running delivery: refusing (the receiver answers 503) keeps the bound
          // and the run-once promise; forgetting a claim would keep neither.
          throw new Error(`memory dedupe store is full: ${claims.size} deliveries in flight`);
        }
      }
      const token = tokenFor(++nextToken, digest);
      claims.set(key, { token, leaseEnds: at + leaseMs, waiters: undefined });
      return { state: 'claimed', token };
    },

    async complete(key, token, response) {
      const held = claims.get(key);
      if (held && held.token !== token) return; // our lease ran out and someone else runs it now
      if (held) claims.delete(key);
      // Our lease ran out, someone else took the key over and succeeded: theirs stands (as in Redis).
      else if ((successes.get(key)?.expiresAt ?? 0) > now()) return;
      const success: Success = {
        key,
        response,
        expiresAt: now() + ttlMs,
        token,
        digest: digestOf(token),
      };
      successes.set(key, success);
      order.push(success);
      while (successes.size + claims.size > maxEntries && evictOldestSuccess()) {}
      if (held) wake(held);
    },

    async release(key, token) {
      const held = claims.get(key);
      if (held?.token === token) {
        claims.delete(key);
        wake(held);
        return;
      }
      // A success this very claim stored (a fallback answered at the deadline, then the handler
      // failed). Left in the queue: `isCurrent` skips it there.
      if (successes.get(key)?.token === token) successes.delete(key);
    },

    waitForSettle(key, timeoutMs) {
      const held = claims.get(key);
      if (!held) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, Math.min(timeoutMs, held.leaseEnds - now())));
        held.waiters ??= [];
        held.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

// The digest rides in the token so that `complete`, which gets only the token, can store it even
// when the claim itself is gone (its lease ran out and nobody took the key over).
function tokenFor(counter: number, digest: string | undefined): string {
  return digest === undefined ? String(counter) : `${counter}:${digest}`;
}

function digestOf(token: string): string | undefined {
  const colon = token.indexOf(':');
  return colon < 0 ? undefined : token.slice(colon + 1);
}

function doneClaim(success: Success): DedupeClaim {
  return success.digest === undefined
    ? { state: 'done', response: success.response }
    : { state: 'done', response: success.response, digest: success.digest };
}

function inFlightClaim(token: string): DedupeClaim {
  const digest = digestOf(token);
  return digest === undefined ? { state: 'in-flight' } : { state: 'in-flight', digest };
}

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new TypeError(`hookguard memoryDedupeStore(): ${name} must be a positive number`);
  return value;
}
