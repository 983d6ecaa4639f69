/**
 * What a smart bot's handler may answer, per callback, as WeCom's passive-reply page lists it
 * (https://developer.work.weixin.qq.com/document/path/101031): a message gets a streamed reply, a
 * template card or both; the stream refresh only a stream; `enter_chat` a welcome text or card;
 * a card event the card updated; a feedback event nothing. hookguard encrypts and signs the JSON.
 */

/** A template card (文本通知, 图文展示, 按钮交互, 投票选择, 多项选择), as WeCom's card page shapes it. */
export interface WecomBotTemplateCard {
  /** `text_notice`, `news_notice`, `button_interaction`, `vote_interaction`, `multiple_interaction`. */
  readonly card_type?: string;
  readonly task_id?: string;
  readonly feedback?: { readonly id: string };
  readonly [field: string]: unknown;
}

/** An image in the last part of a stream (`finish: true`): base64 of a JPG or PNG and its MD5. */
export interface WecomBotStreamImage {
  readonly msgtype: 'image';
  readonly image: { readonly base64: string; readonly md5: string };
}

export interface WecomBotStream {
  /** Set on the first reply; WeCom's refresh callbacks carry it back. */
  readonly id: string;
  readonly finish?: boolean;
  /** Markdown, the whole text so far (not a delta), at most 20 480 bytes. */
  readonly content?: string;
  readonly msg_item?: readonly WecomBotStreamImage[];
  /** On the first reply: a user's rating then comes back as `event.feedback_event`. */
  readonly feedback?: { readonly id: string };
}

export interface WecomBotStreamReply {
  readonly msgtype: 'stream';
  readonly stream: WecomBotStream;
}

export interface WecomBotTemplateCardReply {
  readonly msgtype: 'template_card';
  readonly template_card: WecomBotTemplateCard;
}

export interface WecomBotStreamWithCardReply {
  readonly msgtype: 'stream_with_template_card';
  readonly stream: WecomBotStream;
  readonly template_card?: WecomBotTemplateCard;
}

export interface WecomBotTextReply {
  readonly msgtype: 'text';
  readonly text: { readonly content: string };
}

/** Replaces the card that was pressed, for `userids` or everyone it was sent to. */
export interface WecomBotUpdateCardReply {
  readonly response_type: 'update_template_card';
  readonly userids?: readonly string[];
  readonly template_card: WecomBotTemplateCard;
}

/** The answer to a user's message. */
export type WecomBotMessageReply =
  | WecomBotStreamReply
  | WecomBotTemplateCardReply
  | WecomBotStreamWithCardReply;
/** The answer to a stream refresh: the stream's next state (a card may still join it, once). */
export type WecomBotStreamRefreshReply = WecomBotStreamReply | WecomBotStreamWithCardReply;
/** The welcome on `enter_chat`. */
export type WecomBotWelcomeReply = WecomBotTextReply | WecomBotTemplateCardReply;

export type WecomBotReply = WecomBotMessageReply | WecomBotTextReply | WecomBotUpdateCardReply;

const MESSAGE_REPLIES = ['stream', 'template_card', 'stream_with_template_card'];

/** The reply kinds (`msgtype`, or `response_type` for the card update) each callback accepts. */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  text: MESSAGE_REPLIES,
  image: MESSAGE_REPLIES,
  mixed: MESSAGE_REPLIES,
  voice: MESSAGE_REPLIES,
  file: MESSAGE_REPLIES,
  stream: ['stream', 'stream_with_template_card'],
  'event.enter_chat': ['text', 'template_card'],
  'event.template_card_event': ['update_template_card'],
};

/**
 * The reply as the JSON WeCom reads, or a TypeError (500 INVALID_REPLY) for a kind this callback
 * does not accept or a reply missing the field its kind requires: WeCom would drop it silently.
 */
export function replyJson(eventName: string, reply: unknown): string {
  const accepted = Object.hasOwn(ACCEPTED, eventName) ? ACCEPTED[eventName]! : [];
  if (accepted.length === 0) throw new TypeError(`wecomBot: a ${eventName} handler cannot reply`);
  const fields = typeof reply === 'object' && reply !== null && !Array.isArray(reply) ? reply : {};
  const record = fields as Record<string, unknown>;
  const kind = record['response_type'] ?? record['msgtype'];
  if (typeof kind !== 'string' || !accepted.includes(kind)) {
    throw new TypeError(`wecomBot: a ${eventName} handler replies with one of ${accepted.join(', ')}`);
  }
  const missing = missingField(kind, record);
  if (missing !== undefined) throw new TypeError(`wecomBot: a ${kind} reply needs ${missing}`);
  return JSON.stringify(reply);
}

function missingField(kind: string, reply: Record<string, unknown>): string | undefined {
  const stream = reply['stream'] as Record<string, unknown> | undefined;
  if (kind === 'stream' || kind === 'stream_with_template_card') {
    return typeof stream?.['id'] === 'string' && stream['id'] !== '' ? undefined : 'stream.id';
  }
  if (kind === 'text') {
    const text = reply['text'] as Record<string, unknown> | undefined;
    return typeof text?.['content'] === 'string' ? undefined : 'text.content';
  }
  const card = reply['template_card'];
  return typeof card === 'object' && card !== null && !Array.isArray(card) ? undefined : 'template_card';
}
