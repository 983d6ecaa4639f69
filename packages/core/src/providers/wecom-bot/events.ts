import { z } from 'zod';
import { dottedCandidates } from '../../sender-toolkit/resolve-event.js';

/**
 * zod schemas for what a WeCom smart bot's (智能机器人) callback URL receives, decrypted, keyed by
 * hookguard's event name: the `msgtype` of a message (`text`, `image`, `mixed`, `voice`, `file`,
 * and `stream`, WeCom asking for the next part of a streamed reply), or `event.<eventtype>`
 * for events (`event.enter_chat`, `event.template_card_event`, `event.feedback_event`). Objects are
 * loose, so fields WeCom adds are kept.
 * Messages: https://developer.work.weixin.qq.com/document/path/100719
 * Events: https://developer.work.weixin.qq.com/document/path/101027
 */
const content = z.looseObject({ content: z.string() });
/** Images and files come as a download URL, valid for five minutes and itself encrypted. */
const download = z.looseObject({ url: z.string(), aeskey: z.string().optional() });
const mixedItem = z.looseObject({
  msgtype: z.string(),
  text: content.optional(),
  image: download.optional(),
});
const mixed = z.looseObject({ msg_item: z.array(mixedItem) });

const common = {
  /** Unique per callback: what WeCom's retries repeat and dedupe keys on. */
  msgid: z.string(),
  /** The bot's id. */
  aibotid: z.string(),
  /** Only in group chats. */
  chatid: z.string().optional(),
  chattype: z.enum(['single', 'group']).optional(),
  /** Who sent it or acted; `corpid` for members of other enterprises. */
  from: z.looseObject({ userid: z.string(), corpid: z.string().optional() }),
  /** Unix seconds, where WeCom sends it. */
  create_time: z.number().optional(),
  /** A URL to answer on later, once, when the passive reply is not enough. */
  response_url: z.string().optional(),
};

/** What the user replied to, as the message types it can quote. */
const quote = z.looseObject({
  msgtype: z.string(),
  text: content.optional(),
  image: download.optional(),
  mixed: mixed.optional(),
  voice: content.optional(),
  file: download.optional(),
});

function message<Type extends string, Shape extends z.core.$ZodLooseShape>(type: Type, shape: Shape) {
  return z.looseObject({ ...common, msgtype: z.literal(type), quote: quote.optional(), ...shape });
}

/** An event's details sit under a key named as the event: `event.template_card_event`. */
function event<Type extends string, Detail extends z.ZodType>(type: Type, detail: Detail) {
  return z.looseObject({
    ...common,
    msgtype: z.literal('event'),
    event: z.looseObject({ eventtype: z.literal(type), ...({ [type]: detail } as Record<Type, Detail>) }),
  });
}

const messages = {
  text: message('text', { text: content }),
  image: message('image', { image: download }),
  mixed: message('mixed', { mixed }),
  /** Voice arrives already transcribed. */
  voice: message('voice', { voice: content }),
  file: message('file', { file: download }),
  /** WeCom polling for more of a streamed reply: `stream.id` is the id the first reply set. */
  stream: message('stream', { stream: z.looseObject({ id: z.string() }) }),
};

const events = {
  /** The user opened the bot's single chat for the first time today: a welcome may be replied. */
  'event.enter_chat': event('enter_chat', z.looseObject({}).optional()),
  /** A button or menu of a template card was pressed; WeCom sends it once and drops it after 5 s. */
  'event.template_card_event': event(
    'template_card_event',
    z.looseObject({
      card_type: z.string(),
      event_key: z.string(),
      task_id: z.string(),
      selected_items: z
        .looseObject({
          selected_item: z.array(
            z.looseObject({
              question_key: z.string(),
              option_ids: z.looseObject({ option_id: z.array(z.string()) }),
            }),
          ),
        })
        .optional(),
    }),
  ),
  /** The user rated a reply that set `feedback.id`: 1 accurate, 2 inaccurate, 3 withdrawn. */
  'event.feedback_event': event(
    'feedback_event',
    z.looseObject({
      id: z.string(),
      type: z.number(),
      content: z.string().optional(),
      inaccurate_reason_list: z.array(z.number()).optional(),
    }),
  ),
};

export const wecomBotEventSchemas = { ...messages, ...events };

export type WecomBotEventName = keyof typeof wecomBotEventSchemas;
export type WecomBotEventOf<N extends WecomBotEventName> = z.output<(typeof wecomBotEventSchemas)[N]>;
/** The messages a user sends the bot (and the stream refreshes): the events a reply message answers. */
export type WecomBotMessageName = keyof typeof messages;

/** Candidate names, most specific first: `event.enter_chat`, `event`; or the message's `msgtype`. */
export function wecomBotEventCandidates(payload: unknown): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
  const fields = payload as Record<string, unknown>;
  const type = fields['msgtype'];
  if (type !== 'event') return typeof type === 'string' && type !== '' ? [type] : [];
  const detail = fields['event'];
  const eventType =
    typeof detail === 'object' && detail !== null
      ? (detail as Record<string, unknown>)['eventtype']
      : undefined;
  return dottedCandidates(['event', eventType]);
}

/** The callback's `msgid`, or none. */
export function wecomBotMsgId(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  const msgId = (payload as Record<string, unknown>)['msgid'];
  return typeof msgId === 'string' && msgId !== '' ? msgId : undefined;
}
