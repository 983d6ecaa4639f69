import { describeThrown } from '../describe-thrown.js';
import type { WebhookError } from '../errors.js';
import type { WebhookResponse } from '../http/types.js';
import type { Logger } from '../logger.js';
import { deliveryInProgressError, storeUnavailableError } from './responses.js';
import type { DedupeClaim, DedupeStore } from './store.js';

export interface DedupeGuard {
  readonly store: DedupeStore;
  /** How long a claim holds a key if its owner dies without settling it. */
  readonly leaseMs: number;
  /** How long a duplicate waits for the delivery in flight before answering 503. */
  readonly waitMs: number;
}

/** What tells one delivery from another: its sender's key, and the digest of its raw body. */
export interface DeliveryIdentity {
  readonly provider: string;
  readonly deliveryKey: string;
  /** `dedupeKey(provider, deliveryKey)`. */
  readonly key: string;
  /** `bodyDigest(body)`. */
  readonly digest: string;
}

/** A claim, and the key it was made on (the delivery's own key after a content clash). */
export interface KeyedClaim {
  readonly key: string;
  readonly claim: DedupeClaim;
}

/**
 * Lets the work forget the success it is about to be remembered by: for an answer the sender got
 * (a deadline fallback) before the work failed. Waits for the record to be written first.
 */
export type ForgetAnswer = () => Promise<void>;

export interface RunOnceParts {
  readonly guard: DedupeGuard;
  readonly delivery: DeliveryIdentity;
  readonly first: KeyedClaim;
  readonly work: (forgetAnswer: ForgetAnswer) => Promise<WebhookResponse>;
  readonly logger: Logger;
  /** The 503s for a duplicate that waited too long or a store that failed, in the sender's error form. */
  readonly answerError: (error: WebhookError) => WebhookResponse;
}

/** `<provider>:<deliveryKey>`: delivery ids are only unique per sender. */
export function dedupeKey(provider: string, deliveryKey: string): string {
  return `${provider}:${deliveryKey}`;
}

/** The first claim; a store failure becomes `undefined` so the caller can refuse with 503. */
export async function firstClaim(
  guard: DedupeGuard,
  delivery: DeliveryIdentity,
  logger: Logger,
): Promise<KeyedClaim | undefined> {
  try {
    return await claimOwn(guard, delivery, delivery.key, logger);
  } catch (error) {
    logger.error('dedupe store failed; refusing the delivery so the sender retries', {
      error: describeThrown(error),
    });
    return undefined;
  }
}

/**
 * Claims `key` for this delivery. A record there with another body's digest belongs to a
 * different delivery that reuses the key (NapCat's 31-bit message ids collide): this one must
 * neither wait for it nor be answered with its reply, so it moves to a key of its own, which
 * keeps it run-once against its own retries. A record without a digest (a store that keeps
 * none) counts as the same delivery, as before digests.
 */
async function claimOwn(
  guard: DedupeGuard,
  delivery: DeliveryIdentity,
  key: string,
  logger: Logger,
): Promise<KeyedClaim> {
  const claim = await guard.store.claim(key, guard.leaseMs, delivery.digest);
  if (key !== delivery.key || !holdsOtherBody(claim, delivery.digest)) return { key, claim };
  logger.warn('delivery key reused with different content; running it as a separate delivery', {
    provider: delivery.provider,
    key: delivery.key,
  });
  // `<provider>#<digest>:<deliveryKey>`: no delivery's own `<provider>:…` key can spell it, whatever
  // its sender-chosen delivery key contains.
  const own = dedupeKey(`${delivery.provider}#${delivery.digest}`, delivery.deliveryKey);
  return { key: own, claim: await guard.store.claim(own, guard.leaseMs, delivery.digest) };
}

function holdsOtherBody(claim: DedupeClaim, digest: string): boolean {
  return claim.state !== 'claimed' && claim.digest !== undefined && claim.digest !== digest;
}

/**
 * Carries one delivery from its first claim to an answer, running `work` at most once at a time
 * across everything that shares the store:
 * - `done`: the remembered answer, `work` not run;
 * - `claimed`: run `work`; a success is remembered, a failure (a throw or a 5xx) releases the key
 *   so the sender's retry runs it again;
 * - `in-flight`: wait for the other run, then claim again. If that run failed, this duplicate
 *   takes over, so a delivery whose first attempt failed still gets processed.
 */
export async function runOnce(parts: RunOnceParts): Promise<WebhookResponse> {
  const { guard, delivery, work, logger, answerError } = parts;
  const waitUntil = Date.now() + guard.waitMs;
  let { key, claim } = parts.first;
  for (;;) {
    if (claim.state === 'done') return claim.response;
    if (claim.state === 'claimed') return runClaimed(guard.store, { key, token: claim.token }, work, logger);
    const left = waitUntil - Date.now();
    if (left <= 0) return answerError(deliveryInProgressError());
    try {
      await guard.store.waitForSettle(key, left);
      // Claimed again through the content check: the key may now hold another body's run.
      ({ key, claim } = await claimOwn(guard, delivery, key, logger));
    } catch (error) {
      logger.error('dedupe store failed while a duplicate waited', { error: describeThrown(error) });
      return answerError(storeUnavailableError());
    }
  }
}

async function runClaimed(
  store: DedupeStore,
  held: { readonly key: string; readonly token: string },
  work: RunOnceParts['work'],
  logger: Logger,
): Promise<WebhookResponse> {
  const { key, token } = held;
  let settled!: () => void;
  const recorded = new Promise<void>((resolve) => {
    settled = resolve;
  });
  const forgetAnswer: ForgetAnswer = () =>
    recorded.then(() => store.release(key, token)).catch((error: unknown) => lostRelease(error, logger));
  let response: WebhookResponse;
  try {
    response = await work(forgetAnswer);
  } catch (error) {
    settled();
    await store.release(key, token).catch((storeError: unknown) => lostRelease(storeError, logger));
    throw error;
  }
  if (response.status >= 500) {
    settled();
    await store.release(key, token).catch((storeError: unknown) => lostRelease(storeError, logger));
    return response;
  }
  // The work is done whatever the store says now; a failed write only means a retry may run again.
  await store.complete(key, token, response).catch((error: unknown) => {
    logger.error('dedupe store could not record a success; a retry may run again', {
      error: describeThrown(error),
    });
  });
  settled();
  return response;
}

function lostRelease(error: unknown, logger: Logger): void {
  logger.error('dedupe store could not release a failed delivery; its retry waits for the lease', {
    error: describeThrown(error),
  });
}
