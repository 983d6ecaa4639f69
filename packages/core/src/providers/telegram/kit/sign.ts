import type { WebhookRequest } from '../../../http/types.js';

/**
 * The headers Telegram sends with an update: the body is not signed, the secret token given to
 * `setWebhook` travels as it is (https://core.telegram.org/bots/api#setwebhook).
 */
export function signTelegram(secretToken: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'X-Telegram-Bot-Api-Secret-Token': secretToken,
  };
}

/** An update as `receiver.handle` takes it (header names lower-case), sent with the secret token. */
export function telegramRequest(
  update: unknown,
  options: { readonly secretToken: string; readonly url?: string },
): WebhookRequest {
  const text = typeof update === 'string' ? update : JSON.stringify(update);
  return {
    method: 'POST',
    url: options.url ?? '/telegram',
    headers: {
      'content-type': 'application/json',
      'x-telegram-bot-api-secret-token': options.secretToken,
    },
    body: Buffer.from(text, 'utf8'),
  };
}
