import { z } from 'zod';
import { dottedCandidates } from '../../sender-toolkit/resolve-event.js';

/**
 * zod schemas for what a WeCom self-built app's callback URL receives, decrypted, keyed by
 * hookguard's event name: the message's `MsgType` (`text`, `image`, ...), or `event.<Event>` for
 * events (`event.click`, `event.change_contact`), and for contact changes one level more
 * (`event.change_contact.create_user`). Every field is text exactly as sent, numbers included
 * (`CreateTime`, `MsgId`, `AgentID`); objects are loose, so fields WeCom adds are kept.
 * Messages: https://developer.work.weixin.qq.com/document/path/90239
 * Events: https://developer.work.weixin.qq.com/document/path/90240
 * Contact changes: https://developer.work.weixin.qq.com/document/path/90970
 */
const common = {
  /** The CorpID of the enterprise (the app's receiver). */
  ToUserName: z.string(),
  /** The member's UserID, or `sys` for contact changes. */
  FromUserName: z.string(),
  /** Unix seconds, as text. */
  CreateTime: z.string(),
  AgentID: z.string().optional(),
};

function message<Type extends string, Shape extends z.core.$ZodLooseShape>(type: Type, shape: Shape) {
  return z.looseObject({ ...common, MsgType: z.literal(type), MsgId: z.string(), ...shape });
}

function event<Name extends string, Shape extends z.core.$ZodLooseShape>(name: Name, shape: Shape) {
  return z.looseObject({ ...common, MsgType: z.literal('event'), Event: z.literal(name), ...shape });
}

const messages = {
  text: message('text', { Content: z.string() }),
  image: message('image', { PicUrl: z.string(), MediaId: z.string() }),
  voice: message('voice', { MediaId: z.string(), Format: z.string() }),
  video: message('video', { MediaId: z.string(), ThumbMediaId: z.string() }),
  location: message('location', {
    Location_X: z.string(),
    Location_Y: z.string(),
    Scale: z.string(),
    Label: z.string(),
  }),
  link: message('link', {
    Title: z.string(),
    Description: z.string(),
    Url: z.string(),
    PicUrl: z.string(),
  }),
};

const eventKey = { EventKey: z.string() };

const contactChange = <Change extends string, Shape extends z.core.$ZodLooseShape>(
  changeType: Change,
  shape: Shape,
) => event('change_contact', { ChangeType: z.literal(changeType), ...shape });
const userChange = { UserID: z.string() };
const partyChange = { Id: z.string() };

const events = {
  'event.subscribe': event('subscribe', {}),
  'event.unsubscribe': event('unsubscribe', {}),
  'event.enter_agent': event('enter_agent', { EventKey: z.string().optional() }),
  'event.click': event('click', eventKey),
  'event.view': event('view', eventKey),
  'event.LOCATION': event('LOCATION', {
    Latitude: z.string(),
    Longitude: z.string(),
    Precision: z.string(),
  }),
  'event.scancode_push': event('scancode_push', { ...eventKey, ScanCodeInfo: z.looseObject({}) }),
  'event.scancode_waitmsg': event('scancode_waitmsg', { ...eventKey, ScanCodeInfo: z.looseObject({}) }),
  'event.change_contact': event('change_contact', { ChangeType: z.string() }),
  'event.change_contact.create_user': contactChange('create_user', userChange),
  'event.change_contact.update_user': contactChange('update_user', userChange),
  'event.change_contact.delete_user': contactChange('delete_user', userChange),
  'event.change_contact.create_party': contactChange('create_party', partyChange),
  'event.change_contact.update_party': contactChange('update_party', partyChange),
  'event.change_contact.delete_party': contactChange('delete_party', partyChange),
  'event.change_contact.update_tag': contactChange('update_tag', { TagId: z.string() }),
};

export const wecomEventSchemas = { ...messages, ...events };

export type WecomEventName = keyof typeof wecomEventSchemas;
export type WecomEventOf<N extends WecomEventName> = z.output<(typeof wecomEventSchemas)[N]>;
/** The messages a user sends the app: the events a passive reply answers. */
export type WecomMessageName = keyof typeof messages;

/** Candidate names, most specific first: `event.change_contact.create_user`, `event.change_contact`. */
export function wecomEventCandidates(fields: Readonly<Record<string, unknown>>): string[] {
  const type = fields['MsgType'];
  if (type !== 'event') return typeof type === 'string' && type !== '' ? [type] : [];
  return dottedCandidates(['event', fields['Event'], fields['ChangeType']]);
}
