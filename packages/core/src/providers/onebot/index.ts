import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { dottedCandidates, parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { type OneBotEventName, type OneBotEventOf, onebotEventSchemas, TYPE_FIELD } from './events.js';
import {
  type FriendRequestReply,
  type GroupMessageReply,
  type GroupRequestReply,
  type PrivateMessageReply,
  serialiseOneBotReply,
} from './reply.js';
import { verifyOneBot } from './verify.js';

export type OneBotOptions =
  | { readonly secret: Secret; readonly allowUnsigned?: boolean }
  | {
      readonly secret?: undefined;
      /** Accept unsigned posts (NapCat's default: empty token). Anyone who can reach the URL can then post. */
      readonly allowUnsigned: true;
    };

type ReplyFor<N extends string> = N extends `message.private.${string}`
  ? PrivateMessageReply
  : N extends `message.group.${string}`
    ? GroupMessageReply
    : N extends 'request.friend'
      ? FriendRequestReply
      : N extends `request.group.${string}`
        ? GroupRequestReply
        : never;

export type OneBotEvents = { readonly [N in OneBotEventName]: EventDef<OneBotEventOf<N>, ReplyFor<N>> };

export interface OneBotMeta {
  /** The bot's own QQ number from `X-Self-ID`. */
  readonly selfId: string | undefined;
}

export interface OneBotProvider extends Provider<OneBotEvents, OneBotMeta> {
  readonly eventNames: readonly OneBotEventName[];
}

const eventNames = Object.keys(onebotEventSchemas) as OneBotEventName[];

/** NapCat and every OneBot 11 HTTP POST implementation (go-cqhttp, LLOneBot, Lagrange, ...). */
export function onebot(options: OneBotOptions): OneBotProvider {
  const secrets = secretList(options?.secret, 'onebot(): secret');
  if (secrets.length === 0 && options?.allowUnsigned !== true) {
    throw new TypeError(
      'hookguard onebot(): a secret is required (NapCat: the http-client "token"). ' +
        'To accept unsigned posts anyway, pass { allowUnsigned: true }.',
    );
  }
  return {
    name: 'onebot',
    proofNames: { headers: ['x-signature'], query: [] },
    eventNames,
    verify: (input) => verifyOneBot(secrets, input),
    parse(payload, input): ParsedEvent<OneBotMeta> {
      const body = (payload ?? {}) as Record<string, unknown>;
      const postType = body['post_type'];
      const typeField = typeof postType === 'string' ? TYPE_FIELD[postType] : undefined;
      const resolved = resolveEvent(
        onebotEventSchemas,
        dottedCandidates([postType, typeField ? body[typeField] : undefined, body['sub_type']]),
        payload,
      );
      return parsedEvent(resolved, deliveryKeyOf(body), { selfId: headerValue(input.headers, 'x-self-id') });
    },
    respond: (reply, event) => serialiseOneBotReply(reply, event.known ? event.name : 'unknown'),
  };
}

/**
 * NapCat never retries, but one bot can post the same event to several URLs; messages and
 * requests carry ids that make a duplicate recognisable. Notices carry none. A message key also
 * names its chat: NapCat's `message_id` is a 31-bit hash, so messages in different chats can
 * share one (the receiver's body digest keeps even same-chat clashes apart).
 */
function deliveryKeyOf(body: Record<string, unknown>): string | undefined {
  const selfId = body['self_id'];
  if (
    (body['post_type'] === 'message' || body['post_type'] === 'message_sent') &&
    body['message_id'] !== undefined
  ) {
    const chat = body['message_type'] === 'group' ? body['group_id'] : body['user_id'];
    const parts = [body['post_type'], selfId, body['message_type'], chat, body['message_id']].map(keyPart);
    return parts.includes(undefined) ? undefined : parts.join(':');
  }
  const selfPart = keyPart(selfId);
  if (body['post_type'] === 'request' && typeof body['flag'] === 'string' && selfPart !== undefined)
    return `request:${selfPart}:${body['flag']}`;
  return undefined;
}

/**
 * An id as it appears in a key. Anything but a string or a number makes no key (the schema reports
 * the body), and is never passed to `String()`: `{"toString":1,"valueOf":1}` is valid JSON whose
 * `String()` throws.
 */
function keyPart(value: unknown): string | undefined {
  if (value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
