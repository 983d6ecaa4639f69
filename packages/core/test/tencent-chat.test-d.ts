import {
  type AllowDecision,
  type C2CBeforeSendMsgEvent,
  createReceiver,
  type GroupAfterSendMsgEvent,
  type GroupBeforeSendMsgEvent,
  isMsgElement,
  type RejectDecision,
  type SendMsgDecision,
  type TencentChatCommand,
  type TencentChatMeta,
  tencent,
  tencentChat,
  type UnknownEvent,
} from '@hookguard/core';
import { describe, expectTypeOf, it } from 'vitest';

const receiver = createReceiver(tencentChat({ token: 't' }));

describe('tencentChat() types', () => {
  it('narrows the event by full command name', () => {
    receiver.on('C2C.CallbackBeforeSendMsg', (event, context) => {
      expectTypeOf(event).toEqualTypeOf<C2CBeforeSendMsgEvent>();
      expectTypeOf(event.CallbackCommand).toEqualTypeOf<'C2C.CallbackBeforeSendMsg'>();
      expectTypeOf(event.MsgKey).toEqualTypeOf<string>();
      expectTypeOf(event.EventTime).toEqualTypeOf<number | undefined>();
      expectTypeOf(context.meta).toEqualTypeOf<TencentChatMeta>();
      return undefined;
    });
    receiver.on('Sns.CallbackPrevFriendAdd', (event) => {
      expectTypeOf(event.FriendItem[0]!.To_Account).toEqualTypeOf<string>();
    });
  });

  it('narrows a prefix to the union of the commands under it, and no others', () => {
    receiver.on('Group', (event) => {
      expectTypeOf(event.CallbackCommand).toExtend<`Group.${string}`>();
      expectTypeOf<GroupBeforeSendMsgEvent>().toExtend<typeof event>();
      expectTypeOf<GroupAfterSendMsgEvent>().toExtend<typeof event>();
      expectTypeOf<C2CBeforeSendMsgEvent>().not.toExtend<typeof event>();
      if (event.CallbackCommand === 'Group.CallbackAfterSendMsg')
        expectTypeOf(event.MsgSeq).toEqualTypeOf<number>();
    });
    receiver.on('C2C', (event) => {
      expectTypeOf(event.CallbackCommand).toExtend<`C2C.${string}`>();
    });
    receiver.on('unknown', (event) => {
      expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
    });
    // @ts-expect-error not a command or a prefix of one
    receiver.on('Grop', () => undefined);
    // @ts-expect-error prefixes end at a dot
    receiver.on('Group.Callback', () => undefined);
    expectTypeOf<'State.StateChange'>().toExtend<TencentChatCommand>();
  });

  it('lets before-callbacks return only the decisions their command takes', () => {
    receiver.on('C2C.CallbackBeforeSendMsg', () => tencent.reject(120001, 'muted'));
    receiver.on('Group.CallbackBeforeSendMsg', () => tencent.discard());
    receiver.on('Group.CallbackBeforeSendMsg', (event) =>
      tencent.modify({ MsgBody: [...event.MsgBody, tencent.text('(edited)')] }),
    );
    receiver.on('Group.CallbackBeforeInviteJoinGroup', () => tencent.refuseMembers(['bob']));
    receiver.on('Group.CallbackBeforeCreateGroup', async () => tencent.allow());
    receiver.on('Sns.CallbackPrevFriendResponse', () => tencent.friendResults([tencent.allowFriend('id1')]));

    // @ts-expect-error only messages can be discarded
    receiver.on('Group.CallbackBeforeCreateGroup', () => tencent.discard());
    // @ts-expect-error only messages can be modified
    receiver.on('Group.CallbackBeforeApplyJoinGroup', () => tencent.modify({ CloudCustomData: 'x' }));
    // @ts-expect-error a friend request takes per-friend verdicts, not a reject
    receiver.on('Sns.CallbackPrevFriendAdd', () => tencent.reject());
    // @ts-expect-error refused members belong to invitations
    receiver.on('C2C.CallbackBeforeSendMsg', () => tencent.refuseMembers(['bob']));
    // @ts-expect-error Tencent's raw JSON is not a decision
    receiver.on('C2C.CallbackBeforeSendMsg', () => ({ ErrorCode: 1 }));
  });

  it('refuses any decision on an after-callback (its reply type is never)', () => {
    receiver.on('C2C.CallbackAfterSendMsg', () => undefined);
    receiver.on('Group.CallbackAfterSendMsg', async () => {});
    // @ts-expect-error after-callbacks take no decision
    receiver.on('C2C.CallbackAfterSendMsg', () => tencent.allow());
    // @ts-expect-error after-callbacks take no decision
    receiver.on('Group.CallbackAfterNewMemberJoin', () => tencent.reject());
    // @ts-expect-error after-callbacks take no decision
    receiver.on('State.StateChange', () => tencent.discard());
  });

  it('types the helpers’ decisions and refuses an empty modification', () => {
    expectTypeOf(tencent.allow()).toEqualTypeOf<AllowDecision>();
    expectTypeOf(tencent.reject()).toEqualTypeOf<RejectDecision>();
    expectTypeOf(tencent.discard()).toExtend<SendMsgDecision>();
    // @ts-expect-error a modification changes MsgBody or CloudCustomData
    tencent.modify({});
    // @ts-expect-error MsgBody items are message elements
    tencent.modify({ MsgBody: ['hello'] });
  });

  it('narrows message elements with isMsgElement', () => {
    receiver.on('C2C.CallbackAfterSendMsg', (event) => {
      for (const element of event.MsgBody) {
        if (isMsgElement(element, 'TIMImageElem')) {
          expectTypeOf(element.MsgContent.ImageInfoArray[0]!.Type).toEqualTypeOf<number>();
        }
        if (isMsgElement(element, 'TIMTextElem'))
          expectTypeOf(element.MsgContent.Text).toEqualTypeOf<string>();
      }
    });
  });
});
