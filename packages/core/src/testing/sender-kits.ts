import { dingtalkKit } from '../providers/dingtalk/kit/index.js';
import { dingtalkRobotKit } from '../providers/dingtalk-robot/kit/index.js';
import { discordEventsKit, discordKit } from '../providers/discord/kit/index.js';
import { feishuKit } from '../providers/feishu/kit/index.js';
import { githubKit } from '../providers/github/kit/index.js';
import { hmacKit } from '../providers/hmac/kit/index.js';
import { lineKit } from '../providers/line/kit/index.js';
import { matrixKit } from '../providers/matrix/kit/index.js';
import { onebotKit } from '../providers/onebot/kit/index.js';
import { qqBotKit } from '../providers/qq-bot/kit/index.js';
import { slackKit } from '../providers/slack/kit/index.js';
import { standardWebhooksKit } from '../providers/standard-webhooks/kit/index.js';
import { stripeKit } from '../providers/stripe/kit/index.js';
import { telegramKit } from '../providers/telegram/kit/index.js';
import { tencentChatKit } from '../providers/tencent-chat/kit/index.js';
import { tokenKit } from '../providers/token/kit/index.js';
import { wechatKit } from '../providers/wechat/kit/index.js';
import { wecomKit } from '../providers/wecom/kit/index.js';
import { wecomBotKit } from '../providers/wecom-bot/kit/index.js';
import { whatsappKit } from '../providers/whatsapp/kit/index.js';
import { whatsappCloudKit } from '../providers/whatsapp-cloud/kit/index.js';
import type { SenderKit } from './sender-kit.js';

/**
 * Every sender hookguard speaks, in the order the CLI, the demo and the test matrices list them.
 * Adding a sender is its `providers/<name>/kit/` folder and one line here. A folder whose
 * provider has two URLs (Discord's interactions and Webhook Events) has a kit for each, named
 * `<folder>` and `<folder>-<what>`.
 */
export const senderKits: readonly SenderKit[] = [
  onebotKit,
  whatsappKit,
  tencentChatKit,
  githubKit,
  standardWebhooksKit,
  hmacKit,
  tokenKit,
  qqBotKit,
  discordKit,
  discordEventsKit,
  lineKit,
  stripeKit,
  telegramKit,
  slackKit,
  feishuKit,
  whatsappCloudKit,
  matrixKit,
  wecomKit,
  wecomBotKit,
  wechatKit,
  dingtalkKit,
  dingtalkRobotKit,
];

/** The kit for a provider name or an alias (`napcat`, `svix`), in any letter case. */
export function findSenderKit(name: string): SenderKit | undefined {
  const key = name.toLowerCase();
  return senderKits.find((kit) => kit.name === key || kit.aliases.includes(key));
}
