import type { EventMap, HandlerContext } from '../event-map.js';
import type { WebhookResponse } from '../http/types.js';
import type { Logger } from '../logger.js';
import type { ParsedEvent, Provider } from '../provider.js';
import type { LazyAbortController } from './lazy-abort.js';
import type { UnfinishedDelivery, WorkTracker } from './work-tracker.js';

export interface AckDeadlineParts<Meta> {
  readonly provider: Pick<Provider<EventMap, Meta>, 'name' | 'fallback' | 'respond'>;
  readonly deadlineMs: number | undefined;
  readonly logger: Logger;
  readonly tracker: WorkTracker;
  /** The handlers' reply → the answer; throws a `HandlerError` for a reply the event cannot carry. */
  readonly respondWith: (reply: unknown, event: ParsedEvent<Meta>) => WebhookResponse;
  readonly reportHandlerError: (error: unknown, context: HandlerContext<unknown>) => Promise<void>;
}

/** The delivery whose handlers are running, and what to do if they fail after the fallback. */
export interface DeadlineRun<Meta> {
  readonly event: ParsedEvent<Meta>;
  readonly context: HandlerContext<unknown>;
  readonly info: UnfinishedDelivery;
  readonly abort: LazyAbortController;
  /**
   * Forgets the fallback answer dedupe remembered for this delivery (see `ForgetAnswer`); absent
   * when the delivery is not deduped.
   */
  readonly forgetAnswer?: (() => Promise<void>) | undefined;
}

/** Turns the handlers' pending reply into the answer the sender gets, within the sender's ack budget. */
export type AnswerWithinDeadline<Meta> = (
  work: Promise<unknown>,
  run: DeadlineRun<Meta>,
) => Promise<WebhookResponse>;

/**
 * Answers with the handlers' reply, or with the provider's fallback once the deadline passes.
 * Past it the handlers go on in the background: their `signal` is aborted, the work stays tracked
 * for close(), and a failure or an unusable late reply is reported through `onError`, since no
 * sender will ever see it. Dedupe remembers the fallback, so a duplicate meanwhile gets what the
 * sender got; a late failure makes it forget, so the sender's retry (GitHub's "Redeliver") runs
 * the handlers again, as for any failed delivery. A late success keeps the fallback remembered.
 * One promise and one timer per delivery, because this runs on every delivery whose handlers are
 * async (`Promise.race` over helper promises cost ~1 µs more each).
 */
export function createAnswerWithinDeadline<Meta>(parts: AckDeadlineParts<Meta>): AnswerWithinDeadline<Meta> {
  const { provider, deadlineMs, logger, tracker, respondWith, reportHandlerError } = parts;
  const delay = deadlineMs !== undefined && Number.isFinite(deadlineMs) ? Math.max(0, deadlineMs) : undefined;

  return (work, { event, context, info, abort, forgetAnswer }) =>
    new Promise((resolve, reject) => {
      /** Reported and forgotten; the delivery stays tracked for close() until both are over. */
      const lateFailure = (error: unknown, done: () => void): void => {
        void Promise.allSettled([reportHandlerError(error, context), forgetAnswer?.()]).then(done);
      };
      let lateWorkDone: (() => void) | undefined;
      const timer =
        delay === undefined
          ? undefined
          : setTimeout(() => {
              abort.abort(new Error('ack deadline passed'));
              logger.warn('ack deadline passed; answering with the fallback, handler continues', {
                provider: provider.name,
                event: event.name,
                deadlineMs,
              });
              lateWorkDone = tracker.begin(info, abort);
              try {
                resolve(provider.fallback ? provider.fallback(event) : provider.respond(undefined, event));
              } catch (error) {
                reject(error);
              }
            }, delay);
      work.then(
        (value) => {
          clearTimeout(timer);
          let response: WebhookResponse;
          try {
            response = respondWith(value, event);
          } catch (error) {
            if (lateWorkDone === undefined) return reject(error);
            return lateFailure(error, lateWorkDone);
          }
          if (lateWorkDone === undefined) resolve(response);
          else lateWorkDone();
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (lateWorkDone === undefined) reject(error);
          else lateFailure(error, lateWorkDone);
        },
      );
    });
}
