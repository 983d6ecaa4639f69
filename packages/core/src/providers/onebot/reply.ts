import { z } from 'zod';
import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/** A segment to send; implementations accept more types than they report, so `type` is open. */
export interface OutgoingSegment {
  readonly type: string;
  readonly data?: Readonly<Record<string, unknown>> | null;
}
export type OutgoingMessage = string | OutgoingSegment | readonly OutgoingSegment[];

/**
 * Every quick-operation field OneBot 11 defines. Each reply type below forbids the fields of the
 * others (`?: never`): TypeScript does not check excess properties on a handler's returned object
 * literal, so without this `{ reply, at_sender }` from a private-message handler would compile.
 */
type QuickOperationField =
  | 'reply'
  | 'auto_escape'
  | 'at_sender'
  | 'reply_at'
  | 'delete'
  | 'kick'
  | 'ban'
  | 'ban_duration'
  | 'approve'
  | 'remark'
  | 'reason';
type Only<T> = T & { readonly [F in Exclude<QuickOperationField, keyof T>]?: never };

interface MessageFields {
  readonly reply?: OutgoingMessage;
  /** Send a string reply as plain text, not as CQ codes. */
  readonly auto_escape?: boolean;
}

/** Quick operation for a private message (OneBot 11 quick-operation table). */
export type PrivateMessageReply = Only<MessageFields>;

/**
 * Quick operation for a group message. NapCat honours `reply`, `auto_escape` and `at_sender`
 * (default false there, "at the sender" in the standard); go-cqhttp-style implementations
 * also honour `delete`, `kick`, `ban`, `ban_duration`.
 */
export type GroupMessageReply = Only<
  MessageFields & {
    readonly at_sender?: boolean;
    /** @deprecated Not a OneBot field: NapCat's docs show it, nothing reads it. Sent as `at_sender`. */
    readonly reply_at?: boolean;
    readonly delete?: boolean;
    readonly kick?: boolean;
    readonly ban?: boolean;
    /** Seconds; default 30 minutes. */
    readonly ban_duration?: number;
  }
>;

/** Quick operation for a friend request; NapCat ignores `remark`. */
export type FriendRequestReply = Only<{ readonly approve?: boolean; readonly remark?: string }>;

/** Quick operation for a group join request or invitation; `reason` is used when refusing. */
export type GroupRequestReply = Only<{ readonly approve?: boolean; readonly reason?: string }>;

const outgoingSegment = z.looseObject({
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()).nullish(),
});
const outgoingMessage = z.union([z.string(), outgoingSegment, z.array(outgoingSegment)]);
const privateReply = z.strictObject({
  reply: outgoingMessage.optional(),
  auto_escape: z.boolean().optional(),
});
const replySchemas = {
  private: privateReply,
  group: privateReply.extend({
    at_sender: z.boolean().optional(),
    reply_at: z.boolean().optional(),
    delete: z.boolean().optional(),
    kick: z.boolean().optional(),
    ban: z.boolean().optional(),
    ban_duration: z.number().int().nonnegative().optional(),
  }),
  friendRequest: z.strictObject({ approve: z.boolean().optional(), remark: z.string().optional() }),
  groupRequest: z.strictObject({ approve: z.boolean().optional(), reason: z.string().optional() }),
} as const;

type ReplyKind = keyof typeof replySchemas;

function replyKindOf(eventName: string): ReplyKind | undefined {
  if (eventName.startsWith('message.private.')) return 'private';
  if (eventName.startsWith('message.group.')) return 'group';
  if (eventName === 'request.friend') return 'friendRequest';
  if (eventName.startsWith('request.group.')) return 'groupRequest';
  return undefined;
}

/**
 * Serialises a quick operation as the JSON body NapCat (json5) and other implementations read,
 * or 204 when there is nothing to do. A reply the event cannot carry is a TypeError.
 */
export function serialiseOneBotReply(reply: unknown, eventName: string): WebhookResponse {
  if (reply === undefined || reply === null) return emptyResponse(204);
  const kind = replyKindOf(eventName);
  if (kind === undefined) throw new TypeError(`onebot: ${eventName} events take no quick operation`);
  const parsed = replySchemas[kind].safeParse(reply);
  if (!parsed.success) {
    throw new TypeError(`onebot: invalid quick operation for ${eventName}: ${z.prettifyError(parsed.error)}`);
  }
  const operation: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value !== undefined && key !== 'reply_at') operation[key] = value;
  }
  const aliased = (parsed.data as { reply_at?: boolean }).reply_at;
  if (aliased !== undefined && operation['at_sender'] === undefined) operation['at_sender'] = aliased;
  if (Object.keys(operation).length === 0) return emptyResponse(204);
  return jsonResponse(200, operation);
}
