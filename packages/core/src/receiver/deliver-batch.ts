import type { WebhookResponse } from '../http/types.js';
import type { ParsedBatch, VerifyInput } from '../provider.js';
import type { DeadlineSetting } from './ack-deadline.js';
import type { Delivery } from './delivery.js';
import { reportHandlerError } from './handler-failure.js';
import type { LazyAbortController } from './lazy-abort.js';

/** What verify and `parseBatch` produced for one request. */
export interface VerifiedBatch<Meta> {
  readonly batch: ParsedBatch<Meta>;
  readonly input: VerifyInput;
  readonly secretIndex: number | undefined;
}

/** A batch in reply mode: its events' deliveries, its answer, and how one event runs. */
export interface BatchRun<Meta> {
  /** One per event, in the sender's order, sharing `abort`. */
  readonly deliveries: readonly Delivery<Meta>[];
  readonly answer: WebhookResponse;
  readonly abort: LazyAbortController;
  /**
   * One event's handlers, deduped on the event's own key: the answer to remember for it, a 5xx
   * from dedupe (store unavailable, duplicate still in flight), or a rejection with what a
   * handler threw.
   */
  readonly runEvent: (delivery: Delivery<Meta>) => Promise<WebhookResponse>;
}

/** How a batch's events went: the first handler failure, else the first refusal from dedupe. */
interface BatchOutcome {
  readonly failure?: unknown;
  readonly refusal?: WebhookResponse | undefined;
}

/**
 * Runs a batch's events one after another, in the sender's order, each deduped on its own key,
 * and answers once for the delivery. A failed event does not stop the ones after it: the sender
 * retries the whole delivery, and on that retry every event that succeeded is answered from its
 * dedupe record without running, so only the failed ones run again (a sender that does not
 * retry, such as LINE without "Webhook redelivery", loses only the failed event). Any failure
 * answers with it (500); else a 5xx from dedupe; else the batch's answer. The deadline covers the
 * whole delivery: past it the batch's answer goes out and the remaining events go on in the
 * background, their failures reported through `onError` as they happen.
 */
export function answerBatch<Meta>(
  setting: DeadlineSetting<Meta>,
  run: BatchRun<Meta>,
): Promise<WebhookResponse> {
  const { deadlineMs, logger, provider } = setting;
  const work = runInOrder(setting, run);
  const delay = deadlineMs !== undefined && Number.isFinite(deadlineMs) ? Math.max(0, deadlineMs) : undefined;
  return new Promise((resolve, reject) => {
    let answered = false;
    const timer =
      delay === undefined
        ? undefined
        : setTimeout(() => {
            answered = true;
            run.abort.abort(new Error('ack deadline passed'));
            logger.warn('ack deadline passed; answering the batch, its handlers continue', {
              provider: provider.name,
              events: run.deliveries.length,
              deadlineMs,
            });
            resolve(run.answer);
          }, delay);
    void work.then(({ failure, refusal }) => {
      clearTimeout(timer);
      if (answered) return;
      if (failure !== undefined) reject(failure);
      else resolve(refusal ?? run.answer);
    });
  });
}

/** Never rejects: each failure is reported with its own event's context as it happens. */
async function runInOrder<Meta>(setting: DeadlineSetting<Meta>, run: BatchRun<Meta>): Promise<BatchOutcome> {
  const { tracker } = setting;
  // Every event is registered before the first runs, so close() waits for those not yet started.
  const finishes = run.deliveries.map((delivery) => tracker.begin(delivery.info, delivery.abort));
  let failure: unknown;
  let refusal: WebhookResponse | undefined;
  for (const [index, delivery] of run.deliveries.entries()) {
    try {
      const response = await run.runEvent(delivery);
      if (response.status >= 500) refusal ??= response;
    } catch (error) {
      await reportHandlerError(setting, error, delivery.context);
      failure ??= error;
    } finally {
      finishes[index]?.();
    }
  }
  return { failure, refusal };
}
