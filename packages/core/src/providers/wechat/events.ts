import { z } from 'zod';
import { dottedCandidates } from '../../sender-toolkit/resolve-event.js';

/**
 * zod schemas for what a WeChat Official Account's server URL receives (decrypted in safe mode),
 * keyed by hookguard's event name: the message's `MsgType` (`text`, `image`, ...), or
 * `event.<Event>` for events (`event.subscribe`, `event.CLICK`). Every field is text exactly as
 * sent (`CreateTime`, `MsgId`); objects are loose, so fields WeChat adds are kept.
 * https://developers.weixin.qq.com/doc/service/en/guide/product/message/Receiving_standard_messages.html
 * https://developers.weixin.qq.com/doc/service/en/guide/product/message/Receiving_event_pushes.html
 */
const common = {
  /** The Official Account's original id (`gh_…`). */
  ToUserName: z.string(),
  /** The user's OpenID. */
  FromUserName: z.string(),
  /** Unix seconds, as text. */
  CreateTime: z.string(),
};

function message<Type extends string, Shape extends z.core.$ZodLooseShape>(type: Type, shape: Shape) {
  return z.looseObject({ ...common, MsgType: z.literal(type), MsgId: z.string(), ...shape });
}

function event<Name extends string, Shape extends z.core.$ZodLooseShape>(name: Name, shape: Shape) {
  return z.looseObject({ ...common, MsgType: z.literal('event'), Event: z.literal(name), ...shape });
}

const media = { MediaId: z.string(), ThumbMediaId: z.string() };

const messages = {
  text: message('text', { Content: z.string() }),
  image: message('image', { PicUrl: z.string(), MediaId: z.string() }),
  voice: message('voice', { MediaId: z.string(), Format: z.string(), Recognition: z.string().optional() }),
  video: message('video', media),
  shortvideo: message('shortvideo', media),
  location: message('location', {
    Location_X: z.string(),
    Location_Y: z.string(),
    Scale: z.string(),
    Label: z.string(),
  }),
  link: message('link', { Title: z.string(), Description: z.string(), Url: z.string() }),
};

const events = {
  /** `EventKey` (`qrscene_…`) and `Ticket` when the user followed by scanning a parametric QR code. */
  'event.subscribe': event('subscribe', { EventKey: z.string().optional(), Ticket: z.string().optional() }),
  'event.unsubscribe': event('unsubscribe', {}),
  'event.SCAN': event('SCAN', { EventKey: z.string(), Ticket: z.string().optional() }),
  'event.LOCATION': event('LOCATION', { Latitude: z.string(), Longitude: z.string(), Precision: z.string() }),
  'event.CLICK': event('CLICK', { EventKey: z.string() }),
  'event.VIEW': event('VIEW', { EventKey: z.string() }),
};

export const wechatEventSchemas = { ...messages, ...events };

export type WechatEventName = keyof typeof wechatEventSchemas;
export type WechatEventOf<N extends WechatEventName> = z.output<(typeof wechatEventSchemas)[N]>;
/** The messages a user sends the account: the events a passive reply answers. */
export type WechatMessageName = keyof typeof messages;
export const WECHAT_MESSAGE_NAMES: readonly string[] = Object.keys(messages);

export function wechatEventCandidates(fields: Readonly<Record<string, unknown>>): string[] {
  const type = fields['MsgType'];
  if (type !== 'event') return typeof type === 'string' && type !== '' ? [type] : [];
  return dottedCandidates(['event', fields['Event']]);
}
