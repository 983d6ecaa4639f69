import { bodyDigest } from '../dedupe/body-digest.js';
import { type DedupeGuard, type DeliveryIdentity, dedupeKey } from '../dedupe/run-once.js';
import type { HandlerContext } from '../event-map.js';
import type { ParsedEvent, VerifyInput } from '../provider.js';
import { handlerContextOf } from './handler-context.js';
import { LazyAbortController } from './lazy-abort.js';
import type { UnfinishedDelivery } from './work-tracker.js';

/** What verify and parse produced for one request. */
export interface VerifiedDelivery<Meta> {
  readonly event: ParsedEvent<Meta>;
  /** The verified request: its raw bytes, headers, query and the time it was verified. */
  readonly input: VerifyInput;
  /** Which configured secret matched; `undefined` when unsigned. */
  readonly secretIndex: number | undefined;
}

/**
 * One delivery on its way through the pipeline, built once per request and handed to each step
 * (dedupe, the mode, the deadline, background work) instead of its parts one by one.
 */
export interface Delivery<Meta> extends VerifiedDelivery<Meta> {
  /** Who it is to dedupe; `undefined` when dedupe is off or the sender gave no delivery key. */
  readonly identity: DeliveryIdentity | undefined;
  /** What `close()` reports about it while it is still running. */
  readonly info: UnfinishedDelivery;
  /** Aborts the handlers' `signal`: the deadline passed, or the receiver closed first. */
  readonly abort: LazyAbortController;
  /** What its handlers receive as their second argument. */
  readonly context: HandlerContext<unknown>;
}

export interface DeliverySetting {
  /** The provider's name, which prefixes dedupe keys and names the context's provider. */
  readonly provider: string;
  readonly dedupe: DedupeGuard | undefined;
}

/** One event of a batch: the batch's abort controller, shared by every event in it. */
export interface BatchMember {
  readonly abort: LazyAbortController;
}

export function deliveryOf<Meta>(
  { provider, dedupe }: DeliverySetting,
  { event, input, secretIndex }: VerifiedDelivery<Meta>,
  batch?: BatchMember,
): Delivery<Meta> {
  const abort = batch?.abort ?? new LazyAbortController();
  return {
    event,
    input,
    secretIndex,
    // Digested only when dedupe can use it: it runs on every deduped delivery, over every byte.
    identity:
      dedupe !== undefined && event.deliveryKey !== undefined
        ? {
            provider,
            deliveryKey: event.deliveryKey,
            key: dedupeKey(provider, event.deliveryKey),
            digest:
              batch === undefined
                ? bodyDigest(event.digestBytes ?? input.body)
                : keyDigest(event.deliveryKey),
          }
        : undefined,
    info: { event: event.name, deliveryKey: event.deliveryKey },
    abort,
    context: handlerContextOf(
      provider,
      event,
      { headers: input.headers, query: input.query, receivedAt: input.now, secretIndex },
      abort,
    ),
  };
}

/**
 * In a batch the sender's key alone names the event: a redelivery may group events differently
 * and marks each as redelivered (LINE's `deliveryContext.isRedelivery`), so neither the body's
 * bytes nor the event's are the same on the retry, while the event is.
 */
function keyDigest(deliveryKey: string): string {
  return bodyDigest(new TextEncoder().encode(deliveryKey));
}
