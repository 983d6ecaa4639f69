import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import type { FeishuEventName } from './events.js';

type Json = Readonly<Record<string, unknown>>;

/** A short message shown to the user who clicked. */
export interface FeishuToast {
  readonly type: 'info' | 'success' | 'warning' | 'error';
  readonly content: string;
  /** The content per locale (`zh_cn`, `en_us`, `ja_jp`). */
  readonly i18n?: Readonly<Record<string, string>>;
}

/** The card that replaces the clicked one: card JSON, or a template from the card builder. */
export type FeishuCardUpdate =
  | { readonly type: 'raw'; readonly data: Json }
  | {
      readonly type: 'template';
      readonly data: {
        readonly template_id: string;
        readonly template_version_name?: string;
        readonly template_variable?: Json;
      };
    };

/**
 * What a `card.action.trigger` handler may answer: a toast, a new card, both, or nothing (the
 * card stays as it is). https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-callback-communication
 */
export interface FeishuCardReply {
  readonly toast?: FeishuToast;
  readonly card?: FeishuCardUpdate;
}

/** Only card callbacks are answered in the response; Feishu reads nothing but the 200 of events. */
export type FeishuReplyFor<N extends FeishuEventName> = N extends 'card.action.trigger'
  ? FeishuCardReply
  : never;

export const CARD_ACTION = 'card.action.trigger';
const TOAST_TYPES = ['info', 'success', 'warning', 'error'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The handler's reply as Feishu reads it; a TypeError for one the event cannot carry. */
export function serialiseFeishuReply(reply: unknown, eventName: string): WebhookResponse {
  // A card callback answered with nothing: `{}` leaves the card as it is (an empty body is not JSON).
  if (reply === undefined || reply === null)
    return eventName === CARD_ACTION ? jsonResponse(200, {}) : emptyResponse(200);
  if (eventName === CARD_ACTION && isCardReply(reply)) return jsonResponse(200, reply);
  throw new TypeError(
    eventName === CARD_ACTION
      ? 'feishu: a card.action.trigger handler replies with { toast?, card? } (toast: { type, content }, card: { type: "raw" | "template", data })'
      : `feishu: a ${eventName} handler cannot reply; Feishu reads only the 200 of an event (send messages through the OpenAPI)`,
  );
}

function isCardReply(reply: unknown): boolean {
  if (!isObject(reply)) return false;
  if (Object.keys(reply).some((key) => key !== 'toast' && key !== 'card')) return false;
  const { toast, card } = reply;
  if (toast !== undefined) {
    if (!isObject(toast) || !TOAST_TYPES.includes(toast['type'] as string)) return false;
    if (typeof toast['content'] !== 'string') return false;
  }
  if (card !== undefined) {
    if (!isObject(card) || !isObject(card['data'])) return false;
    if (card['type'] !== 'raw' && card['type'] !== 'template') return false;
  }
  return true;
}
