import { z } from 'zod';
import { legacyEventSchemas } from './legacy.js';
import { messageCommonFields, messagePayloadSchema } from './message-parts.js';

/**
 * zod schemas for every event go-whatsapp-web-multidevice (GOWA) v8+ posts, keyed by its `event`
 * field (read in GOWA's code at v9.2.0, https://github.com/aldinokemal/go-whatsapp-web-multidevice/tree/main/src/infrastructure/whatsapp). The handler receives the
 * whole envelope `{event, device_id?, session_id?, timestamp?, payload}`, so `event.event`
 * narrows a prefix handler's union. A field is required only where GOWA's code always writes it,
 * so a doc example that leaves out such a field (or changes its type) arrives as `unknown`, with
 * the zod issues; objects are loose, so fields a later GOWA adds are kept.
 */

/** Message events always carry `device_id` (possibly `""`) and keep their time inside the payload. */
const messageEnvelope = <E extends string, P extends z.ZodType>(event: E, payload: P) =>
  z.looseObject({
    event: z.literal(event),
    device_id: z.string(),
    /** Set when the device JID maps to a registered GOWA device id. */
    session_id: z.string().optional(),
    payload,
  });

/**
 * Every other event: `device_id` only when non-empty, and a top-level RFC 3339 `timestamp`
 * (the event's time, or GOWA's processing time). GOWA v7 sent `message.ack` and
 * `group.participants` in this shape already, without `device_id`.
 */
const envelope = <E extends string, P extends z.ZodType>(event: E, payload: P) =>
  z.looseObject({
    event: z.literal(event),
    device_id: z.string().optional(),
    session_id: z.string().optional(),
    timestamp: z.string(),
    payload,
  });

/** `from` and display names as GOWA writes them for receipts, presence and calls. */
const senderFields = {
  from: z.string(),
  from_lid: z.string().optional(),
  sender_display_name: z.string().optional(),
};

export const whatsappEventSchemas = {
  message: messageEnvelope('message', messagePayloadSchema),
  'message.reaction': messageEnvelope(
    'message.reaction',
    z.looseObject({
      ...messageCommonFields,
      /** The emoji; `""` when the reaction was removed. */
      reaction: z.string(),
      reacted_message_id: z.string().optional(),
    }),
  ),
  'message.revoked': messageEnvelope(
    'message.revoked',
    z.looseObject({
      ...messageCommonFields,
      revoked_message_id: z.string().optional(),
      revoked_from_me: z.boolean().optional(),
      revoked_chat: z.string().optional(),
    }),
  ),
  'message.edited': messageEnvelope(
    'message.edited',
    z.looseObject({
      ...messageCommonFields,
      original_message_id: z.string().optional(),
      /** The new text. */
      body: z.string().optional(),
    }),
  ),
  'message.ack': envelope(
    'message.ack',
    z.looseObject({
      ids: z.array(z.string()),
      /** Not LID-normalised. */
      chat_id: z.string(),
      ...senderFields,
      /** Only these three reach the webhook; other receipt types are dropped by GOWA. */
      receipt_type: z.enum(['delivered', 'read', 'read-self']),
      receipt_type_description: z.string(),
      /** GOWA v7 only: the sender's JID. */
      sender_id: z.string().optional(),
    }),
  ),
  'message.deleted': z.looseObject({
    event: z.literal('message.deleted'),
    device_id: z.string().optional(),
    session_id: z.string().optional(),
    payload: z.looseObject({
      deleted_message_id: z.string(),
      /** When GOWA processed the deletion. */
      timestamp: z.string(),
      from: z.string(),
      sender_display_name: z.string().optional(),
      // GOWA sends this event only for a message it has stored, so the original is always known.
      chat_id: z.string(),
      original_content: z.string(),
      original_sender: z.string(),
      original_timestamp: z.string(),
      was_from_me: z.boolean(),
      original_media_type: z.string().optional(),
      original_filename: z.string().optional(),
    }),
  }),
  chat_presence: envelope(
    'chat_presence',
    z.looseObject({
      ...senderFields,
      chat_id: z.string(),
      state: z.enum(['composing', 'paused']),
      /** `audio` while recording a voice note. */
      media: z.enum(['', 'audio']),
      is_group: z.boolean(),
    }),
  ),
  'group.participants': envelope(
    'group.participants',
    z.looseObject({
      chat_id: z.string(),
      type: z.enum(['join', 'leave', 'promote', 'demote']),
      /** LID-normalised member JIDs; one webhook per action. */
      jids: z.array(z.string()),
    }),
  ),
  'group.joined': envelope(
    'group.joined',
    z.looseObject({
      chat_id: z.string(),
      type: z.literal('join'),
      /** The device's own JID. */
      jids: z.array(z.string()),
      reason: z.string(),
      group_name: z.string().optional(),
    }),
  ),
  'label.edit': envelope(
    'label.edit',
    z.looseObject({
      label_id: z.string(),
      name: z.string().optional(),
      color: z.number().optional(),
      /** A number in GOWA's code (protobuf int32); the docs show a string. */
      predefined_id: z.number().optional(),
      deleted: z.boolean().optional(),
      order_index: z.number().optional(),
      is_active: z.boolean().optional(),
      type: z.string().optional(),
      is_immutable: z.boolean().optional(),
      mute_end_time_ms: z.number().optional(),
    }),
  ),
  'label.association': envelope(
    'label.association',
    z.looseObject({
      label_id: z.string(),
      labeled: z.boolean(),
      chat_id: z.string(),
      chat_lid: z.string().optional(),
    }),
  ),
  'newsletter.joined': envelope(
    'newsletter.joined',
    z.looseObject({
      newsletter_id: z.string(),
      name: z.string().optional(),
      description: z.string().optional(),
    }),
  ),
  'newsletter.left': envelope(
    'newsletter.left',
    z.looseObject({ newsletter_id: z.string(), role: z.string() }),
  ),
  'newsletter.mute': envelope(
    'newsletter.mute',
    z.looseObject({ newsletter_id: z.string(), /** `on` or `off`. */ mute: z.string() }),
  ),
  'newsletter.message': envelope(
    'newsletter.message',
    z.looseObject({
      newsletter_id: z.string(),
      messages: z.array(
        z.looseObject({
          server_id: z.number(),
          message_id: z.string(),
          type: z.string(),
          timestamp: z.string(),
          views_count: z.number().optional(),
          /** Emoji → count. */
          reaction_counts: z.record(z.string(), z.number()).optional(),
        }),
      ),
    }),
  ),
  'call.offer': envelope(
    'call.offer',
    z.looseObject({
      call_id: z.string(),
      ...senderFields,
      /** True when GOWA rejected the call itself (WHATSAPP_AUTO_REJECT_CALL). */
      auto_rejected: z.boolean(),
      remote_platform: z.string().optional(),
      remote_version: z.string().optional(),
      /** Set for a group call. */
      group_jid: z.string().optional(),
    }),
  ),
  ...legacyEventSchemas,
} as const;

type Schemas = typeof whatsappEventSchemas;
export type WhatsAppEventName = keyof Schemas;
export type WhatsAppEventOf<N extends WhatsAppEventName> = z.infer<Schemas[N]>;

export type WhatsAppMessageEvent = WhatsAppEventOf<'message'>;
export type WhatsAppReactionEvent = WhatsAppEventOf<'message.reaction'>;
export type WhatsAppReceiptEvent = WhatsAppEventOf<'message.ack'>;
export type WhatsAppGroupParticipantsEvent = WhatsAppEventOf<'group.participants'>;
export type WhatsAppCallOfferEvent = WhatsAppEventOf<'call.offer'>;
