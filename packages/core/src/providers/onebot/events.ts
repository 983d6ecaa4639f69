import { z } from 'zod';
import { messageSchema } from './segments.js';

/**
 * zod schemas for every OneBot 11 event (botuniverse/onebot-11 `event/*.md`) and NapCat's
 * additions (`message_sent`, extra notice types and fields). Keyed by the full dotted event name:
 * `post_type.<type>[.sub_type]`. Objects are loose: fields an implementation adds are kept.
 */
const base = { time: z.number(), self_id: z.number() };
const sender = z.looseObject({
  user_id: z.number().optional(),
  nickname: z.string().optional(),
  card: z.string().optional(),
  sex: z.string().optional(),
  age: z.number().optional(),
  area: z.string().optional(),
  level: z.string().optional(),
  role: z.string().optional(),
  title: z.string().optional(),
});
const messageFields = {
  ...base,
  message_id: z.number(),
  user_id: z.number(),
  message: messageSchema,
  raw_message: z.string(),
  font: z.number(),
  sender,
  // NapCat
  message_seq: z.number().optional(),
  real_id: z.number().optional(),
  real_seq: z.string().optional(),
  message_format: z.enum(['string', 'array']).optional(),
  target_id: z.number().optional(),
};
const anonymous = z.looseObject({ id: z.number(), name: z.string(), flag: z.string() }).nullish();

const privateMessage = <P extends string, S extends string>(postType: P, subType: S) =>
  z.looseObject({
    ...messageFields,
    post_type: z.literal(postType),
    message_type: z.literal('private'),
    sub_type: z.literal(subType),
    group_id: z.number().optional(),
    temp_source: z.number().optional(),
  });
const groupMessage = <P extends string, S extends string>(postType: P, subType: S) =>
  z.looseObject({
    ...messageFields,
    post_type: z.literal(postType),
    message_type: z.literal('group'),
    sub_type: z.literal(subType),
    group_id: z.number(),
    anonymous,
    group_name: z.string().optional(),
  });

const notice = <T extends string, S extends z.core.$ZodLooseShape>(noticeType: T, shape: S) =>
  z.looseObject({ ...base, post_type: z.literal('notice'), notice_type: z.literal(noticeType), ...shape });
const subNotice = <T extends string, U extends string, S extends z.core.$ZodLooseShape>(
  noticeType: T,
  subType: U,
  shape: S,
) => notice(noticeType, { sub_type: z.literal(subType), ...shape });
const inGroup = { group_id: z.number(), user_id: z.number() };
const byOperator = { ...inGroup, operator_id: z.number() };

const request = <T extends string, S extends z.core.$ZodLooseShape>(requestType: T, shape: S) =>
  z.looseObject({ ...base, post_type: z.literal('request'), request_type: z.literal(requestType), ...shape });
const groupRequest = <U extends string>(subType: U) =>
  request('group', {
    sub_type: z.literal(subType),
    group_id: z.number(),
    user_id: z.number(),
    comment: z.string(),
    flag: z.string(),
  });

const meta = <T extends string, S extends z.core.$ZodLooseShape>(metaType: T, shape: S) =>
  z.looseObject({
    ...base,
    post_type: z.literal('meta_event'),
    meta_event_type: z.literal(metaType),
    ...shape,
  });
const lifecycle = <U extends string>(subType: U) => meta('lifecycle', { sub_type: z.literal(subType) });

export const onebotEventSchemas = {
  'message.private.friend': privateMessage('message', 'friend'),
  'message.private.group': privateMessage('message', 'group'),
  'message.private.other': privateMessage('message', 'other'),
  'message.group.normal': groupMessage('message', 'normal'),
  'message.group.anonymous': groupMessage('message', 'anonymous'),
  'message.group.notice': groupMessage('message', 'notice'),
  // NapCat reports the bot's own messages (reportSelfMessage) with post_type `message_sent`.
  'message_sent.private.friend': privateMessage('message_sent', 'friend'),
  'message_sent.private.group': privateMessage('message_sent', 'group'),
  'message_sent.private.other': privateMessage('message_sent', 'other'),
  'message_sent.group.normal': groupMessage('message_sent', 'normal'),

  'notice.group_upload': notice('group_upload', {
    ...inGroup,
    file: z.looseObject({ id: z.string(), name: z.string(), size: z.number(), busid: z.number() }),
  }),
  'notice.group_admin.set': subNotice('group_admin', 'set', inGroup),
  'notice.group_admin.unset': subNotice('group_admin', 'unset', inGroup),
  'notice.group_decrease.leave': subNotice('group_decrease', 'leave', byOperator),
  'notice.group_decrease.kick': subNotice('group_decrease', 'kick', byOperator),
  'notice.group_decrease.kick_me': subNotice('group_decrease', 'kick_me', byOperator),
  'notice.group_decrease.disband': subNotice('group_decrease', 'disband', byOperator),
  'notice.group_increase.approve': subNotice('group_increase', 'approve', byOperator),
  'notice.group_increase.invite': subNotice('group_increase', 'invite', byOperator),
  'notice.group_ban.ban': subNotice('group_ban', 'ban', { ...byOperator, duration: z.number() }),
  'notice.group_ban.lift_ban': subNotice('group_ban', 'lift_ban', { ...byOperator, duration: z.number() }),
  'notice.friend_add': notice('friend_add', { user_id: z.number() }),
  'notice.group_recall': notice('group_recall', { ...byOperator, message_id: z.number() }),
  'notice.friend_recall': notice('friend_recall', { user_id: z.number(), message_id: z.number() }),
  'notice.notify.poke': subNotice('notify', 'poke', {
    group_id: z.number().optional(),
    user_id: z.number(),
    target_id: z.number(),
    sender_id: z.number().optional(),
  }),
  'notice.notify.lucky_king': subNotice('notify', 'lucky_king', { ...inGroup, target_id: z.number() }),
  'notice.notify.honor': subNotice('notify', 'honor', {
    ...inGroup,
    honor_type: z.enum(['talkative', 'performer', 'emotion']).or(z.string()),
  }),
  'notice.notify.group_name': subNotice('notify', 'group_name', { ...inGroup, name_new: z.string() }),
  'notice.notify.title': subNotice('notify', 'title', { ...inGroup, title: z.string() }),
  'notice.notify.input_status': subNotice('notify', 'input_status', {
    user_id: z.number(),
    group_id: z.number().optional(),
    event_type: z.number(),
    status_text: z.string(),
  }),
  'notice.notify.profile_like': subNotice('notify', 'profile_like', {
    operator_id: z.number(),
    operator_nick: z.string(),
    times: z.number(),
  }),
  'notice.notify.gray_tip': subNotice('notify', 'gray_tip', {
    ...inGroup,
    message_id: z.number(),
    busi_id: z.union([z.string(), z.number()]),
    content: z.string(),
  }),
  'notice.group_card': notice('group_card', { ...inGroup, card_new: z.string(), card_old: z.string() }),
  'notice.essence.add': subNotice('essence', 'add', {
    group_id: z.number(),
    message_id: z.number(),
    sender_id: z.number(),
    operator_id: z.number(),
  }),
  'notice.essence.delete': subNotice('essence', 'delete', {
    group_id: z.number(),
    message_id: z.number(),
    sender_id: z.number(),
    operator_id: z.number(),
  }),
  'notice.group_msg_emoji_like': notice('group_msg_emoji_like', {
    ...inGroup,
    message_id: z.number(),
    likes: z.array(z.looseObject({ emoji_id: z.string(), count: z.number() })),
    is_add: z.boolean().optional(),
  }),
  'notice.bot_offline': notice('bot_offline', { user_id: z.number(), tag: z.string(), message: z.string() }),
  'notice.online_file_send.receive': subNotice('online_file_send', 'receive', { peer_id: z.number() }),
  'notice.online_file_send.refuse': subNotice('online_file_send', 'refuse', { peer_id: z.number() }),
  'notice.online_file_receive.cancel': subNotice('online_file_receive', 'cancel', { peer_id: z.number() }),

  'request.friend': request('friend', { user_id: z.number(), comment: z.string(), flag: z.string() }),
  'request.group.add': groupRequest('add'),
  'request.group.invite': groupRequest('invite'),

  'meta_event.lifecycle.enable': lifecycle('enable'),
  'meta_event.lifecycle.disable': lifecycle('disable'),
  'meta_event.lifecycle.connect': lifecycle('connect'),
  'meta_event.heartbeat': meta('heartbeat', { status: z.looseObject({}), interval: z.number() }),
} as const;

type Schemas = typeof onebotEventSchemas;
export type OneBotEventName = keyof Schemas;
export type OneBotEventOf<N extends OneBotEventName> = z.infer<Schemas[N]>;

export type PrivateMessageEvent = OneBotEventOf<`message.private.${string}` & OneBotEventName>;
export type GroupMessageEvent = OneBotEventOf<`message.group.${string}` & OneBotEventName>;
export type MessageEvent = PrivateMessageEvent | GroupMessageEvent;
export type FriendRequestEvent = OneBotEventOf<'request.friend'>;
export type GroupRequestEvent = OneBotEventOf<'request.group.add' | 'request.group.invite'>;

/** The discriminating field that follows `post_type`, per post type. */
export const TYPE_FIELD: Readonly<Record<string, string>> = {
  message: 'message_type',
  message_sent: 'message_type',
  notice: 'notice_type',
  request: 'request_type',
  meta_event: 'meta_event_type',
};
