import type { WebhookResponse } from '../http/types.js';

/**
 * What a store says about a delivery key when a receiver tries to claim it.
 * - `claimed`: this caller owns the key until it calls `complete` or `release` (or the lease ends).
 * - `done`: the delivery already succeeded; `response` is the answer it got.
 * - `in-flight`: another caller (maybe another instance) is running it right now.
 */
export type DedupeClaim =
  | { readonly state: 'claimed'; readonly token: string }
  | { readonly state: 'done'; readonly response: WebhookResponse }
  | { readonly state: 'in-flight' };

/**
 * Shared memory of deliveries, keyed by `<provider>:<deliveryKey>`. Every method is async so a
 * networked store (Redis) can implement it; `claim` must be atomic across every receiver that
 * shares the store, which is what makes "run once" hold across instances.
 *
 * Only successes are remembered: a failed delivery is released, so the sender's retry runs again.
 */
export interface DedupeStore {
  /**
   * Atomically: if the key is free, take it for `leaseMs` and answer `claimed`; otherwise say
   * whether it is `done` (with the stored answer) or `in-flight`. The lease frees the key if its
   * owner dies without completing or releasing it.
   */
  claim(key: string, leaseMs: number): Promise<DedupeClaim>;
  /** Remembers a success: later claims answer `done` with `response` (for the store's TTL). */
  complete(key: string, token: string, response: WebhookResponse): Promise<void>;
  /** Forgets a failed claim, so the next claim (the sender's retry) runs it again. */
  release(key: string, token: string): Promise<void>;
  /**
   * Resolves when an in-flight key may have been completed or released, or after `timeoutMs`,
   * whichever comes first. The caller claims again to learn which.
   */
  waitForSettle(key: string, timeoutMs: number): Promise<void>;
}

export function isDedupeStore(value: unknown): value is DedupeStore {
  const store = value as Partial<DedupeStore> | null;
  return (
    typeof store === 'object' &&
    store !== null &&
    typeof store.claim === 'function' &&
    typeof store.complete === 'function' &&
    typeof store.release === 'function' &&
    typeof store.waitForSettle === 'function'
  );
}
