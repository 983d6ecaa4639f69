import { storeUnavailableError } from '../dedupe/responses.js';
import {
  type DedupeGuard,
  type DeliveryIdentity,
  type ForgetAnswer,
  firstClaim,
  runOnce,
} from '../dedupe/run-once.js';
import { describeThrown } from '../describe-thrown.js';
import type { EventMap, HandlerContext } from '../event-map.js';
import type { WebhookResponse } from '../http/types.js';
import type { ParsedEvent, Provider } from '../provider.js';
import { answerWithinDeadline, type DeadlineSetting, respondWith } from './ack-deadline.js';
import { answerBatch, type VerifiedBatch } from './deliver-batch.js';
import { type Delivery, deliveryOf, type VerifiedDelivery } from './delivery.js';
import { errorAnswerOf } from './error-answer.js';
import { handlerContextOf, handlerEventOf } from './handler-context.js';
import { reportHandlerError } from './handler-failure.js';
import type { HandlerRegistry } from './handler-registry.js';
import { type Inbox, type InboxDelivery, toInboxDelivery } from './inbox.js';
import { LazyAbortController } from './lazy-abort.js';
import type { ReceiverMode } from './options.js';
import { runHandlers } from './run-handlers.js';

export interface PipelineParts<M extends EventMap, Meta> extends DeadlineSetting<Meta> {
  readonly provider: Provider<M, Meta>;
  readonly registry: HandlerRegistry;
  readonly dedupe: DedupeGuard | undefined;
  readonly mode: ReceiverMode;
  readonly inbox: Inbox | undefined;
}

export interface DeliveryPipeline<Meta> {
  /** A verified, parsed delivery → its answer, per the receiver's mode. Rejects with a `WebhookError`. */
  deliver(verified: VerifiedDelivery<Meta>): Promise<WebhookResponse>;
  /**
   * A delivery of several events: each one dispatched, deduped, backgrounded or enqueued on its
   * own, per the receiver's mode; one answer for the delivery. Rejects with a `WebhookError`.
   */
  deliverBatch(verified: VerifiedBatch<Meta>): Promise<WebhookResponse>;
  /** Runs the handlers for a delivery taken from an inbox; rejects with what a handler threw. */
  process(delivery: InboxDelivery, signal: AbortSignal | undefined): Promise<void>;
}

/** Everything after verify and parse: dedupe, the mode, the deadline, background work. */
export function createDeliveryPipeline<M extends EventMap, Meta>(
  parts: PipelineParts<M, Meta>,
): DeliveryPipeline<Meta> {
  const { provider, registry, logger, tracker, dedupe, mode, inbox } = parts;
  const setting = { provider: provider.name, dedupe };
  const answerError = errorAnswerOf(provider);
  const storeUnavailable = () => answerError(storeUnavailableError());

  /** The handlers' reply: a plain value when every handler was synchronous, else a promise. Throws. */
  function runFor(event: Parameters<typeof handlerEventOf>[0], context: HandlerContext<unknown>): unknown {
    const handlers = registry.match(event.name, event.known);
    return runHandlers({ handlers, event: handlerEventOf(event), context, logger });
  }

  /** Ack-first and inbox runs: the 2xx went out before the handlers ran, so any reply is late. */
  function handOverReply(
    reply: unknown,
    event: Parameters<typeof handlerEventOf>[0],
    context: HandlerContext<unknown>,
  ): Promise<void> {
    return parts.handOverLateReply({
      name: event.name,
      event: handlerEventOf(event),
      reply,
      context,
      after: 'ack-first',
    });
  }

  /** Runs `work` once per delivery across everything sharing the store; no identity → just runs it. */
  async function once(
    identity: DeliveryIdentity | undefined,
    work: (forgetAnswer: ForgetAnswer | undefined) => Promise<WebhookResponse>,
  ): Promise<WebhookResponse> {
    if (identity === undefined || dedupe === undefined) return work(undefined);
    const first = await firstClaim(dedupe, identity, logger);
    if (first === undefined) return storeUnavailable();
    return runOnce({ guard: dedupe, delivery: identity, first, work, logger, answerError });
  }

  /** Reply mode: the handlers' reply is the answer, unless the deadline passes first. */
  function reply(delivery: Delivery<Meta>): Promise<WebhookResponse> {
    const { event, context, info, abort } = delivery;
    const failed = async (error: unknown): Promise<never> => {
      await reportHandlerError(parts, error, context);
      throw error;
    };
    // The deadline is raced inside the deduped unit, so what dedupe remembers is the answer the
    // sender actually got: a duplicate after a fallback gets the fallback, not the late reply.
    const run = (forgetAnswer?: ForgetAnswer): WebhookResponse | Promise<WebhookResponse> => {
      const answer = runFor(event, context);
      // Every handler returned a plain value: the work is over, no deadline can pass.
      if (!(answer instanceof Promise)) return respondWith(provider, answer, event);
      return answerWithinDeadline(parts, { work: answer, delivery, forgetAnswer });
    };
    if (delivery.identity === undefined || dedupe === undefined) {
      let answer: WebhookResponse | Promise<WebhookResponse>;
      try {
        answer = run();
      } catch (error) {
        return failed(error);
      }
      if (!(answer instanceof Promise)) return Promise.resolve(answer);
      return tracker.track(answer, info, abort).catch(failed);
    }
    return tracker
      .track(
        once(delivery.identity, async (forgetAnswer) => run(forgetAnswer)),
        info,
        abort,
      )
      .catch(failed);
  }

  /**
   * Ack-first mode: the sender gets its 2xx now, the handlers run in the background once `after`
   * has settled (the previous event of the same batch, so a batch's events run in the sender's
   * order, as they do in reply mode). `settled` is when this event's run is over, however it went.
   */
  async function ackFirst(
    delivery: Delivery<Meta>,
    after: Promise<void> = Promise.resolve(),
  ): Promise<{ readonly answer: WebhookResponse; readonly settled: Promise<void> }> {
    const { event, identity, info, abort, context } = delivery;
    const ack = provider.respond(undefined, event);
    const run = () =>
      after
        .then(() => runFor(event, context))
        .then(async (answer) => {
          if (answer !== undefined) await handOverReply(answer, event, context);
          return ack;
        });
    // Registered before the first await, so a close() that starts meanwhile still waits for it.
    const finish = tracker.begin(info, abort);
    let job: Promise<WebhookResponse>;
    if (identity !== undefined && dedupe !== undefined) {
      const first = await firstClaim(dedupe, identity, logger);
      if (first === undefined) {
        finish();
        return { answer: storeUnavailable(), settled: after };
      }
      if (first.claim.state === 'done') {
        finish();
        return { answer: first.claim.response, settled: after };
      }
      // In flight elsewhere: answer now, and take over in the background if that run fails.
      job = runOnce({ guard: dedupe, delivery: identity, first, work: run, logger, answerError });
    } else {
      job = run();
    }
    const settled = job
      .then(
        (response) => {
          if (response.status >= 500)
            logger.warn('a duplicate stopped waiting for the first run', { ...info });
        },
        (error: unknown) => reportHandlerError(parts, error, context),
      )
      .finally(finish);
    return { answer: ack, settled };
  }

  /** Ack-first batches: each event claimed and started in order, each run after the one before it. */
  async function ackFirstInOrder(deliveries: readonly Delivery<Meta>[]): Promise<WebhookResponse[]> {
    // Held from the start, so a close() while an earlier event's claim is pending still waits for
    // the later ones; each hold is handed over to the event's own registration as it starts.
    const holds = deliveries.map((delivery) => tracker.begin(delivery.info, delivery.abort));
    const answers: WebhookResponse[] = [];
    let previous: Promise<void> = Promise.resolve();
    try {
      for (const [index, delivery] of deliveries.entries()) {
        holds[index]?.();
        const started = await ackFirst(delivery, previous);
        answers.push(started.answer);
        previous = started.settled;
      }
      return answers;
    } finally {
      for (const hold of holds) hold();
    }
  }

  /** Inbox mode: the sender gets its 2xx once the inbox holds the delivery; workers run it later. */
  function enqueueFirst(delivery: Delivery<Meta>, target: Inbox): Promise<WebhookResponse> {
    const { event, input, secretIndex, identity, info } = delivery;
    const ack = provider.respond(undefined, event);
    const stored = toInboxDelivery(provider, event as ParsedEvent, input, secretIndex);
    const run = () =>
      target.enqueue(stored).then(
        () => ack,
        (error: unknown) => {
          logger.error('the inbox refused a delivery; answering 503 so the sender retries', {
            provider: provider.name,
            error: describeThrown(error),
          });
          return storeUnavailable();
        },
      );
    return tracker.track(once(identity, run), info);
  }

  /** One event of a batch in reply mode: its handlers, run once per event key; replies refused. */
  function runBatchEvent(delivery: Delivery<Meta>, answer: WebhookResponse): Promise<WebhookResponse> {
    const { event, context } = delivery;
    return once(delivery.identity, async () => {
      const reply = await runFor(event, context);
      // No event owns a batch's answer; a batched sender's respond() refuses any reply.
      if (reply !== undefined) respondWith(provider, reply, event);
      return answer;
    });
  }

  /** Ack-first and inbox batches: the batch's answer, unless an event's dedupe or enqueue refused. */
  function answerUnlessRefused(
    responses: readonly WebhookResponse[],
    answer: WebhookResponse,
  ): WebhookResponse {
    return responses.find((response) => response.status >= 500) ?? answer;
  }

  /** Inbox mode: one entry per event, written in order; the first refusal stops the rest. */
  async function enqueueBatch(
    deliveries: readonly Delivery<Meta>[],
    target: Inbox,
    answer: WebhookResponse,
  ): Promise<WebhookResponse> {
    // Registered before the first write, so a close() between two writes still waits for the rest.
    const finishes = deliveries.map((delivery) => tracker.begin(delivery.info));
    try {
      for (const delivery of deliveries) {
        // Written events are remembered by dedupe, so the sender's retry writes only the rest.
        const response = await enqueueFirst(delivery, target);
        if (response.status >= 500) return response;
      }
      return answer;
    } finally {
      for (const finish of finishes) finish();
    }
  }

  return {
    deliverBatch({ batch, input, secretIndex }) {
      const { events, answer } = batch;
      if (events.length === 0) return Promise.resolve(answer);
      const abort = new LazyAbortController();
      const deliveries = events.map((event) => deliveryOf(setting, { event, input, secretIndex }, { abort }));
      if (inbox !== undefined) return enqueueBatch(deliveries, inbox, answer);
      if (mode === 'ack-first') {
        return ackFirstInOrder(deliveries).then((acks) => answerUnlessRefused(acks, answer));
      }
      return answerBatch(parts, {
        deliveries,
        answer,
        abort,
        runEvent: (delivery) => runBatchEvent(delivery, answer),
      });
    },

    deliver(verified) {
      const delivery = deliveryOf(setting, verified);
      if (inbox !== undefined) return enqueueFirst(delivery, inbox);
      if (mode === 'ack-first') return ackFirst(delivery).then((started) => started.answer);
      return reply(delivery);
    },

    async process(stored, signal) {
      if (stored.provider !== provider.name) {
        throw new TypeError(
          `hookguard: a ${stored.provider} delivery cannot run on a ${provider.name} receiver`,
        );
      }
      const abort = new AbortController();
      const context = handlerContextOf(
        provider.name,
        stored,
        {
          headers: stored.headers,
          query: new URLSearchParams(stored.query),
          receivedAt: stored.receivedAt,
          secretIndex: stored.secretIndex,
        },
        { signal: signal ? AbortSignal.any([signal, abort.signal]) : abort.signal },
      );
      const job = tracker.track(
        promiseOf(() => runFor(stored, context)),
        { event: stored.name, deliveryKey: stored.deliveryKey },
        abort,
      );
      try {
        const answer = await job;
        if (answer !== undefined) await handOverReply(answer, stored, context);
      } catch (error) {
        await reportHandlerError(parts, error, context);
        throw error;
      }
    },
  };
}

/** What `fn` returns or throws, as a promise (for callers that always wait). */
function promiseOf<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}
