import { bodyDigest } from '../dedupe/body-digest.js';
import { storeUnavailableResponse } from '../dedupe/responses.js';
import {
  type DedupeGuard,
  type DeliveryIdentity,
  dedupeKey,
  type ForgetAnswer,
  firstClaim,
  runOnce,
} from '../dedupe/run-once.js';
import { describeThrown } from '../describe-thrown.js';
import { HandlerError } from '../errors.js';
import type { EventMap, HandlerContext } from '../event-map.js';
import type { WebhookResponse } from '../http/types.js';
import type { Logger } from '../logger.js';
import type { ParsedEvent, Provider, VerifyInput } from '../provider.js';
import { createAnswerWithinDeadline } from './ack-deadline.js';
import { handlerContextOf, handlerEventOf } from './handler-context.js';
import type { HandlerRegistry } from './handler-registry.js';
import { type Inbox, type InboxDelivery, toInboxDelivery } from './inbox.js';
import { LazyAbortController } from './lazy-abort.js';
import type { ReceiverMode } from './options.js';
import { runHandlers } from './run-handlers.js';
import type { UnfinishedDelivery, WorkTracker } from './work-tracker.js';

export interface PipelineParts<M extends EventMap, Meta> {
  readonly provider: Provider<M, Meta>;
  readonly registry: HandlerRegistry;
  readonly logger: Logger;
  readonly tracker: WorkTracker;
  readonly dedupe: DedupeGuard | undefined;
  readonly mode: ReceiverMode;
  readonly inbox: Inbox | undefined;
  readonly deadlineMs: number | undefined;
  readonly onError: ((error: unknown, context: HandlerContext<unknown>) => void | Promise<void>) | undefined;
}

export interface DeliveryPipeline<Meta> {
  /** A verified, parsed delivery → its answer, per the receiver's mode. Rejects with a `WebhookError`. */
  deliver(
    event: ParsedEvent<Meta>,
    input: VerifyInput,
    secretIndex: number | undefined,
  ): Promise<WebhookResponse>;
  /** Runs the handlers for a delivery taken from an inbox; rejects with what a handler threw. */
  process(delivery: InboxDelivery, signal: AbortSignal | undefined): Promise<void>;
}

/** Everything after verify and parse: dedupe, the mode, the deadline, background work. */
export function createDeliveryPipeline<M extends EventMap, Meta>(
  parts: PipelineParts<M, Meta>,
): DeliveryPipeline<Meta> {
  const { provider, registry, logger, tracker, dedupe, mode, inbox, deadlineMs } = parts;
  let warnedIgnoredReply = false;

  /**
   * Logs the failure and hands `onError` what the handler threw. Never rejects, whatever was
   * thrown: in ack-first mode and past a deadline nobody awaits it, so a rejection here would be
   * unhandled and end the process.
   */
  async function reportHandlerError(error: unknown, context: HandlerContext<unknown>): Promise<void> {
    const original = originalOf(error);
    logger.error('webhook handler failed', {
      provider: provider.name,
      event: context.name,
      deliveryKey: context.deliveryKey,
      error: describeThrown(original),
    });
    try {
      await parts.onError?.(original, context);
    } catch (hookError) {
      logger.error('onError itself threw', { error: describeThrown(hookError) });
    }
  }

  /** The handlers' reply: a plain value when every handler was synchronous, else a promise. Throws. */
  function runFor(event: Parameters<typeof handlerEventOf>[0], context: HandlerContext<unknown>): unknown {
    return runHandlers(registry.match(event.name, event.known), handlerEventOf(event), context, logger);
  }

  function respondWith(reply: unknown, event: ParsedEvent<Meta>): WebhookResponse {
    try {
      return provider.respond(reply, event);
    } catch (error) {
      throw new HandlerError('INVALID_REPLY', 'The handler returned a reply this event cannot carry', error);
    }
  }

  const answerWithinDeadline = createAnswerWithinDeadline<Meta>({
    provider,
    deadlineMs,
    logger,
    tracker,
    respondWith,
    reportHandlerError,
  });

  function noteIgnoredReply(reply: unknown): void {
    if (reply === undefined || warnedIgnoredReply) return;
    warnedIgnoredReply = true;
    logger.warn('a handler returned a reply, but ack-first mode has already answered; replies are dropped', {
      provider: provider.name,
    });
  }

  /** Runs `work` once per delivery across everything sharing the store; no key → just runs it. */
  async function once(
    delivery: DeliveryIdentity | undefined,
    work: (forgetAnswer: ForgetAnswer | undefined) => Promise<WebhookResponse>,
  ): Promise<WebhookResponse> {
    if (delivery === undefined || dedupe === undefined) return work(undefined);
    const first = await firstClaim(dedupe, delivery, logger);
    if (first === undefined) return storeUnavailableResponse();
    return runOnce({ guard: dedupe, delivery, first, work, logger });
  }

  function contextFor(
    event: ParsedEvent<Meta>,
    input: VerifyInput,
    secretIndex: number | undefined,
    abort: { readonly signal: AbortSignal },
  ) {
    return handlerContextOf(
      provider.name,
      event,
      { headers: input.headers, query: input.query, receivedAt: input.now, secretIndex },
      abort,
    );
  }

  function reply(
    event: ParsedEvent<Meta>,
    input: VerifyInput,
    secretIndex: number | undefined,
    delivery: DeliveryIdentity | undefined,
    info: UnfinishedDelivery,
  ): Promise<WebhookResponse> {
    const abort = new LazyAbortController();
    const context = contextFor(event, input, secretIndex, abort);
    const failed = async (error: unknown): Promise<never> => {
      await reportHandlerError(error, context);
      throw error;
    };
    // The deadline is raced inside the deduped unit, so what dedupe remembers is the answer the
    // sender actually got: a duplicate after a fallback gets the fallback, not the late reply.
    const run = (forgetAnswer?: ForgetAnswer): WebhookResponse | Promise<WebhookResponse> => {
      const answer = runFor(event, context);
      // Every handler returned a plain value: the work is over, no deadline can pass.
      if (!(answer instanceof Promise)) return respondWith(answer, event);
      return answerWithinDeadline(answer, { event, context, info, abort, forgetAnswer });
    };
    if (delivery === undefined) {
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
        once(delivery, async (forgetAnswer) => run(forgetAnswer)),
        info,
        abort,
      )
      .catch(failed);
  }

  async function ackFirst(
    event: ParsedEvent<Meta>,
    input: VerifyInput,
    secretIndex: number | undefined,
    delivery: DeliveryIdentity | undefined,
    info: UnfinishedDelivery,
  ): Promise<WebhookResponse> {
    const ack = provider.respond(undefined, event);
    const abort = new LazyAbortController();
    const context = contextFor(event, input, secretIndex, abort);
    const run = () =>
      promiseOf(() => runFor(event, context)).then((answer) => {
        noteIgnoredReply(answer);
        return ack;
      });
    // Registered before the first await, so a close() that starts meanwhile still waits for it.
    const finish = tracker.begin(info, abort);
    let job: Promise<WebhookResponse>;
    if (delivery !== undefined && dedupe !== undefined) {
      const first = await firstClaim(dedupe, delivery, logger);
      if (first === undefined) {
        finish();
        return storeUnavailableResponse();
      }
      if (first.claim.state === 'done') {
        finish();
        return first.claim.response;
      }
      // In flight elsewhere: answer now, and take over in the background if that run fails.
      job = runOnce({ guard: dedupe, delivery, first, work: run, logger });
    } else {
      job = run();
    }
    job
      .then(
        (response) => {
          if (response.status >= 500)
            logger.warn('a duplicate stopped waiting for the first run', { ...info });
        },
        (error: unknown) => reportHandlerError(error, context),
      )
      .finally(finish);
    return ack;
  }

  function enqueueFirst(
    event: ParsedEvent<Meta>,
    input: VerifyInput,
    secretIndex: number | undefined,
    delivery: DeliveryIdentity | undefined,
    info: UnfinishedDelivery,
    target: Inbox,
  ): Promise<WebhookResponse> {
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
          return storeUnavailableResponse();
        },
      );
    return tracker.track(once(delivery, run), info);
  }

  return {
    deliver(event, input, secretIndex) {
      // Digested only when dedupe can use it: it runs on every deduped delivery, over every byte.
      const delivery: DeliveryIdentity | undefined =
        dedupe !== undefined && event.deliveryKey !== undefined
          ? {
              provider: provider.name,
              deliveryKey: event.deliveryKey,
              key: dedupeKey(provider.name, event.deliveryKey),
              digest: bodyDigest(input.body),
            }
          : undefined;
      const info: UnfinishedDelivery = { event: event.name, deliveryKey: event.deliveryKey };
      if (inbox !== undefined) return enqueueFirst(event, input, secretIndex, delivery, info, inbox);
      if (mode === 'ack-first') return ackFirst(event, input, secretIndex, delivery, info);
      return reply(event, input, secretIndex, delivery, info);
    },

    async process(delivery, signal) {
      if (delivery.provider !== provider.name) {
        throw new TypeError(
          `hookguard: a ${delivery.provider} delivery cannot run on a ${provider.name} receiver`,
        );
      }
      const abort = new AbortController();
      const context = handlerContextOf(
        provider.name,
        delivery,
        {
          headers: delivery.headers,
          query: new URLSearchParams(delivery.query),
          receivedAt: delivery.receivedAt,
          secretIndex: delivery.secretIndex,
        },
        { signal: signal ? AbortSignal.any([signal, abort.signal]) : abort.signal },
      );
      const job = tracker.track(
        promiseOf(() => runFor(delivery, context)),
        { event: delivery.name, deliveryKey: delivery.deliveryKey },
        abort,
      );
      try {
        noteIgnoredReply(await job);
      } catch (error) {
        await reportHandlerError(error, context);
        throw error;
      }
    },
  };
}

/**
 * What a handler threw, unwrapped from its `HandlerError`. Guarded: a revoked Proxy's `instanceof`
 * throws, and a thrown value reaching here unwrapped (a store or provider failure) must not.
 */
function originalOf(error: unknown): unknown {
  try {
    return error instanceof HandlerError ? error.cause : error;
  } catch {
    return error;
  }
}

/** What `fn` returns or throws, as a promise (for callers that always wait). */
function promiseOf<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error);
  }
}
