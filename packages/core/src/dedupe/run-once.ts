import type { WebhookResponse } from '../http/types.js';
import type { Logger } from '../logger.js';
import { deliveryInProgressResponse, storeUnavailableResponse } from './responses.js';
import type { DedupeClaim, DedupeStore } from './store.js';

export interface DedupeGuard {
  readonly store: DedupeStore;
  /** How long a claim holds a key if its owner dies without settling it. */
  readonly leaseMs: number;
  /** How long a duplicate waits for the delivery in flight before answering 503. */
  readonly waitMs: number;
}

/** `<provider>:<deliveryKey>`: delivery ids are only unique per sender. */
export function dedupeKey(provider: string, deliveryKey: string): string {
  return `${provider}:${deliveryKey}`;
}

/** The first claim; a store failure becomes `undefined` so the caller can refuse with 503. */
export async function firstClaim(
  guard: DedupeGuard,
  key: string,
  logger: Logger,
): Promise<DedupeClaim | undefined> {
  try {
    return await guard.store.claim(key, guard.leaseMs);
  } catch (error) {
    logger.error('dedupe store failed; refusing the delivery so the sender retries', {
      error: errorText(error),
    });
    return undefined;
  }
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
export async function runOnce(
  guard: DedupeGuard,
  key: string,
  first: DedupeClaim,
  work: () => Promise<WebhookResponse>,
  logger: Logger,
): Promise<WebhookResponse> {
  const waitUntil = Date.now() + guard.waitMs;
  let claim = first;
  for (;;) {
    if (claim.state === 'done') return claim.response;
    if (claim.state === 'claimed') return runClaimed(guard.store, key, claim.token, work, logger);
    const left = waitUntil - Date.now();
    if (left <= 0) return deliveryInProgressResponse();
    try {
      await guard.store.waitForSettle(key, left);
      claim = await guard.store.claim(key, guard.leaseMs);
    } catch (error) {
      logger.error('dedupe store failed while a duplicate waited', { error: errorText(error) });
      return storeUnavailableResponse();
    }
  }
}

async function runClaimed(
  store: DedupeStore,
  key: string,
  token: string,
  work: () => Promise<WebhookResponse>,
  logger: Logger,
): Promise<WebhookResponse> {
  let response: WebhookResponse;
  try {
    response = await work();
  } catch (error) {
    await store.release(key, token).catch((storeError: unknown) => lostRelease(storeError, logger));
    throw error;
  }
  if (response.status >= 500) {
    await store.release(key, token).catch((storeError: unknown) => lostRelease(storeError, logger));
    return response;
  }
  // The work is done whatever the store says now; a failed write only means a retry may run again.
  await store.complete(key, token, response).catch((error: unknown) => {
    logger.error('dedupe store could not record a success; a retry may run again', {
      error: errorText(error),
    });
  });
  return response;
}

function lostRelease(error: unknown, logger: Logger): void {
  logger.error('dedupe store could not release a failed delivery; its retry waits for the lease', {
    error: errorText(error),
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
