import { z } from 'zod';

/**
 * zod schemas for WhatsApp Cloud API webhook events, keyed by hookguard's event name: each of a
 * change's `value.messages[]` as `messages.<type>`, each of its `value.statuses[]` as
 * `statuses.<status>`, and a change of another field as the field's name with its `value`
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components). Only the fields
 * Meta always sends are required; objects are loose, so fields Meta adds are kept as sent.
 */
const mediaObject = z.looseObject({
  id: z.string(),
  mime_type: z.string(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

/** The fields of every message object. */
const message = {
  /** The sender's WhatsApp ID (phone number). */
  from: z.string(),
  /** The message's `wamid.…`: the same on Meta's retry, so it is the dedupe key. */
  id: z.string(),
  /** Unix seconds, as a string. */
  timestamp: z.string(),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
    })
    .optional(),
};

function kind<T extends string, S extends z.ZodType>(type: T, field: S) {
  return z.looseObject({ ...message, type: z.literal(type), [type]: field } as typeof message & {
    type: z.ZodLiteral<T>;
  } & { [K in T]: S });
}

const messageSchemas = {
  'messages.text': kind('text', z.looseObject({ body: z.string() })),
  'messages.image': kind('image', mediaObject),
  'messages.audio': kind('audio', mediaObject.extend({ voice: z.boolean().optional() })),
  'messages.video': kind('video', mediaObject),
  'messages.document': kind('document', mediaObject.extend({ filename: z.string().optional() })),
  'messages.sticker': kind('sticker', mediaObject.extend({ animated: z.boolean().optional() })),
  'messages.location': kind(
    'location',
    z.looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
  'messages.contacts': kind('contacts', z.array(z.looseObject({ name: z.looseObject({}).optional() }))),
  'messages.interactive': kind(
    'interactive',
    z.looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z
        .looseObject({ id: z.string(), title: z.string(), description: z.string().optional() })
        .optional(),
      nfm_reply: z.looseObject({ response_json: z.string() }).optional(),
    }),
  ),
  'messages.button': kind('button', z.looseObject({ text: z.string(), payload: z.string().optional() })),
  'messages.reaction': kind(
    'reaction',
    // No emoji: the reaction was removed.
    z.looseObject({ message_id: z.string(), emoji: z.string().optional() }),
  ),
  'messages.order': kind(
    'order',
    z.looseObject({
      catalog_id: z.string(),
      product_items: z.array(z.looseObject({ product_retailer_id: z.string() })),
      text: z.string().optional(),
    }),
  ),
  'messages.system': kind(
    'system',
    z.looseObject({ body: z.string(), type: z.string().optional(), wa_id: z.string().optional() }),
  ),
  // A message type the Cloud API does not support: only the errors say what it was.
  'messages.unsupported': z.looseObject({
    ...message,
    type: z.literal('unsupported'),
    errors: z.array(z.looseObject({ code: z.number() })).optional(),
  }),
};

function status<T extends string>(value: T) {
  return z.looseObject({
    /** The `wamid.…` of the message this status is about. */
    id: z.string(),
    status: z.literal(value),
    timestamp: z.string(),
    recipient_id: z.string(),
    conversation: z.looseObject({ id: z.string() }).optional(),
    pricing: z.looseObject({}).optional(),
    errors: z.array(z.looseObject({ code: z.number() })).optional(),
  });
}

/** A change of a field other than `messages`: its `value`, kept as sent. */
const fieldValue = z.looseObject({});

export const whatsappCloudEventSchemas = {
  ...messageSchemas,
  'statuses.sent': status('sent'),
  'statuses.delivered': status('delivered'),
  'statuses.read': status('read'),
  'statuses.failed': status('failed'),
  message_template_status_update: z.looseObject({
    event: z.string(),
    message_template_id: z.number(),
    message_template_name: z.string(),
    message_template_language: z.string(),
    reason: z.string().nullish(),
  }),
  message_template_quality_update: fieldValue,
  template_category_update: fieldValue,
  phone_number_name_update: fieldValue,
  phone_number_quality_update: fieldValue,
  account_update: fieldValue,
  account_review_update: fieldValue,
  account_alerts: fieldValue,
  business_capability_update: fieldValue,
  security: fieldValue,
};

export type WhatsAppCloudEventName = keyof typeof whatsappCloudEventSchemas;
export type WhatsAppCloudEventOf<N extends WhatsAppCloudEventName> = z.output<
  (typeof whatsappCloudEventSchemas)[N]
>;
