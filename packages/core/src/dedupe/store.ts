import type { WebhookResponse } from '../http/types.js';

/**
 * What a store says about a delivery key when a receiver tries to claim it.
 * - `claimed`: this caller owns the key until it calls `complete` or `release` (or the lease ends).
 * - `done`: the delivery already succeeded; `response` is the answer it got.
 * - `in-flight`: another caller (maybe another instance) is running it right now.
 *
 * `digest` on `done` and `in-flight` is the body digest the record was claimed with (see
 * `DedupeStore.claim`); absent when the store does not keep digests or the record has none.
 */
export type DedupeClaim =
  | { readonly state: 'claimed'; readonly token: string }
  | { readonly state: 'done'; readonly response: WebhookResponse; readonly digest?: string | undefined }
  | { readonly state: 'in-flight'; readonly digest?: string | undefined };

/**
 * Shared memory of deliveries, keyed by `<provider>:<deliveryKey>`. Every method is async so a
 * networked store (Redis) can implement it; `claim` must be atomic across every receiver that
 * shares the store, which is what makes "run once" hold across instances.
 *
 * Only successes are remembered: a failed delivery is released, so the sender's retry runs again.
 *
 * Body digests: the receiver passes a digest of the raw body to `claim`. A store that keeps it with
 * the record and reports it on `done` and `in-flight` lets the receiver tell a true retry (same
 * digest: answered from the store) from a different delivery that reuses the key (another digest:
 * run under a key of its own, never answered with the other's reply). A store that ignores the
 * digest still works, but then treats every key match as a retry, as stores did before digests.
 */
export interface DedupeStore {
  /**
   * Atomically: if the key is free, take it for `leaseMs` and answer `claimed`; otherwise say
   * whether it is `done` (with the stored answer) or `in-flight`. The lease frees the key if its
   * owner dies without completing or releasing it. `digest`, when given, identifies the body: keep
   * it with the claim and with the success `complete` stores for this claim's token, and report
   * it as `digest` on later `done` / `in-flight` answers for the key.
   */
  claim(key: string, leaseMs: number, digest?: string): Promise<DedupeClaim>;
  /** Remembers a success: later claims answer `done` with `response` (for the store's TTL). */
  complete(key: string, token: string, response: WebhookResponse): Promise<void>;
  /**
   * Forgets a failed claim, so the next claim (the sender's retry) runs it again. Also forgets a
   * success that `complete` stored for this same token: a receiver that answered with a fallback
   * at the sender's deadline remembers it, and must forget it if the handler then fails. Anything
   * written under another token (a newer owner's claim or success) is left alone.
   */
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
