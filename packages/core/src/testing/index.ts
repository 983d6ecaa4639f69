/**
 * `@hookguard/core/testing`: sign and build requests exactly as each sender does, one example
 * body per event, and each sender's kit (everything hookguard's own tools know about it). For
 * your handler tests, and used by hookguard's own tests and CLI.
 */
export { dingtalkFixtures } from '../providers/dingtalk/kit/fixtures.js';
export { dingtalkKit } from '../providers/dingtalk/kit/index.js';
export {
  type DingtalkSigned,
  type DingtalkSignOptions,
  dingtalkRequest,
  signDingtalk,
} from '../providers/dingtalk/kit/sign.js';
export { dingtalkRobotFixtures } from '../providers/dingtalk-robot/kit/fixtures.js';
export { dingtalkRobotKit } from '../providers/dingtalk-robot/kit/index.js';
export { signDingtalkRobot } from '../providers/dingtalk-robot/kit/sign.js';
export {
  discordEventsPing,
  discordInteractionFixtures,
  discordModalFromComponent,
  discordPing,
  discordWebhookEventFixtures,
} from '../providers/discord/kit/fixtures.js';
export { discordEventsKit, discordKit } from '../providers/discord/kit/index.js';
export {
  type DiscordSigning,
  discordPublicKeyOf,
  discordRequest,
  signDiscord,
} from '../providers/discord/kit/sign.js';
export {
  FEISHU_DEMO_TOKEN,
  feishuFixtures,
  feishuUrlVerification,
} from '../providers/feishu/kit/fixtures.js';
export { feishuKit } from '../providers/feishu/kit/index.js';
export {
  type FeishuRequestOptions,
  type FeishuSigning,
  feishuEncryptedBody,
  feishuRequest,
  signFeishu,
} from '../providers/feishu/kit/sign.js';
export { githubFixtures } from '../providers/github/kit/fixtures.js';
export { githubKit } from '../providers/github/kit/index.js';
export { type GithubDelivery, githubRequest, signGithub } from '../providers/github/kit/sign.js';
export { ACME_CI_SCHEME, type HmacScheme, hmacFixtures } from '../providers/hmac/kit/fixtures.js';
export { hmacKit, hmacKitFor } from '../providers/hmac/kit/index.js';
export { type HmacMessage, hmacRequest, type SignedHmac, signHmac } from '../providers/hmac/kit/sign.js';
export { lineDelivery, lineFixtures, lineVerifyDelivery } from '../providers/line/kit/fixtures.js';
export { lineKit } from '../providers/line/kit/index.js';
export { lineJson, lineRequest, signLine } from '../providers/line/kit/sign.js';
export { matrixFixtures, matrixPing, matrixTransaction } from '../providers/matrix/kit/fixtures.js';
export { MATRIX_PING_EVENT, matrixKit } from '../providers/matrix/kit/index.js';
export {
  MATRIX_PING_PATH,
  matrixJson,
  matrixRequest,
  matrixTransactionPath,
  matrixTxnId,
} from '../providers/matrix/kit/sign.js';
export {
  napcatGroupMessage,
  onebotFixtures,
  onebotStandardPrivateMessage,
} from '../providers/onebot/kit/fixtures.js';
export { onebotKit } from '../providers/onebot/kit/index.js';
export { onebotRequest, signOnebot } from '../providers/onebot/kit/sign.js';
export { qqBotFixtures } from '../providers/qq-bot/kit/fixtures.js';
export { qqBotKit } from '../providers/qq-bot/kit/index.js';
export {
  type QQBotSignOptions,
  qqBotRequest,
  qqBotValidation,
  signQqBot,
} from '../providers/qq-bot/kit/sign.js';
export { slackFixtures, slackSslCheck, slackUrlVerification } from '../providers/slack/kit/fixtures.js';
export { slackKit } from '../providers/slack/kit/index.js';
export {
  type SlackSigning,
  signSlack,
  slackBody,
  slackJson,
  slackRequest,
} from '../providers/slack/kit/sign.js';
export { standardWebhooksFixtures } from '../providers/standard-webhooks/kit/fixtures.js';
export { standardWebhooksKit } from '../providers/standard-webhooks/kit/index.js';
export {
  type StandardWebhooksMessage,
  signStandardWebhooks,
  standardWebhooksRequest,
} from '../providers/standard-webhooks/kit/sign.js';
export { stripeFixtures } from '../providers/stripe/kit/fixtures.js';
export { stripeKit } from '../providers/stripe/kit/index.js';
export { type StripeSignOptions, signStripe, stripeRequest } from '../providers/stripe/kit/sign.js';
export { telegramFixtures } from '../providers/telegram/kit/fixtures.js';
export { telegramKit } from '../providers/telegram/kit/index.js';
export { signTelegram, telegramRequest } from '../providers/telegram/kit/sign.js';
export {
  type TencentChatBody,
  tencentChatDocSamples,
  tencentChatFixtures,
  tencentChatLaterSamples,
} from '../providers/tencent-chat/kit/fixtures.js';
export { tencentChatKit } from '../providers/tencent-chat/kit/index.js';
export {
  signTencentChat,
  type TencentChatCallOptions,
  tencentChatRequest,
  tencentChatUrl,
} from '../providers/tencent-chat/kit/sign.js';
export { GITLAB_SCHEME, type TokenScheme, tokenFixtures } from '../providers/token/kit/fixtures.js';
export { tokenKit, tokenKitFor } from '../providers/token/kit/index.js';
export { wechatFixtures } from '../providers/wechat/kit/fixtures.js';
export { WECHAT_SERVER_CHECK_EVENT, wechatKit } from '../providers/wechat/kit/index.js';
export {
  signWechat,
  signWechatSafe,
  type WechatSigned,
  type WechatSignOptions,
  wechatSignature,
} from '../providers/wechat/kit/sign.js';
export { wecomFixtures } from '../providers/wecom/kit/fixtures.js';
export { WECOM_URL_CHECK_EVENT, wecomKit } from '../providers/wecom/kit/index.js';
export {
  signWecom,
  type WecomSigned,
  type WecomSignOptions,
  wecomMessageXml,
  wecomRequest,
  wecomUrlCheck,
} from '../providers/wecom/kit/sign.js';
export { wecomBotFixtures } from '../providers/wecom-bot/kit/fixtures.js';
export { WECOM_BOT_URL_CHECK_EVENT, wecomBotKit } from '../providers/wecom-bot/kit/index.js';
export {
  signWecomBot,
  type WecomBotSignOptions,
  wecomBotRequest,
  wecomBotUrlCheck,
} from '../providers/wecom-bot/kit/sign.js';
export { whatsappFixtures, whatsappMessageShapes } from '../providers/whatsapp/kit/fixtures.js';
export { whatsappKit } from '../providers/whatsapp/kit/index.js';
export { signWhatsapp, whatsappRequest } from '../providers/whatsapp/kit/sign.js';
export {
  whatsappCloudDelivery,
  whatsappCloudFixtures,
} from '../providers/whatsapp-cloud/kit/fixtures.js';
export { WHATSAPP_CLOUD_CHECK_EVENT, whatsappCloudKit } from '../providers/whatsapp-cloud/kit/index.js';
export {
  signWhatsappCloud,
  whatsappCloudCheck,
  whatsappCloudJson,
  whatsappCloudRequest,
} from '../providers/whatsapp-cloud/kit/sign.js';
export { type DiagnoseOptions, type Diagnosis, diagnose } from './doctor/diagnose.js';
export type { Attempt, DoctorCase, Mistake } from './doctor/mistake.js';
export { goJson, goStruct } from './go-json.js';
export type {
  BatchFacts,
  DemoExpectation,
  DemoScript,
  ErrorForm,
  EventOutsideBody,
  ExpectedAnswer,
  ExpectedAnswers,
  HandshakeForm,
  NamedEvent,
  OutgoingRequest,
  ProofFacts,
  ReplyDecoders,
  ReplyForm,
  ReplyReading,
  SecretPolicy,
  SenderAnswer,
  SenderKit,
  SignedParts,
  SignInput,
  Tampering,
  VerifyKeyPolicy,
} from './sender-kit.js';
export { errorBodyOf, requestLine, shortName } from './sender-kit.js';
export { findSenderKit, senderKits } from './sender-kits.js';
export { bodySpaceAdded, replayedLater, wrongSecret } from './tamperings.js';
