import { z } from 'zod';

/**
 * GOWA v7.x posted message events as flat bodies with no `event` field (its tag v7.11.4,
 * `event_message.go` / `event_delete.go`, https://github.com/aldinokemal/go-whatsapp-web-multidevice). They are typed here as sent, under
 * `legacy.*` names, and NOT normalised to the v8 shapes: v7's `chat_id` is a bare user part
 * where v8 has a full JID, v7 has no `is_from_me`, `device_id` or display name, and its media
 * objects differ, so a normalised body would hold values GOWA never sent. A handler on `legacy`
 * receives every v7 message event; `message.ack` and `group.participants` already had the v8
 * envelope in v7 and parse under their v8 names.
 */

/** v7's `message` object (`evtMessage`): the text, the message id, and what it replied to. */
const legacyTextSchema = z.looseObject({
  text: z.string(),
  id: z.string(),
  replied_id: z.string().optional(),
  quoted_message: z.string().optional(),
});

/**
 * v7 media: `{media_path, mime_type, caption}` when downloaded, `{url, caption}` /
 * `{url, filename}` / `{url}` when auto-download is off, a bare path in the oldest releases.
 */
const legacyMediaSchema = z.union([
  z.string(),
  z.looseObject({ media_path: z.string(), mime_type: z.string().optional(), caption: z.string().optional() }),
  z.looseObject({ url: z.string(), caption: z.string().optional(), filename: z.string().optional() }),
]);

/** Raw whatsmeow protobuf structs, passed through; the common location keys are typed. */
const protobufSchema = z.looseObject({});
const legacyLocationSchema = z.looseObject({
  degreesLatitude: z.number().optional(),
  degreesLongitude: z.number().optional(),
  name: z.string().optional(),
  address: z.string().optional(),
});

const legacyCommon = {
  /** The sender's user part (phone number without `@s.whatsapp.net`). */
  sender_id: z.string(),
  /** The chat's user part, not a full JID. */
  chat_id: z.string(),
  /** The sender's JID, `"<jid> in <group jid>"` in groups. */
  from: z.string().optional(),
  from_lid: z.string().optional(),
  pushname: z.string().optional(),
  timestamp: z.string(),
  message: legacyTextSchema.optional(),
  view_once: z.boolean().optional(),
  forwarded: z.boolean().optional(),
};

const legacyMessageSchema = z.looseObject({
  ...legacyCommon,
  image: legacyMediaSchema.optional(),
  video: legacyMediaSchema.optional(),
  video_note: legacyMediaSchema.optional(),
  audio: legacyMediaSchema.optional(),
  document: legacyMediaSchema.optional(),
  sticker: legacyMediaSchema.optional(),
  contact: z.looseObject({ displayName: z.string().optional(), vcard: z.string().optional() }).optional(),
  location: legacyLocationSchema.optional(),
  live_location: legacyLocationSchema.optional(),
  list: protobufSchema.optional(),
  order: protobufSchema.optional(),
});

export const legacyEventSchemas = {
  'legacy.message': legacyMessageSchema,
  'legacy.message.reaction': z.looseObject({
    ...legacyCommon,
    /** The emoji (`message`) and the id of the message reacted to (`id`). */
    reaction: z.looseObject({ message: z.string(), id: z.string() }),
  }),
  'legacy.message.revoked': z.looseObject({
    ...legacyCommon,
    action: z.literal('message_revoked'),
    revoked_message_id: z.string().optional(),
    revoked_from_me: z.boolean().optional(),
    revoked_chat: z.string().optional(),
  }),
  'legacy.message.edited': z.looseObject({
    ...legacyCommon,
    action: z.literal('message_edited'),
    original_message_id: z.string().optional(),
    edited_text: z.string().optional(),
  }),
  'legacy.message.deleted': z.looseObject({
    action: z.literal('event.delete_for_me'),
    deleted_message_id: z.string(),
    sender_id: z.string(),
    timestamp: z.string(),
    from: z.string().optional(),
    device_id: z.string().optional(),
    chat_id: z.string().optional(),
    original_content: z.string().optional(),
    original_sender: z.string().optional(),
    original_timestamp: z.string().optional(),
    was_from_me: z.boolean().optional(),
    original_media_type: z.string().optional(),
    original_filename: z.string().optional(),
  }),
} as const;

const ACTIONS: Readonly<Record<string, string>> = {
  message_revoked: 'legacy.message.revoked',
  message_edited: 'legacy.message.edited',
  'event.delete_for_me': 'legacy.message.deleted',
};

/**
 * Names a flat v7 body by what v7's code put in it: `action` for protocol events, `reaction`
 * for reactions, `sender_id` / `message` / `pushname` for any other message. Anything else is
 * nameless and goes to `unknown`.
 */
export function legacyEventName(body: Readonly<Record<string, unknown>>): string | undefined {
  const action = body['action'];
  if (typeof action === 'string' && action !== '') return ACTIONS[action] ?? `legacy.${action}`;
  if (body['reaction'] !== undefined) return 'legacy.message.reaction';
  if (body['sender_id'] !== undefined || body['message'] !== undefined || body['pushname'] !== undefined) {
    return 'legacy.message';
  }
  return undefined;
}
