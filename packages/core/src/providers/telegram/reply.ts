import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';

/**
 * A Bot API method call a handler may return: Telegram runs it as if the bot had called the API
 * (https://core.telegram.org/bots/api#making-requests-when-getting-updates), but the bot never
 * learns whether it worked nor gets its result (the sent message, its id). Parameters are as the
 * Bot API names them; objects are open, so newer parameters can be passed. Files go by `file_id`
 * or URL: an upload needs multipart, which the webhook answer here does not carry.
 */
type ChatId = number | string;
type Params = { readonly [parameter: string]: unknown };
type ReplyMarkup = Params;

interface SendOptions {
  readonly message_thread_id?: number;
  readonly business_connection_id?: string;
  readonly parse_mode?: 'HTML' | 'MarkdownV2' | 'Markdown';
  readonly disable_notification?: boolean;
  readonly protect_content?: boolean;
  readonly reply_parameters?: Params;
  readonly reply_markup?: ReplyMarkup;
}

export interface TelegramMethods {
  sendMessage: SendOptions & { chat_id: ChatId; text: string; entities?: readonly Params[] };
  sendPhoto: SendOptions & { chat_id: ChatId; photo: string; caption?: string };
  sendDocument: SendOptions & { chat_id: ChatId; document: string; caption?: string };
  sendSticker: SendOptions & { chat_id: ChatId; sticker: string };
  sendLocation: SendOptions & { chat_id: ChatId; latitude: number; longitude: number };
  sendChatAction: { chat_id: ChatId; action: string; message_thread_id?: number };
  forwardMessage: { chat_id: ChatId; from_chat_id: ChatId; message_id: number };
  copyMessage: SendOptions & { chat_id: ChatId; from_chat_id: ChatId; message_id: number };
  editMessageText: {
    text: string;
    chat_id?: ChatId;
    message_id?: number;
    inline_message_id?: string;
    parse_mode?: SendOptions['parse_mode'];
    reply_markup?: ReplyMarkup;
  };
  editMessageReplyMarkup: {
    chat_id?: ChatId;
    message_id?: number;
    inline_message_id?: string;
    reply_markup?: ReplyMarkup;
  };
  deleteMessage: { chat_id: ChatId; message_id: number };
  setMessageReaction: { chat_id: ChatId; message_id: number; reaction?: readonly Params[] };
  answerCallbackQuery: {
    callback_query_id: string;
    text?: string;
    show_alert?: boolean;
    url?: string;
    cache_time?: number;
  };
  answerInlineQuery: {
    inline_query_id: string;
    results: readonly Params[];
    cache_time?: number;
    is_personal?: boolean;
    next_offset?: string;
  };
  answerPreCheckoutQuery: { pre_checkout_query_id: string; ok: boolean; error_message?: string };
  answerShippingQuery: {
    shipping_query_id: string;
    ok: boolean;
    shipping_options?: readonly Params[];
    error_message?: string;
  };
  approveChatJoinRequest: { chat_id: ChatId; user_id: number };
  declineChatJoinRequest: { chat_id: ChatId; user_id: number };
  leaveChat: { chat_id: ChatId };
}

export type TelegramMethodName = keyof TelegramMethods;

/** `{ method: 'sendMessage', chat_id, text }`: one of the typed methods, as a plain object. */
export type TelegramMethodCall = {
  [M in TelegramMethodName]: { readonly method: M } & Readonly<TelegramMethods[M]> & Params;
}[TelegramMethodName];

declare const untyped: unique symbol;
/** A method hookguard does not type, built with `telegramMethod()` so a typo cannot pass unseen. */
export type TelegramOtherMethodCall = { readonly method: string; readonly [untyped]: true } & Params;

/** What a Telegram handler may return; nothing answers 204. */
export type TelegramReply = TelegramMethodCall | TelegramOtherMethodCall;

/**
 * A method call for the webhook answer: typed parameters for the methods in `TelegramMethods`,
 * any parameters for another (newer) method.
 */
export function telegramMethod<M extends TelegramMethodName>(
  method: M,
  parameters: TelegramMethods[M] & Params,
): TelegramMethodCall;
export function telegramMethod<M extends string>(
  // A typed method's name never falls through to the untyped form, so its parameters are checked.
  method: M extends TelegramMethodName ? never : M,
  parameters: Params,
): TelegramOtherMethodCall;
export function telegramMethod(method: string, parameters: Params): TelegramReply {
  checkMethodName(method);
  // `method` first, as Telegram's docs write the call; a second `method` among the parameters is a mistake.
  const call = { method, ...parameters };
  if (call.method !== method) throw new TypeError('telegram: `method` is given twice, with different values');
  return call as TelegramReply;
}

const METHOD = /^[A-Za-z][A-Za-z0-9]*$/;

function checkMethodName(method: unknown): void {
  if (typeof method !== 'string' || !METHOD.test(method)) {
    throw new TypeError('telegram: a reply needs `method`, a Bot API method name such as "sendMessage"');
  }
}

/**
 * The handler's reply as Telegram reads it: nothing is 204; a method call is its JSON in a 200.
 * A value that is not a plain object naming a method, or that holds bytes JSON cannot carry, is a
 * programming error reported as the handler's failure.
 */
export function respondTelegram(reply: unknown): WebhookResponse {
  if (reply === undefined || reply === null) return emptyResponse(204);
  if (
    typeof reply !== 'object' ||
    Array.isArray(reply) ||
    Object.getPrototypeOf(reply) !== Object.prototype
  ) {
    throw new TypeError(
      'telegram: a reply is a Bot API method call, { method: "sendMessage", chat_id, text }',
    );
  }
  const call = reply as Record<string, unknown>;
  checkMethodName(call['method']);
  for (const [name, value] of Object.entries(call)) {
    if (value instanceof Uint8Array || (typeof Blob !== 'undefined' && value instanceof Blob)) {
      throw new TypeError(
        `telegram: "${name}" is a file; the webhook answer is JSON, so send a file_id or URL (or upload through the Bot API)`,
      );
    }
  }
  return jsonResponse(200, call);
}
