import { z } from 'zod';

/**
 * zod schemas for LINE Messaging API webhook events, keyed by hookguard's event name: the event's
 * `type`, and for messages `message.<message type>` (`message.text`). Fields as the Messaging API
 * reference documents them (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects);
 * only the ones LINE always sends are required, and objects are loose, so fields LINE adds later
 * are kept as sent.
 */
const source = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('user'), userId: z.string().optional() }),
  z.looseObject({ type: z.literal('group'), groupId: z.string(), userId: z.string().optional() }),
  z.looseObject({ type: z.literal('room'), roomId: z.string(), userId: z.string().optional() }),
]);

/** The fields every event carries ("Common properties"). */
const common = {
  mode: z.enum(['active', 'standby']),
  timestamp: z.number(),
  source: source.optional(),
  /** A ULID; the same on a redelivery, so it is the dedupe key. */
  webhookEventId: z.string(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }),
};
/** Single use, and only valid for a short while: reply soon, through the reply API. */
const replyable = { ...common, replyToken: z.string() };

const contentProvider = z.looseObject({
  type: z.enum(['line', 'external']),
  originalContentUrl: z.string().optional(),
  previewImageUrl: z.string().optional(),
});
const messageBase = { id: z.string() };
const quotable = { ...messageBase, quoteToken: z.string() };

const messages = {
  text: z.looseObject({
    ...quotable,
    type: z.literal('text'),
    text: z.string(),
    quotedMessageId: z.string().optional(),
    emojis: z.array(z.looseObject({ index: z.number(), length: z.number() })).optional(),
    mention: z.looseObject({ mentionees: z.array(z.looseObject({ type: z.string() })) }).optional(),
  }),
  image: z.looseObject({ ...quotable, type: z.literal('image'), contentProvider }),
  video: z.looseObject({
    ...quotable,
    type: z.literal('video'),
    duration: z.number().optional(),
    contentProvider,
  }),
  audio: z.looseObject({
    ...messageBase,
    type: z.literal('audio'),
    duration: z.number().optional(),
    contentProvider,
  }),
  file: z.looseObject({
    ...messageBase,
    type: z.literal('file'),
    fileName: z.string(),
    fileSize: z.number(),
  }),
  location: z.looseObject({
    ...quotable,
    type: z.literal('location'),
    title: z.string().nullish(),
    address: z.string().nullish(),
    latitude: z.number(),
    longitude: z.number(),
  }),
  sticker: z.looseObject({
    ...quotable,
    type: z.literal('sticker'),
    packageId: z.string(),
    stickerId: z.string(),
    stickerResourceType: z.string(),
    keywords: z.array(z.string()).optional(),
    text: z.string().optional(),
  }),
};

type MessageSchemas = {
  readonly [T in keyof typeof messages as `message.${T}`]: z.ZodObject<
    typeof replyable & { type: z.ZodLiteral<'message'>; message: (typeof messages)[T] },
    z.core.$loose
  >;
};

const messageEvents = Object.fromEntries(
  Object.entries(messages).map(([kind, message]) => [
    `message.${kind}`,
    z.looseObject({ ...replyable, type: z.literal('message'), message }),
  ]),
) as unknown as MessageSchemas;

const members = z.looseObject({ members: z.array(source) });

export const lineEventSchemas = {
  ...messageEvents,
  follow: z.looseObject({
    ...replyable,
    type: z.literal('follow'),
    follow: z.looseObject({ isUnblocked: z.boolean() }).optional(),
  }),
  unfollow: z.looseObject({ ...common, type: z.literal('unfollow') }),
  join: z.looseObject({ ...replyable, type: z.literal('join') }),
  leave: z.looseObject({ ...common, type: z.literal('leave') }),
  memberJoined: z.looseObject({ ...replyable, type: z.literal('memberJoined'), joined: members }),
  memberLeft: z.looseObject({ ...common, type: z.literal('memberLeft'), left: members }),
  postback: z.looseObject({
    ...replyable,
    type: z.literal('postback'),
    postback: z.looseObject({ data: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
  }),
  unsend: z.looseObject({
    ...common,
    type: z.literal('unsend'),
    unsend: z.looseObject({ messageId: z.string() }),
  }),
  videoPlayComplete: z.looseObject({
    ...replyable,
    type: z.literal('videoPlayComplete'),
    videoPlayComplete: z.looseObject({ trackingId: z.string() }),
  }),
  beacon: z.looseObject({
    ...replyable,
    type: z.literal('beacon'),
    beacon: z.looseObject({
      hwid: z.string(),
      type: z.enum(['enter', 'banner', 'stay']),
      dm: z.string().optional(),
    }),
  }),
  accountLink: z.looseObject({
    ...common,
    type: z.literal('accountLink'),
    replyToken: z.string().optional(),
    link: z.looseObject({ result: z.enum(['ok', 'failed']), nonce: z.string() }),
  }),
  membership: z.looseObject({
    ...replyable,
    type: z.literal('membership'),
    membership: z.looseObject({ type: z.string(), membershipId: z.number() }),
  }),
};

export type LineEventName = keyof typeof lineEventSchemas;
export type LineEventOf<N extends LineEventName> = z.output<(typeof lineEventSchemas)[N]>;
