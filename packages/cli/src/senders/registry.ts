import { usageError } from '../cli-error.js';
import { githubSender } from './github.js';
import { hmacSender } from './hmac.js';
import { onebotSender } from './onebot.js';
import type { SenderProfile } from './sender-profile.js';
import { standardWebhooksSender } from './standard-webhooks.js';
import { tencentChatSender } from './tencent-chat.js';
import { tokenSender } from './token.js';
import { whatsappSender } from './whatsapp.js';

/** Every sender the CLI speaks, in the order the demo and help list them. */
export const senders: readonly SenderProfile[] = [
  onebotSender,
  whatsappSender,
  tencentChatSender,
  githubSender,
  standardWebhooksSender,
  hmacSender(),
  tokenSender(),
];

/** Other spellings people type: the factory names (`tencentChat`) and the senders' own names. */
const ALIASES: Readonly<Record<string, string>> = {
  napcat: 'onebot',
  gowa: 'whatsapp',
  tencentchat: 'tencent-chat',
  tencent: 'tencent-chat',
  standardwebhooks: 'standard-webhooks',
  svix: 'standard-webhooks',
};

export function findSender(name: string): SenderProfile | undefined {
  const key = name.toLowerCase();
  const canonical = ALIASES[key] ?? key;
  return senders.find((sender) => sender.name === canonical);
}

/** Options that shape a sender: `--scheme` describes an `hmac` or `token` sender. */
export interface SenderChoice {
  readonly scheme?: string | undefined;
}

export function senderNamed(name: string | undefined, choice: SenderChoice = {}): SenderProfile {
  if (name === undefined || name === '') {
    throw usageError(`a provider is required: ${senders.map((s) => s.name).join(', ')}`);
  }
  const sender = findSender(name);
  if (!sender) {
    throw usageError(`unknown provider "${name}"; known providers: ${senders.map((s) => s.name).join(', ')}`);
  }
  if (choice.scheme !== undefined) {
    if (!sender.withScheme)
      throw usageError(`--scheme describes an hmac or token sender; ${sender.name} has its own`);
    return sender.withScheme(choice.scheme);
  }
  return sender;
}
