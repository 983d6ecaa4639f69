import { z } from 'zod';

/**
 * The pieces a GOWA `message` payload is made of (https://github.com/aldinokemal/go-whatsapp-web-multidevice/tree/main/src/infrastructure/whatsapp, read in GOWA's
 * `event_message.go` and whatsmeow's protobuf JSON tags). Objects are loose: a field a later
 * GOWA or whatsmeow adds is kept, not refused.
 */

/**
 * Image, video and video note. Auto-download on (GOWA's default): the saved file's path, or
 * `{path, caption}` when the media has a caption. Auto-download off: `{url, caption}`.
 */
export const captionedMediaSchema = z.union([
  z.string(),
  z.looseObject({ path: z.string(), caption: z.string() }),
  z.looseObject({ url: z.string(), caption: z.string() }),
]);

/** Document: a path, `{path, caption}`, or `{url, filename}` when auto-download is off. */
export const documentMediaSchema = z.union([
  z.string(),
  z.looseObject({ path: z.string(), caption: z.string() }),
  z.looseObject({ url: z.string(), filename: z.string() }),
]);

/** Audio and sticker: a path, or `{url}` when auto-download is off. */
export const plainMediaSchema = z.union([z.string(), z.looseObject({ url: z.string() })]);

/** A shared contact card; a Go struct, so its keys arrive in this order, not sorted. */
export const contactSchema = z.looseObject({
  displayName: z.string(),
  vcard: z.string(),
  phone_number: z.string().optional(),
});

/** whatsmeow's ContextInfo, passed through as protobuf JSON; far too wide to type usefully. */
const contextInfoSchema = z.looseObject({});

/** whatsmeow `LocationMessage` marshalled by encoding/json: protobuf JSON names, all omitempty. */
export const locationSchema = z.looseObject({
  degreesLatitude: z.number().optional(),
  degreesLongitude: z.number().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
  URL: z.string().optional(),
  isLive: z.boolean().optional(),
  accuracyInMeters: z.number().optional(),
  speedInMps: z.number().optional(),
  degreesClockwiseFromMagneticNorth: z.number().optional(),
  comment: z.string().optional(),
  /** Base64 (Go `[]byte`). */
  JPEGThumbnail: z.string().optional(),
  contextInfo: contextInfoSchema.optional(),
});

/** whatsmeow `LiveLocationMessage`, the same way. */
export const liveLocationSchema = z.looseObject({
  degreesLatitude: z.number().optional(),
  degreesLongitude: z.number().optional(),
  accuracyInMeters: z.number().optional(),
  speedInMps: z.number().optional(),
  degreesClockwiseFromMagneticNorth: z.number().optional(),
  caption: z.string().optional(),
  sequenceNumber: z.number().optional(),
  timeOffset: z.number().optional(),
  /** Base64 (Go `[]byte`). */
  JPEGThumbnail: z.string().optional(),
  contextInfo: contextInfoSchema.optional(),
});

/** Click-to-WhatsApp ad attribution; GOWA writes only the non-empty keys. */
export const referralSchema = z.looseObject({
  ctwa_clid: z.string().optional(),
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  ref: z.string().optional(),
  source_app: z.string().optional(),
  media_type: z.string().optional(),
  ad_title: z.string().optional(),
  ad_body: z.string().optional(),
  thumbnail_url: z.string().optional(),
  original_image_url: z.string().optional(),
  media_url: z.string().optional(),
  show_ad_attribution: z.boolean().optional(),
  click_to_whatsapp_call: z.boolean().optional(),
  contains_auto_reply: z.boolean().optional(),
  automated_greeting_message_shown: z.boolean().optional(),
  greeting_message_body: z.string().optional(),
  source_type: z.string().optional(),
  ad_type: z.string().optional(),
});

/**
 * Fields every message-family payload carries (`buildEventPayload`, `buildFromFields`,
 * `addSenderDisplayName`). Required are the ones GOWA's code always writes. `is_from_me` is
 * written by v9.2 but left out of the docs' media examples and not confirmed for every v8 release,
 * so it stays optional rather than sending real messages to `unknown`.
 */
export const messageCommonFields = {
  id: z.string(),
  timestamp: z.string(),
  chat_id: z.string(),
  /** The chat's `@lid` JID, only when the chat was addressed by LID (`chat_id` holds the phone JID). */
  chat_lid: z.string().optional(),
  from: z.string(),
  /** The sender's `@lid` JID, only when the sender was addressed by LID. */
  from_lid: z.string().optional(),
  is_from_me: z.boolean().optional(),
  /** The name saved in the device's contacts (or the push name), when `from` is known. */
  sender_display_name: z.string().optional(),
  /** The sender's own push name, when non-empty. */
  from_name: z.string().optional(),
};

/** A new message: text, media, contact, location, ... plus reply and forwarding facts. */
export const messagePayloadSchema = z.looseObject({
  ...messageCommonFields,
  /** Text (LID `@mentions` rewritten to phone numbers), or the media caption. */
  body: z.string().optional(),
  replied_to_id: z.string().optional(),
  quoted_body: z.string().optional(),
  view_once: z.boolean().optional(),
  forwarded: z.boolean().optional(),
  referral: referralSchema.optional(),
  image: captionedMediaSchema.optional(),
  video: captionedMediaSchema.optional(),
  video_note: captionedMediaSchema.optional(),
  document: documentMediaSchema.optional(),
  audio: plainMediaSchema.optional(),
  sticker: plainMediaSchema.optional(),
  /** Carousel / header media paths (auto-download only). */
  interactive_media: z.array(z.string()).optional(),
  /** A text summary of an interactive message. */
  interactive: z.string().optional(),
  contact: contactSchema.optional(),
  contacts_array: z.array(contactSchema).optional(),
  location: locationSchema.optional(),
  live_location: liveLocationSchema.optional(),
  /** whatsmeow `ListMessage` / `OrderMessage`, passed through as protobuf JSON. */
  list: z.looseObject({}).optional(),
  order: z.looseObject({}).optional(),
});
