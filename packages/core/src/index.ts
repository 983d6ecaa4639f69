/**
 * `@hookguard/core`: what an app author imports. The receiver and `verify`, the provider factories,
 * the helpers handlers build replies with and read messages through, the
 * errors, the loggers, the in-memory dedupe store, the two answers a `respond` option returns, and
 * the public types. Every name is listed on purpose (no `export *`: a name must not go public by
 * being added to an inner file), and packages/core/test/exports.test.ts pins the list. Plumbing for
 * adapters, stores and workers is `@hookguard/core/adapter`; the senders' zod schemas are
 * `@hookguard/core/schemas`; signers and fixtures for tests are `@hookguard/core/testing`;
 * everything else is internal.
 */

export type { HmacAlgorithm } from './crypto/hmac.js';
export type { Secret } from './crypto/secrets.js';
export type { SignatureEncoding } from './crypto/signature-encoding.js';
export {
  type MemoryDedupeOptions,
  type MemoryDedupeStore,
  memoryDedupeStore,
} from './dedupe/memory-store.js';
export type { DedupeOptions, DedupeSetting } from './dedupe/options.js';
export type { DedupeClaim, DedupeStore } from './dedupe/store.js';
export {
  BodyError,
  type ErrorCode,
  HandlerError,
  isWebhookError,
  VerificationError,
  WebhookError,
} from './errors.js';
export type {
  EventDef,
  EventMap,
  EventName,
  EventOf,
  Handler,
  HandlerContext,
  LeavesOf,
  ReplyOf,
  SchemaIssue,
  UnknownEvent,
} from './event-map.js';
export { emptyResponse, jsonResponse } from './http/responses.js';
export type { WebhookHeaders, WebhookRequest, WebhookResponse } from './http/types.js';
export { consoleLogger, type Logger, silentLogger, stderrLogger } from './logger.js';
export type {
  EventsOf,
  MetaOf,
  ParsedBatch,
  ParsedEvent,
  ProofNames,
  Provider,
  VerifyInput,
  VerifyOutcome,
} from './provider.js';
export type { DingtalkEventName, DingtalkEventOf } from './providers/dingtalk/events.js';
export {
  type DingtalkEvents,
  type DingtalkMeta,
  type DingtalkOptions,
  type DingtalkProvider,
  dingtalk,
} from './providers/dingtalk/index.js';
export type { DingtalkRobotEventName, DingtalkRobotEventOf } from './providers/dingtalk-robot/events.js';
export {
  type DingtalkAt,
  type DingtalkRobotEvents,
  type DingtalkRobotMeta,
  type DingtalkRobotOptions,
  type DingtalkRobotProvider,
  type DingtalkRobotReply,
  dingtalkRobot,
} from './providers/dingtalk-robot/index.js';
export {
  type DiscordEventsOptions,
  type DiscordEventsProvider,
  type DiscordWebhookEvents,
  discordEvents,
} from './providers/discord/discord-events.js';
export type {
  DiscordCommandOption,
  DiscordInteractionName,
  DiscordInteractionOf,
} from './providers/discord/events.js';
export {
  type DiscordInteractions,
  type DiscordOptions,
  type DiscordProvider,
  discord,
} from './providers/discord/index.js';
export type { DiscordMeta } from './providers/discord/meta.js';
export {
  type DiscordAutocompleteResult,
  type DiscordChannelMessage,
  type DiscordChoice,
  type DiscordCommandResponse,
  type DiscordComponentResponse,
  type DiscordDeferredChannelMessage,
  type DiscordDeferredUpdateMessage,
  type DiscordInteractionResponse,
  type DiscordLaunchActivity,
  type DiscordMessageData,
  DiscordMessageFlags,
  type DiscordModal,
  type DiscordModalSubmitResponse,
  type DiscordResponseFor,
  type DiscordUpdateMessage,
  discordReply,
} from './providers/discord/responses.js';
export type {
  DiscordWebhookEventName,
  DiscordWebhookEventOf,
} from './providers/discord/webhook-events.js';
// Feishu/Lark: one factory under both names.
export type { FeishuEventName, FeishuEventOf } from './providers/feishu/events.js';
export {
  type FeishuEvents,
  type FeishuMeta,
  type FeishuOptions,
  type FeishuProvider,
  feishu,
  feishu as lark,
} from './providers/feishu/index.js';
export type {
  FeishuCardReply,
  FeishuCardUpdate,
  FeishuReplyFor,
  FeishuToast,
} from './providers/feishu/replies.js';
export type { GitHubAction, GitHubActionEvent } from './providers/github/actions.js';
export type { GitHubEventName, GitHubEventOf } from './providers/github/events.js';
export {
  type GitHubEvents,
  type GitHubMeta,
  type GitHubOptions,
  type GitHubProvider,
  github,
} from './providers/github/index.js';
export { type HmacOptions, hmac } from './providers/hmac/index.js';
export type { LineEventName, LineEventOf } from './providers/line/events.js';
export {
  type LineEvents,
  type LineMeta,
  type LineOptions,
  type LineProvider,
  line,
} from './providers/line/index.js';
export type { MatrixEventName, MatrixEventOf } from './providers/matrix/events.js';
export {
  type MatrixEvents,
  type MatrixMeta,
  type MatrixOptions,
  type MatrixProvider,
  matrix,
} from './providers/matrix/index.js';
export type {
  FriendRequestEvent,
  GroupMessageEvent,
  GroupRequestEvent,
  MessageEvent,
  OneBotEventName,
  OneBotEventOf,
  PrivateMessageEvent,
} from './providers/onebot/events.js';
export {
  type OneBotEvents,
  type OneBotMeta,
  type OneBotOptions,
  type OneBotProvider,
  onebot,
} from './providers/onebot/index.js';
export type {
  FriendRequestReply,
  GroupMessageReply,
  GroupRequestReply,
  OutgoingMessage,
  OutgoingSegment,
  PrivateMessageReply,
} from './providers/onebot/reply.js';
export {
  isSegment,
  type KnownSegment,
  type OneBotMessage,
  type OtherSegment,
  plainText,
  type Segment,
  type SegmentOf,
  type SegmentType,
  segment,
} from './providers/onebot/segments.js';
export type {
  QQBotEventName,
  QQBotEventOf,
} from './providers/qq-bot/events.js';
export {
  type QQBotEvents,
  type QQBotMeta,
  type QQBotOptions,
  type QQBotProvider,
  qqBot,
} from './providers/qq-bot/index.js';
export type { SlackEventName, SlackEventOf } from './providers/slack/events.js';
export {
  type SlackEvents,
  type SlackOptions,
  type SlackProvider,
  slack,
} from './providers/slack/index.js';
export type { SlackMeta } from './providers/slack/meta.js';
export type {
  SlackCommandReply,
  SlackOption,
  SlackOptionsReply,
  SlackPlainText,
  SlackReplyFor,
  SlackViewSubmissionReply,
} from './providers/slack/replies.js';
export { type StandardWebhooksOptions, standardWebhooks } from './providers/standard-webhooks/index.js';
export type { StripeEvent, StripeEventName, StripeEventOf } from './providers/stripe/events.js';
export {
  type StripeEvents,
  type StripeMeta,
  type StripeOptions,
  type StripeProvider,
  stripe,
} from './providers/stripe/index.js';
export type { TelegramUpdateName, TelegramUpdateOf } from './providers/telegram/events.js';
export {
  type TelegramEvents,
  type TelegramOptions,
  type TelegramProvider,
  telegram,
} from './providers/telegram/index.js';
export {
  type TelegramMethodCall,
  type TelegramMethodName,
  type TelegramMethods,
  type TelegramOtherMethodCall,
  type TelegramReply,
  telegramMethod,
} from './providers/telegram/reply.js';
export type {
  BeforeCallbackCommand,
  BeforeCallbackRule,
} from './providers/tencent-chat/before-callbacks.js';
export {
  isMsgElement,
  type KnownMsgElement,
  type MsgElementOf,
  type MsgElementType,
  msgText,
  type OtherMsgElement,
  type TencentMsgElement,
} from './providers/tencent-chat/elements.js';
export type {
  C2CAfterSendMsgEvent,
  C2CBeforeSendMsgEvent,
  GroupAfterSendMsgEvent,
  GroupBeforeSendMsgEvent,
  PrevFriendAddEvent,
  PrevFriendResponseEvent,
  TencentChatCommand,
  TencentChatEventOf,
} from './providers/tencent-chat/events.js';
export {
  type TencentChatEvents,
  type TencentChatOptions,
  type TencentChatProvider,
  tencentChat,
} from './providers/tencent-chat/index.js';
export type { TencentChatMeta, TencentPlatform } from './providers/tencent-chat/meta.js';
export {
  type AllowDecision,
  type DiscardDecision,
  type FriendRequestDecision,
  type FriendResultsDecision,
  type FriendVerdict,
  type GateDecision,
  type InviteDecision,
  type MessageChange,
  type MessageChanges,
  type ModifyDecision,
  type RefuseMembersDecision,
  type RejectDecision,
  type SendMsgDecision,
  type TencentDecision,
  type TencentReplyFor,
  tencent,
} from './providers/tencent-chat/reply.js';
export { type TokenOptions, type TokenProof, token } from './providers/token/index.js';
export type { WechatEventName, WechatEventOf, WechatMessageName } from './providers/wechat/events.js';
export {
  type WechatEvents,
  type WechatMeta,
  type WechatOptions,
  type WechatProvider,
  type WechatReply,
  wechat,
} from './providers/wechat/index.js';
export type { WecomEventName, WecomEventOf, WecomMessageName } from './providers/wecom/events.js';
export {
  type WecomArticle,
  type WecomEvents,
  type WecomMeta,
  type WecomOptions,
  type WecomProvider,
  type WecomReply,
  wecom,
} from './providers/wecom/index.js';
export type {
  WecomBotEventName,
  WecomBotEventOf,
  WecomBotMessageName,
} from './providers/wecom-bot/events.js';
export {
  type WecomBotEvents,
  type WecomBotMeta,
  type WecomBotOptions,
  type WecomBotProvider,
  wecomBot,
} from './providers/wecom-bot/index.js';
export type {
  WecomBotMessageReply,
  WecomBotReply,
  WecomBotStream,
  WecomBotStreamImage,
  WecomBotStreamRefreshReply,
  WecomBotStreamReply,
  WecomBotStreamWithCardReply,
  WecomBotTemplateCard,
  WecomBotTemplateCardReply,
  WecomBotTextReply,
  WecomBotUpdateCardReply,
  WecomBotWelcomeReply,
} from './providers/wecom-bot/replies.js';
export type {
  WhatsAppCallOfferEvent,
  WhatsAppEventName,
  WhatsAppEventOf,
  WhatsAppGroupParticipantsEvent,
  WhatsAppMessageEvent,
  WhatsAppReactionEvent,
  WhatsAppReceiptEvent,
} from './providers/whatsapp/events.js';
export {
  type WhatsAppEvents,
  type WhatsAppMeta,
  type WhatsAppOptions,
  type WhatsAppProvider,
  whatsapp,
} from './providers/whatsapp/index.js';
export type { WhatsAppCloudEventName, WhatsAppCloudEventOf } from './providers/whatsapp-cloud/events.js';
export {
  type WhatsAppCloudContact,
  type WhatsAppCloudEvents,
  type WhatsAppCloudMeta,
  type WhatsAppCloudOptions,
  type WhatsAppCloudProvider,
  whatsappCloud,
} from './providers/whatsapp-cloud/index.js';
export {
  type CloseReport,
  createReceiver,
  type Receiver,
  type ReceiverLike,
} from './receiver/create-receiver.js';
export type { DeliveryProcessor, Inbox, InboxDelivery } from './receiver/inbox.js';
export type { LateReply } from './receiver/late-reply.js';
export type { ReceiverMode, ReceiverOptions } from './receiver/options.js';
export type { UnfinishedDelivery } from './receiver/work-tracker.js';
export type { HmacSchemeOptions } from './sender-toolkit/scheme.js';
export type {
  EventNameSource,
  EventSchemas,
  SenderEvents,
  SenderMeta,
  SenderOptions,
  SenderProvider,
} from './sender-toolkit/sender-provider.js';
export type { SignatureOptions } from './sender-toolkit/signature-format.js';
export type { SignedField } from './sender-toolkit/signed-template.js';
export type { PayloadSource, RequestSource } from './sender-toolkit/sources.js';
export type { TimestampOptions, TimestampUnit } from './sender-toolkit/timestamp-window.js';
export type { TokenSource } from './sender-toolkit/token-check.js';
export { type VerifyResult, verify } from './verify.js';
