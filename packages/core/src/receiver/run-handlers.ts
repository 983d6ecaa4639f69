import { HandlerError } from '../errors.js';
import type { HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';
import type { AnyHandler } from './handler-registry.js';

type Call = (event: unknown, context: HandlerContext<unknown>) => unknown;

/**
 * Runs the matching handlers one after another, in registration order. The first reply that is
 * not `undefined` is the answer; later handlers still run (for side effects) and a second reply
 * is logged and ignored. Any throw fails the delivery, so senders that retry will retry.
 *
 * Synchronous until a handler returns a promise: when every handler returns a plain value, the
 * reply comes back as that value (no promise, no microtask), so the caller can answer without a
 * deadline timer or work tracking, neither of which can matter for work that is already over.
 * From the first promise on, the result is a `Promise` that settles with the reply. A reply is
 * never itself a promise (a handler's promise is awaited), so `instanceof Promise` tells them apart.
 * Throws (or rejects with) a `HandlerError` wrapping what the handler threw.
 */
export function runHandlers(
  handlers: readonly AnyHandler[],
  event: unknown,
  context: HandlerContext<unknown>,
  logger: Logger,
): unknown {
  let reply: unknown;
  for (let index = 0; index < handlers.length; index++) {
    let result: unknown;
    try {
      result = (handlers[index] as Call)(event, context);
    } catch (error) {
      throw handlerFailed(error);
    }
    if (isThenable(result)) return finishAsync(result, index, reply, handlers, event, context, logger);
    reply = firstReply(reply, result, context, logger);
  }
  return reply;
}

/** The rest of `runHandlers` once a handler returned a promise: await it, then go on in order. */
async function finishAsync(
  pending: PromiseLike<unknown>,
  index: number,
  replySoFar: unknown,
  handlers: readonly AnyHandler[],
  event: unknown,
  context: HandlerContext<unknown>,
  logger: Logger,
): Promise<unknown> {
  let reply = replySoFar;
  let result: PromiseLike<unknown> | unknown = pending;
  for (let at = index; ; ) {
    try {
      reply = firstReply(reply, await result, context, logger);
    } catch (error) {
      throw handlerFailed(error);
    }
    if (++at >= handlers.length) return reply;
    try {
      result = (handlers[at] as Call)(event, context);
    } catch (error) {
      throw handlerFailed(error);
    }
  }
}

function firstReply(
  reply: unknown,
  result: unknown,
  context: HandlerContext<unknown>,
  logger: Logger,
): unknown {
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
