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
  readonly token: string;
  readonly leaseEnds: number;
  /** Callers of `waitForSettle`; created only when someone waits, so a plain claim allocates little. */
  waiters: (() => void)[] | undefined;
}

interface Success {
  readonly response: WebhookResponse;
  readonly expiresAt: number;
}

export const DEFAULT_DEDUPE_TTL_MS = 60 * 60 * 1000;
export const DEFAULT_DEDUPE_MAX_ENTRIES = 10_000;

/**
 * The default store, for one process. Both maps keep insertion order, and every entry in one map
 * lives equally long, so the oldest entry is always first: expiry and eviction pop from the head
 * and each operation is O(1) amortised. Several instances behind a load balancer need a shared
 * store instead (`@hookguard/redis`).
 */
export function memoryDedupeStore(options: MemoryDedupeOptions = {}): MemoryDedupeStore {
  const ttlMs = positive(options.ttlMs ?? DEFAULT_DEDUPE_TTL_MS, 'ttlMs');
  const maxEntries = positive(options.maxEntries ?? DEFAULT_DEDUPE_MAX_ENTRIES, 'maxEntries');
  const now = options.now ?? Date.now;
  const successes = new Map<string, Success>();
  const claims = new Map<string, Claim>();
  let nextToken = 0;

  function wake(claim: Claim): void {
    const waiters = claim.waiters;
    claim.waiters = undefined;
    if (waiters) for (const wakeOne of waiters) wakeOne();
  }

  function prune(at: number): void {
    for (const [key, success] of successes) {
      if (success.expiresAt > at) break;
      successes.delete(key);
    }
    // Leases may differ per claim, so this head-first sweep is a cheap best effort; `claim`
    // also checks the lease of the one key it looks at.
    for (const [key, claim] of claims) {
      if (claim.leaseEnds > at) break;
      claims.delete(key);
      wake(claim);
    }
  }

  function evictOldestSuccess(): boolean {
    const oldest = successes.keys().next();
    if (oldest.done) return false;
    successes.delete(oldest.value);
    return true;
  }

  return {
    get size() {
      return successes.size + claims.size;
    },

    async claim(key, leaseMs): Promise<DedupeClaim> {
      const at = now();
      prune(at);
      const success = successes.get(key);
      if (success) return { state: 'done', response: success.response };
      const held = claims.get(key);
      if (held && held.leaseEnds > at) return { state: 'in-flight' };
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
      const token = String(++nextToken);
      claims.set(key, { token, leaseEnds: at + leaseMs, waiters: undefined });
      return { state: 'claimed', token };
    },

    async complete(key, token, response) {
      const held = claims.get(key);
      if (held && held.token !== token) return; // our lease ran out and someone else runs it now
      if (held) claims.delete(key);
      successes.delete(key);
      successes.set(key, { response, expiresAt: now() + ttlMs });
      while (successes.size + claims.size > maxEntries && evictOldestSuccess()) {}
      if (held) wake(held);
    },

    async release(key, token) {
      const held = claims.get(key);
      if (!held || held.token !== token) return;
      claims.delete(key);
      wake(held);
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

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new TypeError(`hookguard memoryDedupeStore(): ${name} must be a positive number`);
  return value;
}
