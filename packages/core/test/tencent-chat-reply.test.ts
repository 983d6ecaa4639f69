import { createReceiver, type ReceiverLike, tencent, tencentChat } from '@hookguard/core';
import { tencentChatFixtures, tencentChatRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const TOKEN = 'reply-token';
const provider = tencentChat({ token: TOKEN });
type Command = keyof typeof tencentChatFixtures;
const send = (receiver: ReceiverLike, command: Command) =>
  receiver.handle(tencentChatRequest(tencentChatFixtures[command], { token: TOKEN }));

// The docs' sample responses (https://www.tencentcloud.com/document/product/1047/34355), byte for byte, in the docs' key order.
const FORBIDDEN = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":1}';
const DISCARDED = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":2}';
const C2C_MODIFIED =
  '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}},{"MsgType":"TIMCustomElem","MsgContent":{"Desc":" CustomElement.MemberLevel ","Data":" LV1"}}],"CloudCustomData":"your new cloud custom data"}';
const GROUP_MODIFIED =
  '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}},{"MsgType":"TIMCustomElem","MsgContent":{"Desc":"CustomElement.MemberLevel","Data":"LV1"}}],"CloudCustomData":"your cloud custom data"}';
const INVITE_REFUSED =
  '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"RefusedMembers_Account":["jared"]}';
const FRIENDS_ALLOWED =
  '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","ResultItem":[{"To_Account":"id1","ResultCode":0,"ResultInfo":""},{"To_Account":"id2","ResultCode":0,"ResultInfo":""}]}';
const ALLOWED = '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0}';
const ACK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';

describe('tencentChat() decisions', () => {
  const samples: [Command, () => unknown, string][] = [
    ['C2C.CallbackBeforeSendMsg', () => tencent.reject(), FORBIDDEN],
    ['C2C.CallbackBeforeSendMsg', () => tencent.discard(), DISCARDED],
    [
      'C2C.CallbackBeforeSendMsg',
      () =>
        tencent.modify({
          MsgBody: [
            tencent.text('red packet'),
            { MsgType: 'TIMCustomElem', MsgContent: { Desc: ' CustomElement.MemberLevel ', Data: ' LV1' } },
          ],
          CloudCustomData: 'your new cloud custom data',
        }),
      C2C_MODIFIED,
    ],
    ['Group.CallbackBeforeSendMsg', () => tencent.reject(1), FORBIDDEN],
    ['Group.CallbackBeforeSendMsg', () => tencent.discard(), DISCARDED],
    [
      'Group.CallbackBeforeSendMsg',
      () =>
        tencent.modify({
          MsgBody: [
            tencent.text('red packet'),
            tencent.custom({ Desc: 'CustomElement.MemberLevel', Data: 'LV1' }),
          ],
          CloudCustomData: 'your cloud custom data',
        }),
      GROUP_MODIFIED,
    ],
    ['Group.CallbackBeforeCreateGroup', () => tencent.reject(), FORBIDDEN],
    ['Group.CallbackBeforeCreateTopic', () => tencent.reject(), FORBIDDEN],
    ['Group.CallbackBeforeApplyJoinGroup', () => tencent.reject(), FORBIDDEN],
    ['Group.CallbackBeforeInviteJoinGroup', () => tencent.refuseMembers(['jared']), INVITE_REFUSED],
    [
      'Sns.CallbackPrevFriendAdd',
      () => tencent.friendResults([tencent.allowFriend('id1'), tencent.allowFriend('id2')]),
      FRIENDS_ALLOWED,
    ],
    [
      'Sns.CallbackPrevFriendResponse',
      () => tencent.friendResults([tencent.allowFriend('id1'), tencent.allowFriend('id2')]),
      FRIENDS_ALLOWED,
    ],
  ];
  it.each(samples)('answers %s with the docs’ sample response %#', async (command, decide, expected) => {
    const receiver = createReceiver(provider).on(command, decide as () => undefined);
    const response = await send(receiver, command);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toBe(expected);
  });

  it('allows a before-callback whose handler returns nothing or tencent.allow(), or that has no handler', async () => {
    const silent = createReceiver(provider).on('Group', () => undefined);
    const allowing = createReceiver(provider).on('C2C.CallbackBeforeSendMsg', () => tencent.allow());
    expect((await send(silent, 'Group.CallbackBeforeSendMsg')).body).toBe(ALLOWED);
    expect((await send(allowing, 'C2C.CallbackBeforeSendMsg')).body).toBe(ALLOWED);
    expect((await send(createReceiver(provider), 'Group.CallbackBeforeCreateGroup')).body).toBe(ALLOWED);
  });

  it('allows every requested friend by name when a Sns.CallbackPrev* handler decides nothing', async () => {
    const response = await send(createReceiver(provider), 'Sns.CallbackPrevFriendAdd');
    expect(response.body).toBe(FRIENDS_ALLOWED);
  });

  it('refuses one requested friend with a code in [38000, 39000]', async () => {
    const receiver = createReceiver(provider).on('Sns.CallbackPrevFriendAdd', (event) =>
      tencent.friendResults(
        event.FriendItem.map((item) =>
          item.To_Account === 'id2'
            ? tencent.refuseFriend(item.To_Account, 38001, 'blocked')
            : tencent.allowFriend(item.To_Account),
        ),
      ),
    );
    expect(JSON.parse((await send(receiver, 'Sns.CallbackPrevFriendAdd')).body).ResultItem).toEqual([
      { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
      { To_Account: 'id2', ResultCode: 38001, ResultInfo: 'blocked' },
    ]);
  });

  it('passes a custom reject code in the command’s range, with its message, to the client', async () => {
    const receiver = createReceiver(provider)
      .on('C2C.CallbackBeforeSendMsg', () => tencent.reject(120001, 'muted until tomorrow'))
      .on('Group.CallbackBeforeApplyJoinGroup', () => tencent.reject(10200, 'invite only'));
    expect((await send(receiver, 'C2C.CallbackBeforeSendMsg')).body).toBe(
      '{"ActionStatus":"OK","ErrorInfo":"muted until tomorrow","ErrorCode":120001}',
    );
    expect((await send(receiver, 'Group.CallbackBeforeApplyJoinGroup')).body).toBe(
      '{"ActionStatus":"OK","ErrorInfo":"invite only","ErrorCode":10200}',
    );
  });

  const wrong: [string, Command, unknown, RegExp][] = [
    [
      'a C2C code in the group range',
      'C2C.CallbackBeforeSendMsg',
      tencent.reject(10100),
      /\[120001, 130000\]/,
    ],
    [
      'a group code in the C2C range',
      'Group.CallbackBeforeSendMsg',
      tencent.reject(120001),
      /\[10100, 10200\]/,
    ],
    ['code 0 as a rejection', 'Group.CallbackBeforeCreateGroup', tencent.reject(0), /reject code 0/],
    [
      'discard where only messages can be discarded',
      'Group.CallbackBeforeCreateGroup',
      tencent.discard(),
      /discard/,
    ],
    [
      'modify where there is no message',
      'Group.CallbackBeforeInviteJoinGroup',
      tencent.modify({ CloudCustomData: 'x' }),
      /modify/,
    ],
    [
      'an empty modification',
      'C2C.CallbackBeforeSendMsg',
      { decision: 'modify' },
      /MsgBody or CloudCustomData/,
    ],
    ['a reject on a friend request', 'Sns.CallbackPrevFriendAdd', tencent.reject(), /reject/],
    [
      'a friend verdict outside [38000, 39000]',
      'Sns.CallbackPrevFriendResponse',
      tencent.friendResults([tencent.refuseFriend('id1', 5)]),
      /ResultCode 5/,
    ],
    [
      'refused members on a message',
      'C2C.CallbackBeforeSendMsg',
      tencent.refuseMembers(['a']),
      /refuseMembers/,
    ],
    [
      'Tencent’s raw JSON instead of a decision',
      'C2C.CallbackBeforeSendMsg',
      { ErrorCode: 1 },
      /invalid decision/,
    ],
  ];
  it.each(wrong)(
    'fails with 500 INVALID_REPLY and calls onError for %s',
    async (_, command, reply, message) => {
      const onError = vi.fn();
      const receiver = createReceiver(provider, { onError }).on(command, (() => reply) as () => undefined);
      const response = await send(receiver, command);
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body).error.code).toBe('INVALID_REPLY');
      expect(onError).toHaveBeenCalledOnce();
      expect(String(onError.mock.calls[0]![0])).toMatch(message);
    },
  );

  it('acknowledges after-callbacks with OK whatever a plain-JS handler returns', async () => {
    const receiver = createReceiver(provider)
      .on('C2C.CallbackAfterSendMsg', (() => tencent.reject()) as unknown as () => undefined)
      .on('Group.CallbackAfterSendMsg', (() => ({ anything: true })) as unknown as () => undefined);
    for (const command of [
      'C2C.CallbackAfterSendMsg',
      'Group.CallbackAfterSendMsg',
      'State.StateChange',
    ] as const) {
      const response = await send(receiver, command);
      expect(response.status).toBe(200);
      expect(response.body).toBe(ACK);
    }
  });

  it('passes a * handler’s decision on for a before-callback it has no schema for', async () => {
    const receiver = createReceiver(provider).on('*', () => tencent.reject(4242, 'no'));
    const body = { CallbackCommand: 'OfficialAccount.CallbackBeforeSendMsg', From_Account: 'a' };
    const response = await receiver.handle(tencentChatRequest(body, { token: TOKEN }));
    expect(response.body).toBe('{"ActionStatus":"OK","ErrorInfo":"no","ErrorCode":4242}');
  });
});
