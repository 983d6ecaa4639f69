/**
 * What each before-callback lets the backend decide (https://www.tencentcloud.com/document/product/1047/34355). Every other
 * command is an after-callback: Tencent ignores the answer, so nothing is decided there.
 */
export interface BeforeCallbackRule {
  /** Inclusive range of custom reject codes passed on to the client, besides the plain `1`; `null` = any. */
  readonly rejectRange: readonly [number, number] | null;
  /** ErrorCode 2: the sender sees success, nobody receives the message. */
  readonly discard: boolean;
  /** `MsgBody` / `CloudCustomData` replacements, applied with ErrorCode 0. */
  readonly modify: boolean;
  /** `RefusedMembers_Account`: continue, but without these invitees. */
  readonly refuseMembers: boolean;
  /** `ResultItem[]`: one verdict per requested friend; ErrorCode must stay 0 (`reject` does not apply). */
  readonly friendResults: boolean;
}

const groupCodes: readonly [number, number] = [10100, 10200];
const rule = (overrides: Partial<BeforeCallbackRule>): BeforeCallbackRule => ({
  rejectRange: groupCodes,
  discard: false,
  modify: false,
  refuseMembers: false,
  friendResults: false,
  ...overrides,
});

export const BEFORE_CALLBACKS = {
  'C2C.CallbackBeforeSendMsg': rule({ rejectRange: [120001, 130000], discard: true, modify: true }),
  'Group.CallbackBeforeSendMsg': rule({ discard: true, modify: true }),
  'Group.CallbackBeforeCreateGroup': rule({}),
  'Group.CallbackBeforeCreateTopic': rule({}),
  'Group.CallbackBeforeApplyJoinGroup': rule({}),
  'Group.CallbackBeforeInviteJoinGroup': rule({ refuseMembers: true }),
  'Sns.CallbackPrevFriendAdd': rule({ friendResults: true }),
  'Sns.CallbackPrevFriendResponse': rule({ friendResults: true }),
} as const satisfies Readonly<Record<string, BeforeCallbackRule>>;

export type BeforeCallbackCommand = keyof typeof BEFORE_CALLBACKS;

/**
 * A before-callback this version has no schema for (`OfficialAccount.CallbackBeforeSendMsg`, ...):
 * a `*` handler's decision is passed on unchecked, since its documented limits are unknown here.
 */
const UNKNOWN_BEFORE = rule({ rejectRange: null, discard: true, modify: true });

/** Verdicts on friend requests: 0 allows; Tencent reserves [38000, 39000] for the backend's refusals. */
export const FRIEND_REFUSAL_RANGE: readonly [number, number] = [38000, 39000];

export function beforeCallbackRule(command: string): BeforeCallbackRule | undefined {
  if (Object.hasOwn(BEFORE_CALLBACKS, command)) return BEFORE_CALLBACKS[command as BeforeCallbackCommand];
  return /^[A-Za-z]+\.Callback(Before|Prev)[A-Za-z]/.test(command) ? UNKNOWN_BEFORE : undefined;
}
