import type { OneBotEventName } from '../events.js';

const time = 1700000000;
const self_id = 10001000;
const base = { time, self_id };
const sender = { user_id: 12345678, nickname: '小不点', card: '', role: 'member' };

/** NapCat's group message as its code builds it (https://github.com/NapNeko/NapCatQQ/blob/main/packages/napcat-onebot/network/http-client.ts). */
export const napcatGroupMessage = {
  self_id,
  user_id: 12345678,
  time,
  message_id: 1868129,
  message_seq: 1868129,
  real_id: 1868129,
  real_seq: '4321',
  message_type: 'group',
  sender,
  raw_message: '[CQ:at,qq=10001000] hi',
  font: 14,
  sub_type: 'normal',
  message: [
    { type: 'at', data: { qq: '10001000' } },
    { type: 'text', data: { text: ' hi' } },
  ],
  message_format: 'array',
  post_type: 'message',
  group_id: 114514,
  group_name: 'test',
};

/** The OneBot 11 standard's own example (communication/http-post.md), string message format. */
export const onebotStandardPrivateMessage = {
  time: 1515204254,
  self_id: 10001000,
  post_type: 'message',
  message_type: 'private',
  sub_type: 'friend',
  message_id: 12,
  user_id: 12345678,
  message: '你好～',
  raw_message: '你好～',
  font: 456,
  sender: { nickname: '小不点', sex: 'male', age: 18 },
};

const privateMessage = (post_type: string, sub_type: string) => ({
  ...onebotStandardPrivateMessage,
  post_type,
  sub_type,
  ...(sub_type === 'group' ? { group_id: 114514, temp_source: 0 } : {}),
});
const groupMessage = (post_type: string, sub_type: string) => ({
  ...napcatGroupMessage,
  post_type,
  sub_type,
  anonymous: sub_type === 'anonymous' ? { id: 1, name: '匿名', flag: 'anon-flag' } : null,
});
const notice = (notice_type: string, fields: Record<string, unknown>) => ({
  ...base,
  post_type: 'notice',
  notice_type,
  ...fields,
});
const inGroup = { group_id: 114514, user_id: 12345678 };
const byOperator = { ...inGroup, operator_id: 87654321 };

/** One example body for every event name the onebot() provider types. */
export const onebotFixtures: Readonly<Record<OneBotEventName, Record<string, unknown>>> = {
  'message.private.friend': privateMessage('message', 'friend'),
  'message.private.group': privateMessage('message', 'group'),
  'message.private.other': privateMessage('message', 'other'),
  'message.group.normal': groupMessage('message', 'normal'),
  'message.group.anonymous': groupMessage('message', 'anonymous'),
  'message.group.notice': groupMessage('message', 'notice'),
  'message_sent.private.friend': {
    ...privateMessage('message_sent', 'friend'),
    message_sent_type: 'self',
    target_id: 1,
  },
  'message_sent.private.group': privateMessage('message_sent', 'group'),
  'message_sent.private.other': privateMessage('message_sent', 'other'),
  'message_sent.group.normal': { ...groupMessage('message_sent', 'normal'), message_sent_type: 'self' },
  'notice.group_upload': notice('group_upload', {
    ...inGroup,
    file: { id: 'abc', name: 'a.txt', size: 12, busid: 102 },
  }),
  'notice.group_admin.set': notice('group_admin', { sub_type: 'set', ...inGroup }),
  'notice.group_admin.unset': notice('group_admin', { sub_type: 'unset', ...inGroup }),
  'notice.group_decrease.leave': notice('group_decrease', { sub_type: 'leave', ...byOperator }),
  'notice.group_decrease.kick': notice('group_decrease', { sub_type: 'kick', ...byOperator }),
  'notice.group_decrease.kick_me': notice('group_decrease', { sub_type: 'kick_me', ...byOperator }),
  'notice.group_decrease.disband': notice('group_decrease', { sub_type: 'disband', ...byOperator }),
  'notice.group_increase.approve': notice('group_increase', { sub_type: 'approve', ...byOperator }),
  'notice.group_increase.invite': notice('group_increase', { sub_type: 'invite', ...byOperator }),
  'notice.group_ban.ban': notice('group_ban', { sub_type: 'ban', ...byOperator, duration: 600 }),
  'notice.group_ban.lift_ban': notice('group_ban', { sub_type: 'lift_ban', ...byOperator, duration: 0 }),
  'notice.friend_add': notice('friend_add', { user_id: 12345678 }),
  'notice.group_recall': notice('group_recall', { ...byOperator, message_id: 1868129 }),
  'notice.friend_recall': notice('friend_recall', { user_id: 12345678, message_id: 12 }),
  'notice.notify.poke': notice('notify', {
    sub_type: 'poke',
    ...inGroup,
    target_id: self_id,
    raw_info: [{ type: 'qq', uid: 'u_x' }],
  }),
  'notice.notify.lucky_king': notice('notify', { sub_type: 'lucky_king', ...inGroup, target_id: 1 }),
  'notice.notify.honor': notice('notify', { sub_type: 'honor', ...inGroup, honor_type: 'talkative' }),
  'notice.notify.group_name': notice('notify', { sub_type: 'group_name', ...inGroup, name_new: '新群名' }),
  'notice.notify.title': notice('notify', { sub_type: 'title', ...inGroup, title: '龙王' }),
  'notice.notify.input_status': notice('notify', {
    sub_type: 'input_status',
    user_id: 12345678,
    group_id: 0,
    event_type: 1,
    status_text: '对方正在输入...',
  }),
  'notice.notify.profile_like': notice('notify', {
    sub_type: 'profile_like',
    operator_id: 12345678,
    operator_nick: '小不点',
    times: 10,
  }),
  'notice.notify.gray_tip': notice('notify', {
    sub_type: 'gray_tip',
    ...inGroup,
    message_id: 1,
    busi_id: '1061',
    content: '<gtip>',
    raw_info: {},
  }),
  'notice.group_card': notice('group_card', { ...inGroup, card_new: 'new', card_old: 'old' }),
  'notice.essence.add': notice('essence', {
    sub_type: 'add',
    group_id: 114514,
    user_id: 12345678,
    message_id: 1,
    sender_id: 12345678,
    operator_id: 87654321,
  }),
  'notice.essence.delete': notice('essence', {
    sub_type: 'delete',
    group_id: 114514,
    user_id: 12345678,
    message_id: 1,
    sender_id: 12345678,
    operator_id: 87654321,
  }),
  'notice.group_msg_emoji_like': notice('group_msg_emoji_like', {
    ...inGroup,
    message_id: 1,
    likes: [{ emoji_id: '76', count: 1 }],
    is_add: true,
  }),
  'notice.bot_offline': notice('bot_offline', { user_id: self_id, tag: 'kicked', message: '被踢下线' }),
  'notice.online_file_send.receive': notice('online_file_send', { sub_type: 'receive', peer_id: 12345678 }),
  'notice.online_file_send.refuse': notice('online_file_send', { sub_type: 'refuse', peer_id: 12345678 }),
  'notice.online_file_receive.cancel': notice('online_file_receive', {
    sub_type: 'cancel',
    peer_id: 12345678,
  }),
  'request.friend': {
    ...base,
    post_type: 'request',
    request_type: 'friend',
    user_id: 12345678,
    comment: '加个好友',
    flag: '1700000000000',
  },
  'request.group.add': {
    ...base,
    post_type: 'request',
    request_type: 'group',
    sub_type: 'add',
    ...inGroup,
    comment: '申请入群',
    flag: '7331',
  },
  'request.group.invite': {
    ...base,
    post_type: 'request',
    request_type: 'group',
    sub_type: 'invite',
    ...inGroup,
    comment: '',
    flag: '7332',
  },
  'meta_event.lifecycle.enable': {
    ...base,
    post_type: 'meta_event',
    meta_event_type: 'lifecycle',
    sub_type: 'enable',
  },
  'meta_event.lifecycle.disable': {
    ...base,
    post_type: 'meta_event',
    meta_event_type: 'lifecycle',
    sub_type: 'disable',
  },
  'meta_event.lifecycle.connect': {
    ...base,
    post_type: 'meta_event',
    meta_event_type: 'lifecycle',
    sub_type: 'connect',
  },
  'meta_event.heartbeat': {
    ...base,
    post_type: 'meta_event',
    meta_event_type: 'heartbeat',
    status: { online: true, good: true },
    interval: 30000,
  },
};
