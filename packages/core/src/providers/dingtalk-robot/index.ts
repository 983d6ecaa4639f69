import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import {
  type DingtalkRobotEventName,
  type DingtalkRobotEventOf,
  dingtalkRobotEventSchemas,
} from './events.js';
import { type DingtalkRobotReply, serialiseRobotReply } from './replies.js';
import {
  DINGTALK_ROBOT_SIGN_HEADER,
  DINGTALK_ROBOT_TIMESTAMP_HEADER,
  verifyDingtalkRobot,
} from './verify.js';

export type { DingtalkAt, DingtalkRobotReply } from './replies.js';

export interface DingtalkRobotOptions {
  /** The robot app's AppSecret (Client Secret), or several during a change. */
  readonly appSecret: Secret;
}

/** Every message may be answered with a message, written in the response. */
export type DingtalkRobotEvents = {
  readonly [N in DingtalkRobotEventName]: EventDef<DingtalkRobotEventOf<N>, DingtalkRobotReply>;
};

export interface DingtalkRobotMeta {
  /** The signed `timestamp` header: when DingTalk sent, Unix milliseconds as text. */
  readonly timestamp: string | undefined;
}

export interface DingtalkRobotProvider extends Provider<DingtalkRobotEvents, DingtalkRobotMeta> {
  readonly eventNames: readonly DingtalkRobotEventName[];
}

const eventNames = Object.keys(dingtalkRobotEventSchemas) as DingtalkRobotEventName[];

/**
 * A DingTalk enterprise robot's message callback in HTTP mode: the message JSON, `timestamp` and
 * `sign` headers that prove the AppSecret but **not the body** (SECURITY.md); a handler may answer
 * with a message written in the response. DingTalk recommends Stream mode, or the encrypted
 * event subscription (`dingtalk()`), where the body matters.
 */
export function dingtalkRobot(options: DingtalkRobotOptions): DingtalkRobotProvider {
  const secrets = secretList(options?.appSecret, 'dingtalkRobot(): appSecret');
  if (secrets.length === 0) {
    throw new TypeError("hookguard dingtalkRobot(): appSecret is required: the robot app's AppSecret");
  }
  return {
    name: 'dingtalk-robot',
    proofNames: { headers: [DINGTALK_ROBOT_SIGN_HEADER], query: [] },
    eventNames,
    verify: (input) => verifyDingtalkRobot(secrets, input),
    parse(payload, input): ParsedEvent<DingtalkRobotMeta> {
      const body = payload as { msgtype?: unknown; msgId?: unknown } | null;
      const type = typeof body?.msgtype === 'string' && body.msgtype !== '' ? body.msgtype : undefined;
      const msgId = typeof body?.msgId === 'string' && body.msgId !== '' ? body.msgId : undefined;
      return parsedEvent(resolveEvent(dingtalkRobotEventSchemas, [type], payload), msgId, {
        timestamp: headerValue(input.headers, DINGTALK_ROBOT_TIMESTAMP_HEADER),
      });
    },
    respond: (reply) => serialiseRobotReply(reply),
  };
}
