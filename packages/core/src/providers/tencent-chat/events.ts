import { z } from 'zod';
import { msgBodySchema } from './elements.js';

/**
 * zod schemas for every Tencent Cloud Chat callback, keyed by its `CallbackCommand`. Fields are
 * those of the intl docs' request tables and samples (https://www.tencentcloud.com/document/product/1047/34355); the later
 * additions (Follow.*, group member fields, attributes, read receipts, owner change, quota
 * alarm) follow the trtc.io mirror of the same pages. Objects are loose: fields Tencent adds are kept.
 * Fields a sample omits, or that only appear when set, are optional.
 */

/**
 * Milliseconds. Group samples send it as a string (`"1670574414123"`), the others as a number, and
 * the tables say Integer: both are accepted and handlers always get a number.
 */
const eventTime = z
  .union([z.number(), z.string().regex(/^\d{1,16}$/, 'a numeric string')])
  .transform((value) => Number(value))
  .optional();

const command = <C extends string, S extends z.core.$ZodLooseShape>(name: C, shape: S) =>
  z.looseObject({ CallbackCommand: z.literal(name), ...shape, EventTime: eventTime });

const members = z.array(z.looseObject({ Member_Account: z.string() }));
const userDefinedData = z.array(z.looseObject({ Key: z.string(), Value: z.string() }));
const pairList = z.array(z.looseObject({ From_Account: z.string(), To_Account: z.string() }));
const inGroup = { GroupId: z.string(), Type: z.string() };

const c2cMessage = {
  From_Account: z.string(),
  To_Account: z.string(),
  MsgSeq: z.number(),
  MsgRandom: z.number(),
  /** Unix seconds. */
  MsgTime: z.number(),
  /** `<MsgSeq>_<MsgRandom>_<MsgTime>`: identifies the message for recall. */
  MsgKey: z.string(),
  /** Mainland samples add the message's id, e.g. `144115233406643804-1727580296-4026038328`. */
  MsgId: z.string().optional(),
  /** 1: delivered only to online users, not stored. */
  OnlineOnlyFlag: z.number().optional(),
  MsgBody: msgBodySchema,
  CloudCustomData: z.string().optional(),
};

const groupMessage = {
  ...inGroup,
  From_Account: z.string(),
  Operator_Account: z.string().optional(),
  Random: z.number(),
  OnlineOnlyFlag: z.number().optional(),
  MsgBody: msgBodySchema,
  CloudCustomData: z.string().optional(),
  /** Set for messages in a topic of a Community group. */
  TopicId: z.string().optional(),
};

export const tencentChatEventSchemas = {
  'State.StateChange': command('State.StateChange', {
    Info: z.looseObject({
      Action: z.string(),
      To_Account: z.string(),
      Reason: z.string().optional(),
    }),
    KickedDevice: z.array(z.looseObject({ Platform: z.string() })).optional(),
  }),

  'Profile.CallbackPortraitSet': command('Profile.CallbackPortraitSet', {
    Operator_Account: z.string().optional(),
    From_Account: z.string(),
    ProfileItem: z.array(z.looseObject({ Tag: z.string(), Value: z.union([z.string(), z.number()]) })),
  }),

  'Sns.CallbackPrevFriendAdd': command('Sns.CallbackPrevFriendAdd', {
    Requester_Account: z.string().optional(),
    From_Account: z.string(),
    FriendItem: z.array(
      z.looseObject({
        To_Account: z.string(),
        Remark: z.string().optional(),
        GroupName: z.string().optional(),
        AddSource: z.string().optional(),
        AddWording: z.string().optional(),
      }),
    ),
    AddType: z.string().optional(),
    ForceAddFlags: z.number().optional(),
  }),
  'Sns.CallbackPrevFriendResponse': command('Sns.CallbackPrevFriendResponse', {
    Requester_Account: z.string().optional(),
    From_Account: z.string(),
    ResponseFriendItem: z.array(
      z.looseObject({
        To_Account: z.string(),
        Remark: z.string().optional(),
        TagName: z.string().optional(),
        ResponseAction: z.string(),
      }),
    ),
  }),
  'Sns.CallbackFriendAdd': command('Sns.CallbackFriendAdd', {
    PairList: z.array(
      z.looseObject({
        From_Account: z.string(),
        To_Account: z.string(),
        Initiator_Account: z.string().optional(),
      }),
    ),
    /** `friend_add`/`FriendAdd` (added), `friend_response`/`FriendResponse` (accepted a request). */
    ClientCmd: z.string().optional(),
    Admin_Account: z.string().optional(),
    ForceFlag: z.number().optional(),
  }),
  'Sns.CallbackFriendDelete': command('Sns.CallbackFriendDelete', { PairList: pairList }),
  'Sns.CallbackBlackListAdd': command('Sns.CallbackBlackListAdd', { PairList: pairList }),
  'Sns.CallbackBlackListDelete': command('Sns.CallbackBlackListDelete', { PairList: pairList }),

  'Follow.CallbackAfterFollowAdd': command('Follow.CallbackAfterFollowAdd', {
    From_Account: z.string(),
    FollowList: z.array(z.looseObject({ To_Account: z.string() })),
  }),
  'Follow.CallbackAfterFollowDelete': command('Follow.CallbackAfterFollowDelete', {
    From_Account: z.string(),
    To_Account: z.array(z.string()),
  }),

  'C2C.CallbackBeforeSendMsg': command('C2C.CallbackBeforeSendMsg', c2cMessage),
  'C2C.CallbackAfterSendMsg': command('C2C.CallbackAfterSendMsg', {
    ...c2cMessage,
    /** 0: delivered. The callback also fires when delivery failed. */
    SendMsgResult: z.number(),
    ErrorInfo: z.string().optional(),
    /** −1 when delivery failed. */
    UnreadMsgNum: z.number().optional(),
  }),
  'C2C.CallbackAfterMsgReport': command('C2C.CallbackAfterMsgReport', {
    Report_Account: z.string(),
    Peer_Account: z.string(),
    LastReadTime: z.number(),
    UnreadMsgNum: z.number().optional(),
  }),
  'C2C.CallbackAfterMsgWithDraw': command('C2C.CallbackAfterMsgWithDraw', {
    From_Account: z.string(),
    To_Account: z.string(),
    MsgKey: z.string(),
    UnreadMsgNum: z.number().optional(),
  }),

  'Group.CallbackBeforeCreateGroup': command('Group.CallbackBeforeCreateGroup', {
    Operator_Account: z.string(),
    Owner_Account: z.string().optional(),
    Type: z.string(),
    Name: z.string(),
    CreateGroupNum: z.number().optional(),
    MemberList: members.optional(),
  }),
  'Group.CallbackAfterCreateGroup': command('Group.CallbackAfterCreateGroup', {
    ...inGroup,
    Operator_Account: z.string(),
    Owner_Account: z.string().optional(),
    Name: z.string(),
    MemberList: members.optional(),
    UserDefinedDataList: userDefinedData.optional(),
  }),
  'Group.CallbackBeforeApplyJoinGroup': command('Group.CallbackBeforeApplyJoinGroup', {
    ...inGroup,
    Requestor_Account: z.string(),
  }),
  'Group.CallbackBeforeInviteJoinGroup': command('Group.CallbackBeforeInviteJoinGroup', {
    ...inGroup,
    Operator_Account: z.string(),
    DestinationMembers: members,
  }),
  'Group.CallbackAfterNewMemberJoin': command('Group.CallbackAfterNewMemberJoin', {
    ...inGroup,
    /** `Apply` or `Invited`. */
    JoinType: z.string(),
    Operator_Account: z.string(),
    NewMemberList: members,
  }),
  'Group.CallbackAfterMemberExit': command('Group.CallbackAfterMemberExit', {
    ...inGroup,
    /** `Kicked` or `Quit`. */
    ExitType: z.string(),
    Operator_Account: z.string(),
    ExitMemberList: members,
  }),
  'Group.CallbackBeforeSendMsg': command('Group.CallbackBeforeSendMsg', groupMessage),
  'Group.CallbackAfterSendMsg': command('Group.CallbackAfterSendMsg', {
    ...groupMessage,
    MsgSeq: z.number(),
    /** Unix seconds. */
    MsgTime: z.number(),
  }),
  'Group.CallbackSendMsgException': command('Group.CallbackSendMsgException', {
    ...groupMessage,
    ErrorCode: z.number(),
    ErrorInfo: z.string(),
  }),
  'Group.CallbackAfterRecallMsg': command('Group.CallbackAfterRecallMsg', {
    ...inGroup,
    Operator_Account: z.string(),
    MsgSeqList: z.array(z.looseObject({ MsgSeq: z.number() })),
    TopicId: z.string().optional(),
  }),
  'Group.CallbackAfterGroupFull': command('Group.CallbackAfterGroupFull', { GroupId: z.string() }),
  'Group.CallbackAfterGroupDestroyed': command('Group.CallbackAfterGroupDestroyed', {
    ...inGroup,
    Owner_Account: z.string().optional(),
    Name: z.string().optional(),
    MemberList: members.optional(),
  }),
  'Group.CallbackAfterGroupInfoChanged': command('Group.CallbackAfterGroupInfoChanged', {
    ...inGroup,
    Operator_Account: z.string(),
    // Only the fields that changed are present.
    Name: z.string().optional(),
    Introduction: z.string().optional(),
    Notification: z.string().optional(),
    FaceUrl: z.string().optional(),
  }),
  'Group.CallbackOnMemberStateChange': command('Group.CallbackOnMemberStateChange', {
    GroupId: z.string(),
    /** `Online` or `Offline` (live-streaming groups). */
    EventType: z.string(),
    MemberList: members,
  }),
  'Group.CallbackBeforeCreateTopic': command('Group.CallbackBeforeCreateTopic', {
    GroupId: z.string().optional(),
    Operator_Account: z.string(),
    Type: z.string(),
    Name: z.string(),
  }),
  'Group.CallbackAfterCreateTopic': command('Group.CallbackAfterCreateTopic', {
    ...inGroup,
    TopicId: z.string(),
    Operator_Account: z.string(),
    Owner_Account: z.string().optional(),
    Name: z.string(),
    UserDefinedDataList: userDefinedData.optional(),
  }),
  'Group.CallbackAfterTopicDestroyed': command('Group.CallbackAfterTopicDestroyed', {
    ...inGroup,
    TopicIdList: z.array(z.string()),
  }),
  'Group.CallbackAfterTopicInfoChanged': command('Group.CallbackAfterTopicInfoChanged', {
    ...inGroup,
    TopicId: z.string().optional(),
    Operator_Account: z.string(),
    Name: z.string().optional(),
    Introduction: z.string().optional(),
    Notification: z.string().optional(),
    FaceUrl: z.string().optional(),
  }),
  'Group.CallbackAfterMemberFieldChanged': command('Group.CallbackAfterMemberFieldChanged', {
    ...inGroup,
    Operator_Account: z.string(),
    Member_Account: z.string(),
    /** `Admin` or `Member` when the role changed. */
    Role: z.string().optional(),
    NameCard: z.string().optional(),
  }),
  'Group.CallbackAfterGroupAttrChanged': command('Group.CallbackAfterGroupAttrChanged', {
    ...inGroup,
    Operator_Account: z.string(),
    /** `set`, `modify`, `clear` or `delete`. */
    OptionType: z.string(),
    GroupAttr: z.array(z.looseObject({ key: z.string(), value: z.string() })),
  }),
  'Group.CallbackAfterReadReceipt': command('Group.CallbackAfterReadReceipt', {
    ...inGroup,
    GroupMsgReceiptList: z.array(
      z.looseObject({
        MsgSeq: z.number(),
        ReadNum: z.number(),
        UnreadNum: z.number(),
        ReadReceiptMembers: members.optional(),
      }),
    ),
  }),
  'Group.CallbackAfterChangeGroupOwner': command('Group.CallbackAfterChangeGroupOwner', {
    ...inGroup,
    Operator_Account: z.string(),
    OldOwner_Account: z.string(),
    NewOwner_Account: z.string(),
  }),
  'Group.CallbackOnDailyGroupQuotaAlarm': command('Group.CallbackOnDailyGroupQuotaAlarm', {
    /** Groups created today. */
    QuotaUsed: z.number(),
    /** The daily limit. */
    Quota: z.number(),
  }),
} as const;

type Schemas = typeof tencentChatEventSchemas;
export type TencentChatCommand = keyof Schemas;
export type TencentChatEventOf<C extends TencentChatCommand> = z.infer<Schemas[C]>;

export type C2CBeforeSendMsgEvent = TencentChatEventOf<'C2C.CallbackBeforeSendMsg'>;
export type C2CAfterSendMsgEvent = TencentChatEventOf<'C2C.CallbackAfterSendMsg'>;
export type GroupBeforeSendMsgEvent = TencentChatEventOf<'Group.CallbackBeforeSendMsg'>;
export type GroupAfterSendMsgEvent = TencentChatEventOf<'Group.CallbackAfterSendMsg'>;
export type PrevFriendAddEvent = TencentChatEventOf<'Sns.CallbackPrevFriendAdd'>;
export type PrevFriendResponseEvent = TencentChatEventOf<'Sns.CallbackPrevFriendResponse'>;
