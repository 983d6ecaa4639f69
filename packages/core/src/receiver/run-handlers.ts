import { HandlerError } from '../errors.js';
import type { HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';
import type { AnyHandler } from './handler-registry.js';

type Call = (event: unknown, context: HandlerContext<unknown>) => unknown;

/**
 * Runs the matching handlers one after another, in registration order, each awaited before the
 * next starts. The first reply that is not `undefined` is the answer; later handlers still run
 * (for side effects) and a second reply is logged and ignored. Any throw or rejection fails the
 * delivery, so senders that retry will retry: the promise rejects with a `HandlerError` wrapping
 * what the handler threw.
 */
export async function runHandlers(
  handlers: readonly AnyHandler[],
  event: unknown,
  context: HandlerContext<unknown>,
  logger: Logger,
): Promise<unknown> {
  let reply: unknown;
  for (const handler of handlers) {
    let result: unknown;
    try {
      result = await (handler as Call)(event, context);
    } catch (error) {
      throw new HandlerError('HANDLER_FAILED', 'The webhook handler failed', error);
    }
    if (result === undefined) continue;
    if (reply === undefined) reply = result;
    else logger.warn('a second handler returned a reply; only the first is sent', { event: context.name });
  }
  return reply;
}
