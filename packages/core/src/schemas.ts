/**
 * `@hookguard/core/schemas`: each sender's zod schemas, keyed by event name, for apps that
 * validate stored or replayed payloads themselves or build a narrower provider from a few of them
 * (`hmac({ events })`). A receiver applies them on its own, so most apps never import this. Kept
 * off the root so that the root stays the short list an app author reads; one line per sender.
 * packages/core/test/exports.test.ts pins the list.
 */

export { dingtalkEventSchemas } from './providers/dingtalk/events.js';
export { dingtalkRobotEventSchemas } from './providers/dingtalk-robot/events.js';
export { discordInteractionSchemas } from './providers/discord/events.js';
export { discordWebhookEventSchemas } from './providers/discord/webhook-events.js';
export { feishuEventSchemas } from './providers/feishu/events.js';
export { githubEventSchemas } from './providers/github/events.js';
export { lineEventSchemas } from './providers/line/events.js';
export { matrixEventSchemas } from './providers/matrix/events.js';
export { onebotEventSchemas } from './providers/onebot/events.js';
export { qqBotEventSchemas } from './providers/qq-bot/events.js';
export { slackEventSchemas } from './providers/slack/events.js';
export { stripeEventSchemas } from './providers/stripe/events.js';
export { telegramUpdateSchemas } from './providers/telegram/events.js';
export { tencentChatEventSchemas } from './providers/tencent-chat/events.js';
export { wechatEventSchemas } from './providers/wechat/events.js';
export { wecomEventSchemas } from './providers/wecom/events.js';
export { wecomBotEventSchemas } from './providers/wecom-bot/events.js';
export { whatsappEventSchemas } from './providers/whatsapp/events.js';
export { whatsappCloudEventSchemas } from './providers/whatsapp-cloud/events.js';
