import { type Secret, secretList } from '../../crypto/secrets.js';
import { VerificationError } from '../../errors.js';
import type { EventDef } from '../../event-map.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveOption } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { type TencentChatCommand, type TencentChatEventOf, tencentChatEventSchemas } from './events.js';
import { type TencentChatMeta, tencentChatMetaOf } from './meta.js';
import type { TencentReplyFor } from './reply.js';
import { deadlineAnswer, serialiseTencentReply } from './respond.js';
import { verifyTencentChat } from './verify.js';

type DeadlineChoice = 'allow' | 'reject';

interface TencentChatCommonOptions {
  /** Your SDKAppID: callbacks for another app are refused with 401, as Tencent tells backends to check. */
  readonly sdkAppId?: string | number;
  /** Largest accepted difference between `RequestTime` and now, in seconds. Default 60 (Tencent's rule). */
  readonly toleranceSeconds?: number;
  /**
   * Budget for handlers before the deadline answer is sent. Default 1 500 ms, under Tencent's 2 s
   * timeout with room for the network; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
  /**
   * What a before-callback answers when its handlers miss the deadline (they go on in the
   * background). Default `'allow'`, Tencent's own timeout policy; a function can choose per command.
   */
  readonly onDeadline?: DeadlineChoice | ((command: string) => DeadlineChoice);
}

export type TencentChatOptions = TencentChatCommonOptions &
  (
    | {
        /** The callback-authentication token from the console; several during a rotation. */
        readonly token: Secret;
        readonly allowUnsigned?: boolean;
      }
    | {
        readonly token?: undefined;
        /** Accept callbacks without `Sign` (authentication off in the console). Anyone who can reach the URL can then post. */
        readonly allowUnsigned: true;
      }
  );

export type TencentChatEvents = {
  readonly [C in TencentChatCommand]: EventDef<TencentChatEventOf<C>, TencentReplyFor<C>>;
};

export interface TencentChatProvider extends Provider<TencentChatEvents, TencentChatMeta> {
  readonly eventNames: readonly TencentChatCommand[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(tencentChatEventSchemas) as TencentChatCommand[];
/** Tencent gives up after 2 s and applies its timeout policy; an answer after that is never read. */
const TENCENT_TIMEOUT: SenderTimeout = {
  ms: 2000,
  name: "Tencent's 2 s timeout",
  consequence: 'a late answer is never read.',
};
const DEFAULT_DEADLINE_MS = 1500;
const DEFAULT_TOLERANCE_SECONDS = 60;

/** Tencent Cloud Chat (IM) callbacks: before-callbacks decide, after-callbacks inform. */
export function tencentChat(options: TencentChatOptions): TencentChatProvider {
  const tokens = secretList(options?.token, 'tencentChat(): token');
  if (tokens.length === 0 && options?.allowUnsigned !== true) {
    throw new TypeError(
      'hookguard tencentChat(): a token is required (the callback authentication token from the console). ' +
        'To accept unsigned callbacks anyway, pass { allowUnsigned: true }.',
    );
  }
  const sdkAppId = options.sdkAppId === undefined ? undefined : String(options.sdkAppId);
  if (sdkAppId !== undefined && !/^\d+$/.test(sdkAppId)) {
    throw new TypeError('hookguard tencentChat(): sdkAppId must be the numeric SDKAppID');
  }
  const toleranceSeconds = positiveOption(
    options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    'tencentChat()',
    'toleranceSeconds',
  );
  const deadlineMs = positiveOption(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'tencentChat()', 'deadlineMs');
  const onDeadline = options.onDeadline ?? 'allow';
  if (typeof onDeadline !== 'function' && onDeadline !== 'allow' && onDeadline !== 'reject') {
    throw new TypeError('hookguard tencentChat(): onDeadline must be "allow", "reject" or a function');
  }
  const verifyConfig = { tokens, sdkAppId, toleranceMs: toleranceSeconds * 1000 };

  return {
    name: 'tencentChat',
    // The token itself never travels; Sign is derived from it and proves the request.
    proofNames: { headers: [], query: ['Sign'] },
    eventNames,
    deadlineMs,
    configWarnings: warningsFor(tokens.length === 0, deadlineMs),
    verify: (input) => verifyTencentChat(verifyConfig, input),
    parse(payload, input): ParsedEvent<TencentChatMeta> {
      const command = input.query.get('CallbackCommand') ?? '';
      // The Sign covers neither the body nor the query's command, so the two must at least agree.
      if (commandOf(payload) !== command) {
        throw new VerificationError(
          'SENDER_MISMATCH',
          'CallbackCommand in the body does not match the query string',
        );
      }
      const resolved = resolveEvent(tencentChatEventSchemas, [command], payload);
      const meta = tencentChatMetaOf(input.query, command);
      return parsedEvent(resolved, deliveryKeyOf(command, meta.sdkAppId, payload), meta);
    },
    respond: (reply, event) => serialiseTencentReply(reply, event.name, event.payload),
    fallback(event) {
      const choice = typeof onDeadline === 'function' ? onDeadline(event.name) : onDeadline;
      return deadlineAnswer(choice === 'reject' ? 'reject' : 'allow', event.name, event.payload);
    },
  };
}

function warningsFor(unsigned: boolean, deadlineMs: number): string[] {
  const warnings: string[] = [];
  if (unsigned) {
    warnings.push(
      'tencentChat(): callbacks are accepted without a Sign; anyone who can reach this URL can post them. ' +
        'Enable callback authentication in the console and pass its token.',
    );
  }
  warnings.push(...lateDeadlineWarnings(deadlineMs, TENCENT_TIMEOUT, 'tencentChat()'));
  return warnings;
}

function commandOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null
    ? (payload as Record<string, unknown>)['CallbackCommand']
    : undefined;
}

/**
 * Tencent sends no delivery id; messages carry one (C2C `MsgKey`, a group's `MsgSeq`), so a
 * retried after-callback for the same message is recognisable. Other callbacks get none.
 */
function deliveryKeyOf(command: string, sdkAppId: string | undefined, payload: unknown): string | undefined {
  const body = payload as Record<string, unknown>;
  const app = sdkAppId ?? '';
  if (command.startsWith('C2C.') && typeof body['MsgKey'] === 'string')
    return `${command}:${app}:${body['MsgKey']}`;
  if (
    command === 'Group.CallbackAfterSendMsg' &&
    typeof body['GroupId'] === 'string' &&
    typeof body['MsgSeq'] === 'number'
  ) {
    return `${command}:${app}:${body['GroupId']}:${String(body['TopicId'] ?? '')}:${body['MsgSeq']}`;
  }
  return undefined;
}

export { BEFORE_CALLBACKS, type BeforeCallbackCommand, type BeforeCallbackRule } from './before-callbacks.js';
export { tencentChatSign } from './verify.js';
