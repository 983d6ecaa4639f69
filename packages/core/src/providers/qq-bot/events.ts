import { z } from 'zod';

/**
 * zod schemas for the events QQ's official bot platform pushes to an HTTP callback, keyed by the
 * dispatch's `t`. A handler receives the whole op 0 envelope, `{ id, op, d, s, t }`, with `d` typed
 * by `t`. Fields are the ones QQ's event pages name
 * (https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html and the
 * guild pages beside it); objects are loose, so fields QQ adds later are kept.
 */

const attachment = z.looseObject({
  content_type: z.string(),
  filename: z.string().optional(),
  height: z.number().optional(),
  width: z.number().optional(),
  size: z.number().optional(),
  url: z.string(),
});
const attachments = z.array(attachment).optional();

// Users of single chats and groups are known only by openids scoped to this bot.
const c2cAuthor = z.looseObject({
  id: z.string().optional(),
  user_openid: z.string(),
  union_openid: z.string().optional(),
});
const groupAuthor = z.looseObject({
  id: z.string().optional(),
  member_openid: z.string(),
  union_openid: z.string().optional(),
});

const c2cMessage = z.looseObject({
  id: z.string(),
  content: z.string(),
  timestamp: z.string(),
  author: c2cAuthor,
  attachments,
});
const groupAtMessage = z.looseObject({
  id: z.string(),
  content: z.string(),
  timestamp: z.string(),
  author: groupAuthor,
  group_openid: z.string(),
  group_id: z.string().optional(),
  attachments,
});

/** FRIEND_ADD, FRIEND_DEL, C2C_MSG_REJECT, C2C_MSG_RECEIVE: a user and when (Unix seconds). */
const c2cUserEvent = z.looseObject({ openid: z.string(), timestamp: z.number() });
/** GROUP_ADD_ROBOT, GROUP_DEL_ROBOT, GROUP_MSG_REJECT, GROUP_MSG_RECEIVE: the group and who did it. */
const groupEvent = z.looseObject({
  group_openid: z.string(),
  op_member_openid: z.string(),
  timestamp: z.number(),
});

const interaction = z.looseObject({
  id: z.string(),
  type: z.number(),
  application_id: z.string().optional(),
  /** `c2c`, `group` or `guild`. */
  scene: z.string().optional(),
  /** 0 guild, 1 group, 2 single chat. */
  chat_type: z.number().optional(),
  timestamp: z.string().optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  user_openid: z.string().optional(),
  group_openid: z.string().optional(),
  group_member_openid: z.string().optional(),
  data: z.looseObject({
    type: z.number(),
    resolved: z.looseObject({
      button_data: z.string().optional(),
      button_id: z.string().optional(),
      user_id: z.string().optional(),
      feature_id: z.string().optional(),
      message_id: z.string().optional(),
    }),
  }),
  version: z.number().optional(),
});

// Guilds (频道): users have guild-wide ids.
const guildUser = z.looseObject({
  id: z.string(),
  username: z.string().optional(),
  avatar: z.string().optional(),
  bot: z.boolean().optional(),
  union_openid: z.string().optional(),
  union_user_account: z.string().optional(),
});
const member = z.looseObject({
  joined_at: z.string().optional(),
  nick: z.string().optional(),
  roles: z.array(z.string()).optional(),
});
const guildMessage = z.looseObject({
  id: z.string(),
  guild_id: z.string(),
  channel_id: z.string(),
  // An image-only message has no content.
  content: z.string().optional(),
  timestamp: z.string(),
  author: guildUser,
  member: member.optional(),
  attachments,
  mentions: z.array(guildUser).optional(),
  mention_everyone: z.boolean().optional(),
  seq: z.number().optional(),
  seq_in_channel: z.string().optional(),
  message_reference: z.looseObject({ message_id: z.string() }).optional(),
});
const directMessage = guildMessage.extend({
  src_guild_id: z.string().optional(),
  direct_message: z.boolean().optional(),
});
const deletedMessage = z.looseObject({
  message: z.looseObject({
    id: z.string(),
    guild_id: z.string(),
    channel_id: z.string(),
    author: guildUser.partial().optional(),
    src_guild_id: z.string().optional(),
  }),
  op_user: z.looseObject({ id: z.string() }),
});
const guild = z.looseObject({
  id: z.string(),
  name: z.string(),
  icon: z.string().optional(),
  owner_id: z.string(),
  owner: z.boolean().optional(),
  member_count: z.number().optional(),
  max_members: z.number().optional(),
  description: z.string().optional(),
  joined_at: z.string().optional(),
  op_user_id: z.string().optional(),
});
const channel = z.looseObject({
  id: z.string(),
  guild_id: z.string(),
  name: z.string().optional(),
  type: z.number().optional(),
  sub_type: z.number().optional(),
  position: z.number().optional(),
  parent_id: z.string().optional(),
  owner_id: z.string().optional(),
  op_user_id: z.string().optional(),
});
const guildMember = member.extend({
  guild_id: z.string(),
  user: guildUser,
  op_user_id: z.string().optional(),
});
const reaction = z.looseObject({
  user_id: z.string(),
  guild_id: z.string(),
  channel_id: z.string(),
  // The docs name an enum (0: message); its JSON form has been seen both as a number and a name.
  target: z.looseObject({ id: z.string(), type: z.union([z.number(), z.string()]) }),
  emoji: z.looseObject({ id: z.string(), type: z.number() }),
});
const messageAudit = z.looseObject({
  audit_id: z.string(),
  message_id: z.string().optional(),
  guild_id: z.string(),
  channel_id: z.string(),
  audit_time: z.string(),
  create_time: z.string(),
  seq_in_channel: z.string().optional(),
  err_msg: z.string().optional(),
});
const audio = z.looseObject({
  guild_id: z.string(),
  channel_id: z.string(),
  audio_url: z.string().optional(),
  text: z.string().optional(),
});
const mic = z.looseObject({ guild_id: z.string(), channel_id: z.string(), user_id: z.string() });
const forum = { guild_id: z.string(), channel_id: z.string(), author_id: z.string() };
/** Title and content are QQ's rich-text JSON, as strings. */
const thread = z.looseObject({
  ...forum,
  thread_info: z.looseObject({
    thread_id: z.string(),
    title: z.string(),
    content: z.string(),
    date_time: z.string(),
  }),
});
const post = z.looseObject({
  ...forum,
  post_info: z.looseObject({
    thread_id: z.string(),
    post_id: z.string(),
    content: z.string(),
    date_time: z.string(),
  }),
});
const reply = z.looseObject({
  ...forum,
  reply_info: z.looseObject({
    thread_id: z.string(),
    post_id: z.string(),
    reply_id: z.string(),
    content: z.string(),
    date_time: z.string(),
  }),
});
const forumAudit = z.looseObject({
  ...forum,
  thread_id: z.string(),
  post_id: z.string().optional(),
  reply_id: z.string().optional(),
  /** 1 thread, 2 post, 3 reply. */
  type: z.number(),
  /** 0 passed, 1 rejected. */
  result: z.number(),
  err_msg: z.string().optional(),
});

/** An op 0 dispatch: `id` is the event's id (the dedupe key), `s` its sequence number. */
const dispatch = <T extends string, D extends z.ZodType>(t: T, d: D) =>
  z.looseObject({ id: z.string(), op: z.literal(0), d, s: z.number().optional(), t: z.literal(t) });

export const qqBotEventSchemas = {
  // Single chats and groups (QQ 单聊 / 群聊)
  C2C_MESSAGE_CREATE: dispatch('C2C_MESSAGE_CREATE', c2cMessage),
  GROUP_AT_MESSAGE_CREATE: dispatch('GROUP_AT_MESSAGE_CREATE', groupAtMessage),
  FRIEND_ADD: dispatch('FRIEND_ADD', c2cUserEvent),
  FRIEND_DEL: dispatch('FRIEND_DEL', c2cUserEvent),
  C2C_MSG_REJECT: dispatch('C2C_MSG_REJECT', c2cUserEvent),
  C2C_MSG_RECEIVE: dispatch('C2C_MSG_RECEIVE', c2cUserEvent),
  GROUP_ADD_ROBOT: dispatch('GROUP_ADD_ROBOT', groupEvent),
  GROUP_DEL_ROBOT: dispatch('GROUP_DEL_ROBOT', groupEvent),
  GROUP_MSG_REJECT: dispatch('GROUP_MSG_REJECT', groupEvent),
  GROUP_MSG_RECEIVE: dispatch('GROUP_MSG_RECEIVE', groupEvent),
  INTERACTION_CREATE: dispatch('INTERACTION_CREATE', interaction),
  // Guilds (频道)
  AT_MESSAGE_CREATE: dispatch('AT_MESSAGE_CREATE', guildMessage),
  MESSAGE_CREATE: dispatch('MESSAGE_CREATE', guildMessage),
  MESSAGE_DELETE: dispatch('MESSAGE_DELETE', deletedMessage),
  PUBLIC_MESSAGE_DELETE: dispatch('PUBLIC_MESSAGE_DELETE', deletedMessage),
  DIRECT_MESSAGE_CREATE: dispatch('DIRECT_MESSAGE_CREATE', directMessage),
  DIRECT_MESSAGE_DELETE: dispatch('DIRECT_MESSAGE_DELETE', deletedMessage),
  GUILD_CREATE: dispatch('GUILD_CREATE', guild),
  GUILD_UPDATE: dispatch('GUILD_UPDATE', guild),
  GUILD_DELETE: dispatch('GUILD_DELETE', guild),
  CHANNEL_CREATE: dispatch('CHANNEL_CREATE', channel),
  CHANNEL_UPDATE: dispatch('CHANNEL_UPDATE', channel),
  CHANNEL_DELETE: dispatch('CHANNEL_DELETE', channel),
  GUILD_MEMBER_ADD: dispatch('GUILD_MEMBER_ADD', guildMember),
  GUILD_MEMBER_UPDATE: dispatch('GUILD_MEMBER_UPDATE', guildMember),
  GUILD_MEMBER_REMOVE: dispatch('GUILD_MEMBER_REMOVE', guildMember),
  MESSAGE_REACTION_ADD: dispatch('MESSAGE_REACTION_ADD', reaction),
  MESSAGE_REACTION_REMOVE: dispatch('MESSAGE_REACTION_REMOVE', reaction),
  MESSAGE_AUDIT_PASS: dispatch('MESSAGE_AUDIT_PASS', messageAudit),
  MESSAGE_AUDIT_REJECT: dispatch('MESSAGE_AUDIT_REJECT', messageAudit),
  AUDIO_START: dispatch('AUDIO_START', audio),
  AUDIO_FINISH: dispatch('AUDIO_FINISH', audio),
  AUDIO_ON_MIC: dispatch('AUDIO_ON_MIC', mic),
  AUDIO_OFF_MIC: dispatch('AUDIO_OFF_MIC', mic),
  FORUM_THREAD_CREATE: dispatch('FORUM_THREAD_CREATE', thread),
  FORUM_THREAD_UPDATE: dispatch('FORUM_THREAD_UPDATE', thread),
  FORUM_THREAD_DELETE: dispatch('FORUM_THREAD_DELETE', thread),
  FORUM_POST_CREATE: dispatch('FORUM_POST_CREATE', post),
  FORUM_POST_DELETE: dispatch('FORUM_POST_DELETE', post),
  FORUM_REPLY_CREATE: dispatch('FORUM_REPLY_CREATE', reply),
  FORUM_REPLY_DELETE: dispatch('FORUM_REPLY_DELETE', reply),
  FORUM_PUBLISH_AUDIT_RESULT: dispatch('FORUM_PUBLISH_AUDIT_RESULT', forumAudit),
};

export type QQBotEventName = keyof typeof qqBotEventSchemas;
/** The op 0 envelope of event `N`, `d` typed by the event. */
export type QQBotEventOf<N extends QQBotEventName> = z.output<(typeof qqBotEventSchemas)[N]>;
