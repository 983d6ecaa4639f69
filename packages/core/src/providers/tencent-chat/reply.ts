import type { TencentMsgElement } from './elements.js';

/**
 * A before-callback handler's decision. Build them with the `tencent` helpers; the serialiser turns
 * them into Tencent's `{ActionStatus, ErrorInfo, ErrorCode, ...}`. After-callbacks take none.
 */
export interface AllowDecision {
  readonly decision: 'allow';
}

/**
 * ErrorCode 1 (the client gets Tencent's own error, 20006 for one-to-one, 10016 for groups) or a
 * custom code, which Tencent passes to the client with `info`: [120001, 130000] for
 * `C2C.CallbackBeforeSendMsg`, [10100, 10200] for group callbacks. Checked when serialised.
 */
export interface RejectDecision {
  readonly decision: 'reject';
  readonly code: number;
  readonly info: string;
}

/** ErrorCode 2: the sender sees success, nobody receives the message (send-message callbacks only). */
export interface DiscardDecision {
  readonly decision: 'discard';
}

export interface MessageChanges {
  /** Replaces the message body; the after-send callback then sees the new body. */
  readonly MsgBody?: readonly TencentMsgElement[];
  readonly CloudCustomData?: string;
}

/** Allow the message with a new body and/or custom data (send-message callbacks only). */
export type ModifyDecision = { readonly decision: 'modify' } & MessageChange;

/** At least one of the two: `modify({})` is refused by the type checker. */
export type MessageChange =
  | (MessageChanges & { readonly MsgBody: readonly TencentMsgElement[] })
  | (MessageChanges & { readonly CloudCustomData: string });

/** Let the invitation go ahead without these UserIDs (`Group.CallbackBeforeInviteJoinGroup`). */
export interface RefuseMembersDecision {
  readonly decision: 'refuseMembers';
  readonly members: readonly string[];
}

export interface FriendVerdict {
  readonly To_Account: string;
  /** 0 allows; a refusal uses a code in [38000, 39000]. */
  readonly ResultCode: number;
  readonly ResultInfo?: string;
}

/** One verdict per requested friend (`Sns.CallbackPrevFriendAdd`, `Sns.CallbackPrevFriendResponse`). */
export interface FriendResultsDecision {
  readonly decision: 'friendResults';
  readonly results: readonly FriendVerdict[];
}

export type SendMsgDecision = AllowDecision | RejectDecision | DiscardDecision | ModifyDecision;
export type GateDecision = AllowDecision | RejectDecision;
export type InviteDecision = AllowDecision | RejectDecision | RefuseMembersDecision;
export type FriendRequestDecision = AllowDecision | FriendResultsDecision;
export type TencentDecision =
  | AllowDecision
  | RejectDecision
  | DiscardDecision
  | ModifyDecision
  | RefuseMembersDecision
  | FriendResultsDecision;

/** The reply type per command: a decision for before-callbacks, `never` for the rest. */
export type TencentReplyFor<C extends string> = C extends
  | 'C2C.CallbackBeforeSendMsg'
  | 'Group.CallbackBeforeSendMsg'
  ? SendMsgDecision
  : C extends
        | 'Group.CallbackBeforeCreateGroup'
        | 'Group.CallbackBeforeCreateTopic'
        | 'Group.CallbackBeforeApplyJoinGroup'
    ? GateDecision
    : C extends 'Group.CallbackBeforeInviteJoinGroup'
      ? InviteDecision
      : C extends 'Sns.CallbackPrevFriendAdd' | 'Sns.CallbackPrevFriendResponse'
        ? FriendRequestDecision
        : never;

/** Decisions for before-callbacks, and builders for the message elements a modification sends. */
export const tencent = {
  /** Let the action happen (also what a handler that returns nothing means). */
  allow: (): AllowDecision => ({ decision: 'allow' }),
  /** Refuse: `code` 1 by default; a custom code (with `info`) reaches the client. */
  reject: (code = 1, info = ''): RejectDecision => ({ decision: 'reject', code, info }),
  /** Drop the message silently: the sender believes it was sent. */
  discard: (): DiscardDecision => ({ decision: 'discard' }),
  /** Allow the message, replacing its body and/or CloudCustomData. */
  modify: (changes: MessageChange): ModifyDecision => ({ decision: 'modify', ...changes }),
  /** Allow the invitation, but not for these UserIDs. */
  refuseMembers: (members: readonly string[]): RefuseMembersDecision => ({
    decision: 'refuseMembers',
    members,
  }),
  /** One verdict per requested friend; see `tencent.allowFriend` / `tencent.refuseFriend`. */
  friendResults: (results: readonly FriendVerdict[]): FriendResultsDecision => ({
    decision: 'friendResults',
    results,
  }),
  allowFriend: (account: string): FriendVerdict => ({ To_Account: account, ResultCode: 0, ResultInfo: '' }),
  refuseFriend: (account: string, code = 38000, info = ''): FriendVerdict => ({
    To_Account: account,
    ResultCode: code,
    ResultInfo: info,
  }),

  text: (Text: string) => ({ MsgType: 'TIMTextElem', MsgContent: { Text } }) as const,
  face: (Index: number, Data = '') => ({ MsgType: 'TIMFaceElem', MsgContent: { Index, Data } }) as const,
  custom: (content: { Data: string; Desc?: string; Ext?: string; Sound?: string }) =>
    ({ MsgType: 'TIMCustomElem', MsgContent: content }) as const,
  location: (Latitude: number, Longitude: number, Desc = '') =>
    ({ MsgType: 'TIMLocationElem', MsgContent: { Desc, Latitude, Longitude } }) as const,
};
