import type { QQBotEventName, QQBotEventOf } from '../events.js';

/**
 * One op 0 dispatch per event, with the `d` of the examples on QQ's event pages
 * (https://bot.q.qq.com/wiki/develop/api-v2/server-inter/message/send-receive/event.html and the
 * guild event pages); ids are made up in QQ's formats. Every one passes its schema.
 */
const dispatch = <N extends QQBotEventName>(t: N, s: number, d: QQBotEventOf<N>['d']) =>
  ({ id: `${t}:${eventId(s)}`, op: 0, d, s, t }) as QQBotEventOf<N>;

/** QQ's event ids look like `C2C_MESSAGE_CREATE:5n1mqyfq9f7lmfr7pvhdwwbm1qtnvn2vjtb9ulm`. */
function eventId(s: number): string {
  return `${s.toString(36)}qyfq9f7lmfr7pvhdwwbm1qtnvn2vjtb9ulm`;
}

const timestamp = 1_725_442_341;
const userOpenid = 'E4F4AEA33253A2797FB897C50B81D7ED';
const groupOpenid = 'C9F778FE6ADF9D1D1DBE395BF744A33A';
const memberOpenid = 'E4F4AEA33253A2797FB897C50B81D7ED';
const guildId = '18700000000001';
const channelId = '100010';
const guildUser = { id: '1234', username: '小明', avatar: 'https://thirdqq.qlogo.cn/0', bot: false };
const deleted = {
  message: {
    id: '0812345677890abcdef',
    guild_id: guildId,
    channel_id: channelId,
    author: { id: '1234', username: '小明', bot: false },
  },
  op_user: { id: '1234' },
};
const guild = {
  id: guildId,
  name: '机器人测试频道',
  icon: 'https://groupprohead.gtimg.cn/0',
  owner_id: '2233',
  owner: false,
  member_count: 12,
  max_members: 300,
  description: '频道简介',
  joined_at: '2024-09-04T17:32:21+08:00',
  op_user_id: '2233',
};
const channel = {
  id: channelId,
  guild_id: guildId,
  name: '闲聊',
  type: 0,
  sub_type: 0,
  position: 1,
  parent_id: '0',
  owner_id: '2233',
  op_user_id: '2233',
};
const guildMember = {
  guild_id: guildId,
  joined_at: '2024-09-04T17:32:21+08:00',
  nick: '小明',
  roles: ['1'],
  user: guildUser,
  op_user_id: '2233',
};
const guildMessage = {
  id: '08e092eeb983afef9e0110f5b7f45b1a',
  guild_id: guildId,
  channel_id: channelId,
  content: '<@!11111111> 你好',
  timestamp: '2024-09-04T17:32:21+08:00',
  author: guildUser,
  member: { joined_at: '2024-09-04T17:32:21+08:00', nick: '小明', roles: ['1'] },
  mentions: [{ id: '11111111', username: '测试机器人', bot: true }],
  seq: 12,
  seq_in_channel: '12',
};
const reaction = {
  user_id: '1234',
  guild_id: guildId,
  channel_id: channelId,
  target: { id: '08e092eeb983afef9e0110f5b7f45b1a', type: 0 },
  emoji: { id: '4', type: 1 },
};
const audit = {
  audit_id: 'a1b2c3d4-0000-4e5f-8a9b-0123456789ab',
  message_id: '08e092eeb983afef9e0110f5b7f45b1a',
  guild_id: guildId,
  channel_id: channelId,
  audit_time: '2024-09-04T17:32:22+08:00',
  create_time: '2024-09-04T17:32:21+08:00',
  seq_in_channel: '13',
};
const forum = { guild_id: guildId, channel_id: '100020', author_id: '1234' };
const richText = JSON.stringify({
  paragraphs: [{ elems: [{ text: { text: '帖子正文' }, type: 1 }], props: {} }],
});
const threadInfo = {
  thread_id: 'B_7d3a4c6600000000',
  title: JSON.stringify({ paragraphs: [{ elems: [{ text: { text: '标题' }, type: 1 }], props: {} }] }),
  content: richText,
  date_time: '2024-09-04T17:32:21+08:00',
};
const postInfo = {
  thread_id: threadInfo.thread_id,
  post_id: 'P_7d3a4c6600000001',
  content: richText,
  date_time: '2024-09-04T17:33:21+08:00',
};
const replyInfo = { ...postInfo, reply_id: 'R_7d3a4c6600000002', date_time: '2024-09-04T17:34:21+08:00' };
const audio = {
  guild_id: guildId,
  channel_id: '100030',
  audio_url: 'https://example.com/song.mp3',
  text: '正在播放',
};
const mic = { guild_id: guildId, channel_id: '100030', user_id: '1234' };

export const qqBotFixtures: { readonly [N in QQBotEventName]: QQBotEventOf<N> } = {
  C2C_MESSAGE_CREATE: dispatch('C2C_MESSAGE_CREATE', 1, {
    id: 'ROBOT1.0_veoihSEXDc8Q.g-6eLpNIa11bH8MisOjn-m-LKxCPntMk6exUXgcWCGpVO7L2QKTNZzjZzFFDSbiOFcqAPWyVA!!',
    content: '你好',
    timestamp: '2024-09-04T17:32:21+08:00',
    author: { id: userOpenid, user_openid: userOpenid, union_openid: userOpenid },
  }),
  GROUP_AT_MESSAGE_CREATE: dispatch('GROUP_AT_MESSAGE_CREATE', 2, {
    id: 'ROBOT1.0_kmeBjzdU2JgaXHrDaq3TufgS7bfkNbjUuoWNNtJXtvlPQuqIQ6qJBnw7dgm-Pvy2rwU5cCRagx6wYXwTr2ZhMg!!',
    content: ' 今天天气怎么样',
    timestamp: '2024-09-04T17:32:21+08:00',
    author: { id: memberOpenid, member_openid: memberOpenid, union_openid: memberOpenid },
    group_openid: groupOpenid,
    group_id: groupOpenid,
    attachments: [
      {
        content_type: 'image/jpeg',
        filename: '3C1C2DD1A4A8DF7E2C64D9B1F1A5D7E0.jpg',
        height: 720,
        width: 1280,
        size: 102_400,
        url: 'https://multimedia.nt.qq.com.cn/download?appid=1407&fileid=0',
      },
    ],
  }),
  FRIEND_ADD: dispatch('FRIEND_ADD', 3, { openid: userOpenid, timestamp }),
  FRIEND_DEL: dispatch('FRIEND_DEL', 4, { openid: userOpenid, timestamp }),
  C2C_MSG_REJECT: dispatch('C2C_MSG_REJECT', 5, { openid: userOpenid, timestamp }),
  C2C_MSG_RECEIVE: dispatch('C2C_MSG_RECEIVE', 6, { openid: userOpenid, timestamp }),
  GROUP_ADD_ROBOT: dispatch('GROUP_ADD_ROBOT', 7, {
    group_openid: groupOpenid,
    op_member_openid: memberOpenid,
    timestamp,
  }),
  GROUP_DEL_ROBOT: dispatch('GROUP_DEL_ROBOT', 8, {
    group_openid: groupOpenid,
    op_member_openid: memberOpenid,
    timestamp,
  }),
  GROUP_MSG_REJECT: dispatch('GROUP_MSG_REJECT', 9, {
    group_openid: groupOpenid,
    op_member_openid: memberOpenid,
    timestamp,
  }),
  GROUP_MSG_RECEIVE: dispatch('GROUP_MSG_RECEIVE', 10, {
    group_openid: groupOpenid,
    op_member_openid: memberOpenid,
    timestamp,
  }),
  INTERACTION_CREATE: dispatch('INTERACTION_CREATE', 11, {
    id: 'b2b2c5e6-0000-4a1e-9f4e-3f0d5c6a7b8c',
    type: 11,
    application_id: '102012345',
    scene: 'group',
    chat_type: 1,
    timestamp: '2024-09-04T17:32:21+08:00',
    group_openid: groupOpenid,
    group_member_openid: memberOpenid,
    data: { type: 11, resolved: { button_data: 'vote:yes', button_id: '1', user_id: memberOpenid } },
    version: 1,
  }),
  AT_MESSAGE_CREATE: dispatch('AT_MESSAGE_CREATE', 12, guildMessage),
  MESSAGE_CREATE: dispatch('MESSAGE_CREATE', 13, { ...guildMessage, content: '大家好' }),
  MESSAGE_DELETE: dispatch('MESSAGE_DELETE', 14, deleted),
  PUBLIC_MESSAGE_DELETE: dispatch('PUBLIC_MESSAGE_DELETE', 15, deleted),
  DIRECT_MESSAGE_CREATE: dispatch('DIRECT_MESSAGE_CREATE', 16, {
    ...guildMessage,
    content: '私信你好',
    guild_id: '18700000000999',
    src_guild_id: guildId,
    direct_message: true,
  }),
  DIRECT_MESSAGE_DELETE: dispatch('DIRECT_MESSAGE_DELETE', 17, {
    ...deleted,
    message: { ...deleted.message, guild_id: '18700000000999', src_guild_id: guildId },
  }),
  GUILD_CREATE: dispatch('GUILD_CREATE', 18, guild),
  GUILD_UPDATE: dispatch('GUILD_UPDATE', 19, { ...guild, name: '机器人测试频道（新）' }),
  GUILD_DELETE: dispatch('GUILD_DELETE', 20, guild),
  CHANNEL_CREATE: dispatch('CHANNEL_CREATE', 21, channel),
  CHANNEL_UPDATE: dispatch('CHANNEL_UPDATE', 22, { ...channel, name: '闲聊区' }),
  CHANNEL_DELETE: dispatch('CHANNEL_DELETE', 23, channel),
  GUILD_MEMBER_ADD: dispatch('GUILD_MEMBER_ADD', 24, guildMember),
  GUILD_MEMBER_UPDATE: dispatch('GUILD_MEMBER_UPDATE', 25, { ...guildMember, nick: '小明同学' }),
  GUILD_MEMBER_REMOVE: dispatch('GUILD_MEMBER_REMOVE', 26, guildMember),
  MESSAGE_REACTION_ADD: dispatch('MESSAGE_REACTION_ADD', 27, reaction),
  MESSAGE_REACTION_REMOVE: dispatch('MESSAGE_REACTION_REMOVE', 28, reaction),
  MESSAGE_AUDIT_PASS: dispatch('MESSAGE_AUDIT_PASS', 29, audit),
  MESSAGE_AUDIT_REJECT: dispatch('MESSAGE_AUDIT_REJECT', 30, {
    audit_id: audit.audit_id,
    guild_id: guildId,
    channel_id: channelId,
    audit_time: audit.audit_time,
    create_time: audit.create_time,
    err_msg: '消息内容不合规',
  }),
  AUDIO_START: dispatch('AUDIO_START', 31, audio),
  AUDIO_FINISH: dispatch('AUDIO_FINISH', 32, audio),
  AUDIO_ON_MIC: dispatch('AUDIO_ON_MIC', 33, mic),
  AUDIO_OFF_MIC: dispatch('AUDIO_OFF_MIC', 34, mic),
  FORUM_THREAD_CREATE: dispatch('FORUM_THREAD_CREATE', 35, { ...forum, thread_info: threadInfo }),
  FORUM_THREAD_UPDATE: dispatch('FORUM_THREAD_UPDATE', 36, { ...forum, thread_info: threadInfo }),
  FORUM_THREAD_DELETE: dispatch('FORUM_THREAD_DELETE', 37, { ...forum, thread_info: threadInfo }),
  FORUM_POST_CREATE: dispatch('FORUM_POST_CREATE', 38, { ...forum, post_info: postInfo }),
  FORUM_POST_DELETE: dispatch('FORUM_POST_DELETE', 39, { ...forum, post_info: postInfo }),
  FORUM_REPLY_CREATE: dispatch('FORUM_REPLY_CREATE', 40, { ...forum, reply_info: replyInfo }),
  FORUM_REPLY_DELETE: dispatch('FORUM_REPLY_DELETE', 41, { ...forum, reply_info: replyInfo }),
  FORUM_PUBLISH_AUDIT_RESULT: dispatch('FORUM_PUBLISH_AUDIT_RESULT', 42, {
    ...forum,
    thread_id: threadInfo.thread_id,
    post_id: postInfo.post_id,
    type: 2,
    result: 0,
  }),
};
