import { describeThrown } from '../describe-thrown.js';
import type { EventDef, EventMap, HandlerContext } from '../event-map.js';
import type { Logger } from '../logger.js';

/**
 * A reply no sender will read: the handler returned it after the ack deadline's fallback had
 * answered, or in ack-first mode (and in inbox workers), where the 2xx went out before the
 * handler ran. Discord's interaction token, OneBot's `self_id` and the like are in `event`, so the
 * app can still deliver it another way (Discord: edit the deferred message through the
 * interaction webhook). One member per event name, so `late.name === 'x'` narrows `event` and
 * `reply` together.
 */
export type LateReply<M extends EventMap = EventMap, Meta = unknown> = {
  [L in keyof M & string]: M[L] extends EventDef<infer E, infer R>
    ? [R] extends [never]
      ? never
      : {
          /** The event's full name. */
          readonly name: L;
          readonly event: E;
          /**
           * What the handler returned, as returned. After a deadline it was checked like any
           * reply (an unusable one goes to `onError` instead); in ack-first mode it is not.
           */
          readonly reply: R;
          readonly context: HandlerContext<Meta>;
          /** `deadline`: the fallback answered first; `ack-first`: the 2xx went out before the run. */
          readonly after: 'deadline' | 'ack-first';
        }
    : never;
}[keyof M & string];

export type LateReplyHook = (late: LateReply) => void | Promise<void>;

/** Where replies nobody will read go: the receiver's `onLateReply` hook, else its logger. */
export interface LateReplySetting {
  readonly provider: { readonly name: string };
  readonly logger: Logger;
  readonly onLateReply: LateReplyHook | undefined;
}

/**
 * Hands a late reply to `onLateReply`, or, without one, logs that it was not sent (per delivery
 * after a deadline, since each is a slow handler; once per receiver in ack-first mode, where every
 * reply is dropped by configuration). Never rejects: nobody awaits it but the work tracker.
 */
export function createLateReplies(setting: LateReplySetting) {
  const { provider, logger, onLateReply } = setting;
  let warnedAckFirst = false;
  return async function handOver(late: LateReply): Promise<void> {
    if (late.reply === undefined) return;
    if (onLateReply === undefined) {
      if (late.after === 'ack-first') {
        if (warnedAckFirst) return;
        warnedAckFirst = true;
        logger.warn(
          'a handler returned a reply, but ack-first mode has already answered; replies are dropped (pass onLateReply to send them another way)',
          { provider: provider.name },
        );
        return;
      }
      logger.warn(
        'a reply came after the ack deadline and was not sent (pass onLateReply to send it another way)',
        {
          provider: provider.name,
          event: late.name,
          deliveryKey: late.context.deliveryKey,
        },
      );
      return;
    }
    try {
      await onLateReply(late);
    } catch (error) {
      logger.error('onLateReply threw; the late reply was not sent', {
        provider: provider.name,
        event: late.name,
        deliveryKey: late.context.deliveryKey,
        error: describeThrown(error),
      });
    }
  };
}

export type HandOverLateReply = ReturnType<typeof createLateReplies>;
