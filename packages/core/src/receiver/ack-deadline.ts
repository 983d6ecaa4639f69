import type { ForgetAnswer } from '../dedupe/run-once.js';
import { HandlerError } from '../errors.js';
import type { EventMap } from '../event-map.js';
import type { WebhookResponse } from '../http/types.js';
import type { ParsedEvent, Provider } from '../provider.js';
import type { Delivery } from './delivery.js';
import { handlerEventOf } from './handler-context.js';
import { type FailureReporting, reportHandlerError } from './handler-failure.js';
import type { HandOverLateReply } from './late-reply.js';
import type { WorkTracker } from './work-tracker.js';

/**
 * What the deadline needs from the receiver: its provider, deadline, tracker, failure reporting
 * and where a reply that comes too late goes.
 */
export interface DeadlineSetting<Meta> extends FailureReporting {
  readonly provider: Pick<Provider<EventMap, Meta>, 'name' | 'fallback' | 'respond'>;
  readonly deadlineMs: number | undefined;
  readonly tracker: WorkTracker;
  readonly handOverLateReply: HandOverLateReply;
}

/** The handlers' pending reply for one delivery. */
export interface DeadlineRun<Meta> {
  readonly work: Promise<unknown>;
  readonly delivery: Delivery<Meta>;
  /**
   * Forgets the fallback answer dedupe remembered for this delivery (see `ForgetAnswer`); absent
   * when the delivery is not deduped.
   */
  readonly forgetAnswer?: ForgetAnswer | undefined;
}

/**
 * Answers with the handlers' reply, or with the provider's fallback once the deadline passes.
 * Past it the handlers go on in the background: their `signal` is aborted, the work stays tracked
 * for close(), a late reply goes to `onLateReply` (or is logged as not sent), and a failure or an
 * unusable late reply is reported through `onError`, since no sender will ever see it. Dedupe remembers the fallback, so a duplicate meanwhile gets what the
 * sender got; a late failure makes it forget, so the sender's retry (GitHub's "Redeliver") runs
 * the handlers again, as for any failed delivery. A late success keeps the fallback remembered.
 * One promise and one timer rather than a race of helper promises (BENCHMARKS.md, "Hot-path
 * decisions").
 */
export function answerWithinDeadline<Meta>(
  setting: DeadlineSetting<Meta>,
  { work, delivery, forgetAnswer }: DeadlineRun<Meta>,
): Promise<WebhookResponse> {
  const { provider, deadlineMs, logger, tracker } = setting;
  const { event, context, info, abort } = delivery;
  const delay = deadlineMs !== undefined && Number.isFinite(deadlineMs) ? Math.max(0, deadlineMs) : undefined;
  return new Promise((resolve, reject) => {
    /** Reported and forgotten; the delivery stays tracked for close() until both are over. */
    const lateFailure = (error: unknown, done: () => void): void => {
      void Promise.allSettled([reportHandlerError(setting, error, context), forgetAnswer?.()]).then(done);
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
          response = respondWith(provider, value, event);
        } catch (error) {
          if (lateWorkDone === undefined) return reject(error);
          return lateFailure(error, lateWorkDone);
        }
        if (lateWorkDone === undefined) return resolve(response);
        const done = lateWorkDone;
        void setting
          .handOverLateReply({
            name: event.name,
            event: handlerEventOf(event),
            reply: value,
            context,
            after: 'deadline',
          })
          .then(done);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (lateWorkDone === undefined) reject(error);
        else lateFailure(error, lateWorkDone);
      },
    );
  });
}

/** The handlers' reply → the answer; throws a `HandlerError` for a reply the event cannot carry. */
export function respondWith<Meta>(
  provider: Pick<Provider<EventMap, Meta>, 'respond'>,
  reply: unknown,
  event: ParsedEvent<Meta>,
): WebhookResponse {
  try {
    return provider.respond(reply, event);
  } catch (error) {
    throw new HandlerError('INVALID_REPLY', 'The handler returned a reply this event cannot carry', error);
  }
}
