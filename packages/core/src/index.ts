export { isJsonContentType } from './body/content-type.js';
export { parseJsonBody } from './body/parse-json.js';
export { type BodyLimits, DEFAULT_BODY_LIMIT, DEFAULT_BODY_TIMEOUT_MS, readBody } from './body/read-body.js';
export { DIGEST_BYTES, type HmacAlgorithm, hmacDigest, matchHmac, type SignedPart } from './crypto/hmac.js';
export { type Secret, secretList } from './crypto/secrets.js';
export { decodeSignature, type SignatureEncoding } from './crypto/signature-encoding.js';
export { safeEqual } from './crypto/timing-safe-equal.js';
export * from './dedupe/index.js';
export { describeThrown } from './describe-thrown.js';
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
export { headersFromFetch, headerValue } from './http/headers.js';
export { nodeRequestHead, writeNodeResponse } from './http/node.js';
export { queryOf } from './http/query.js';
export { emptyResponse, errorResponse, jsonResponse } from './http/responses.js';
export type { WebhookHeaders, WebhookRequest, WebhookResponse } from './http/types.js';
export { consoleLogger, type Logger, silentLogger, stderrLogger } from './logger.js';
export type {
  EventsOf,
  MetaOf,
  ParsedEvent,
  ProofNames,
  Provider,
  VerifyInput,
  VerifyOutcome,
} from './provider.js';
// Discord: the Interactions Endpoint URL (discord) and the Webhook Events URL (discordEvents).
export {
  type DiscordAutocompleteResult,
  type DiscordChannelMessage,
  type DiscordChoice,
  type DiscordCommandOption,
  type DiscordCommandResponse,
  type DiscordComponentResponse,
  type DiscordDeferredChannelMessage,
  type DiscordDeferredUpdateMessage,
  type DiscordEventsOptions,
  type DiscordEventsProvider,
  type DiscordInteractionName,
  type DiscordInteractionOf,
  type DiscordInteractionResponse,
  type DiscordInteractions,
  type DiscordLaunchActivity,
  type DiscordMessageData,
  DiscordMessageFlags,
  type DiscordMeta,
  type DiscordModal,
  type DiscordModalSubmitResponse,
  type DiscordOptions,
  type DiscordProvider,
  type DiscordResponseFor,
  type DiscordUpdateMessage,
  type DiscordWebhookEventName,
  type DiscordWebhookEventOf,
  type DiscordWebhookEvents,
  discord,
  discordEvents,
  discordInteractionSchemas,
  discordReply,
  discordWebhookEventSchemas,
} from './providers/discord/index.js';
export * from './providers/github/index.js';
export * from './providers/hmac/index.js';
export * from './providers/onebot/index.js';
export * from './providers/standard-webhooks/index.js';
export * from './providers/tencent-chat/index.js';
export * from './providers/token/index.js';
export * from './providers/whatsapp/index.js';
export {
  type CloseReport,
  createReceiver,
  type FrameworkLimits,
  type Receiver,
  type ReceiverLike,
  type RequestHead,
} from './receiver/create-receiver.js';
export type { DeliveryProcessor, Inbox, InboxDelivery } from './receiver/inbox.js';
export type { ReceiverMode, ReceiverOptions } from './receiver/options.js';
export type { UnfinishedDelivery } from './receiver/work-tracker.js';
export * from './sender-toolkit/index.js';
export { dottedCandidates, type ResolvedEvent, resolveEvent } from './sender-toolkit/resolve-event.js';
export { type VerifyResult, verify } from './verify.js';
