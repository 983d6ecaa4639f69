import { HandlerError } from '../errors.js';
import type { HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';
import type { AnyHandler } from './handler-registry.js';

type Call = (event: unknown, context: HandlerContext<unknown>) => unknown;

/** One delivery's matching handlers, with what they are called with. */
interface HandlerRun {
  readonly handlers: readonly AnyHandler[];
  readonly event: unknown;
  readonly context: HandlerContext<unknown>;
  readonly logger: Logger;
}

/**
 * Runs the matching handlers one after another, in registration order. The first reply that is
 * not `undefined` is the answer; later handlers still run (for side effects) and a second reply
 * is logged and ignored. Any throw fails the delivery, so senders that retry will retry.
 *
 * Synchronous until a handler returns a promise: when every handler returns a plain value, the
 * reply comes back as that value, so the caller can answer without a deadline timer or work
 * tracking, neither of which can matter for work that is already over (BENCHMARKS.md, "Hot-path
 * decisions"). From the first promise on, the result is a `Promise` that settles with the reply.
 * A reply is never itself a promise (a handler's promise is awaited), so `instanceof Promise`
 * tells them apart. Throws (or rejects with) a `HandlerError` wrapping what the handler threw.
 */
export function runHandlers(run: HandlerRun): unknown {
  const { handlers, event, context } = run;
  let reply: unknown;
  for (let index = 0; index < handlers.length; index++) {
    let result: unknown;
    try {
      result = (handlers[index] as Call)(event, context);
      // Inside the try: reading `then` can throw too (a getter), and that is the handler's failure.
      if (isThenable(result)) return finishAsync(run, { pending: result, next: index + 1, reply });
    } catch (error) {
      throw handlerFailed(error);
    }
    reply = firstReply(run, reply, result);
  }
  return reply;
}

/** Where `runHandlers` stopped: the promise a handler returned, the next handler, the reply so far. */
interface Paused {
  readonly pending: PromiseLike<unknown>;
  readonly next: number;
  readonly reply: unknown;
}

/** The rest of `runHandlers` once a handler returned a promise: await it, then go on in order. */
async function finishAsync(run: HandlerRun, paused: Paused): Promise<unknown> {
  const { handlers, event, context } = run;
  let reply = paused.reply;
  let result: unknown = paused.pending;
  for (let next = paused.next; ; next++) {
    try {
      reply = firstReply(run, reply, await result);
    } catch (error) {
      throw handlerFailed(error);
    }
    if (next >= handlers.length) return reply;
    try {
      result = (handlers[next] as Call)(event, context);
    } catch (error) {
      throw handlerFailed(error);
    }
  }
}

function firstReply({ context, logger }: HandlerRun, reply: unknown, result: unknown): unknown {
  if (result === undefined) return reply;
  if (reply === undefined) return result;
  logger.warn('a second handler returned a reply; only the first is sent', { event: context.name });
  return reply;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function handlerFailed(error: unknown): HandlerError {
  return new HandlerError('HANDLER_FAILED', 'The webhook handler failed', error);
}
