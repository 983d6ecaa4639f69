import { describeThrown } from '../describe-thrown.js';
import { HandlerError } from '../errors.js';
import type { HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';

/** Where a handler's failure goes: the receiver's logger and its `onError` hook. */
export interface FailureReporting {
  readonly provider: { readonly name: string };
  readonly logger: Logger;
  readonly onError: ((error: unknown, context: HandlerContext<unknown>) => void | Promise<void>) | undefined;
}

/**
 * Logs the failure and hands `onError` what the handler threw. Never rejects, whatever was
 * thrown: in ack-first mode and past a deadline nobody awaits it, so a rejection here would be
 * unhandled and end the process.
 */
export async function reportHandlerError(
  { provider, logger, onError }: FailureReporting,
  error: unknown,
  context: HandlerContext<unknown>,
): Promise<void> {
  const original = originalOf(error);
  logger.error('webhook handler failed', {
    provider: provider.name,
    event: context.name,
    deliveryKey: context.deliveryKey,
    error: describeThrown(original),
  });
  try {
    await onError?.(original, context);
  } catch (hookError) {
    logger.error('onError itself threw', { error: describeThrown(hookError) });
  }
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
