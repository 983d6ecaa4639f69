import { z } from 'zod';

/**
 * zod schemas for the events of an application service transaction, keyed by hookguard's event
 * name: the event's `type`, and for `m.room.message` the type and its `msgtype`
 * (`m.room.message.m.text`). Fields as the Matrix spec documents them
 * (https://spec.matrix.org/v1.13/client-server-api/#events); only those every such event
 * carries are required, and objects are loose, so fields a room version or a client adds are
 * kept as sent. An event of any other type still reaches `unknown` handlers.
 */
const unsigned = z.looseObject({}).optional();

/** A room event as an application service receives it (ClientEvent). */
const roomEvent = {
  event_id: z.string(),
  room_id: z.string(),
  sender: z.string(),
  origin_server_ts: z.number(),
  unsigned,
};
/** A state event: a room event with a `state_key` ("" for the room's own state). */
const stateEvent = { ...roomEvent, state_key: z.string() };

const relatesTo = z.looseObject({ rel_type: z.string().optional(), event_id: z.string().optional() });

const textual = {
  body: z.string(),
  format: z.string().optional(),
  formatted_body: z.string().optional(),
  'm.relates_to': relatesTo.optional(),
};
const media = {
  body: z.string(),
  /** An `mxc://` URI; absent when the media is encrypted (then `file`). */
  url: z.string().optional(),
  file: z.looseObject({ url: z.string() }).optional(),
  info: z.looseObject({}).optional(),
  'm.relates_to': relatesTo.optional(),
};

const messageContents = {
  'm.text': z.looseObject({ msgtype: z.literal('m.text'), ...textual }),
  'm.notice': z.looseObject({ msgtype: z.literal('m.notice'), ...textual }),
  'm.emote': z.looseObject({ msgtype: z.literal('m.emote'), ...textual }),
  'm.image': z.looseObject({ msgtype: z.literal('m.image'), ...media }),
  'm.file': z.looseObject({ msgtype: z.literal('m.file'), filename: z.string().optional(), ...media }),
  'm.audio': z.looseObject({ msgtype: z.literal('m.audio'), ...media }),
  'm.video': z.looseObject({ msgtype: z.literal('m.video'), ...media }),
  'm.location': z.looseObject({ msgtype: z.literal('m.location'), body: z.string(), geo_uri: z.string() }),
};

type MessageSchemas = {
  readonly [T in keyof typeof messageContents as `m.room.message.${T}`]: z.ZodObject<
    typeof roomEvent & { type: z.ZodLiteral<'m.room.message'>; content: (typeof messageContents)[T] },
    z.core.$loose
  >;
};

const messageEvents = Object.fromEntries(
  Object.entries(messageContents).map(([msgtype, content]) => [
    `m.room.message.${msgtype}`,
    z.looseObject({ ...roomEvent, type: z.literal('m.room.message'), content }),
  ]),
) as unknown as MessageSchemas;

/** A state event of `type` whose content is kept as sent. */
function state<T extends string>(type: T) {
  return z.looseObject({ ...stateEvent, type: z.literal(type), content: z.looseObject({}) });
}

export const matrixEventSchemas = {
  ...messageEvents,
  'm.room.member': z.looseObject({
    ...stateEvent,
    type: z.literal('m.room.member'),
    content: z.looseObject({
      membership: z.enum(['invite', 'join', 'knock', 'leave', 'ban']),
      displayname: z.string().nullish(),
      avatar_url: z.string().nullish(),
      is_direct: z.boolean().optional(),
      reason: z.string().optional(),
    }),
  }),
  'm.room.encrypted': z.looseObject({
    ...roomEvent,
    type: z.literal('m.room.encrypted'),
    content: z.looseObject({
      algorithm: z.string(),
      ciphertext: z.union([z.string(), z.record(z.string(), z.unknown())]),
      sender_key: z.string().optional(),
      device_id: z.string().optional(),
      session_id: z.string().optional(),
    }),
  }),
  'm.reaction': z.looseObject({
    ...roomEvent,
    type: z.literal('m.reaction'),
    content: z.looseObject({
      'm.relates_to': z.looseObject({
        rel_type: z.literal('m.annotation'),
        event_id: z.string(),
        key: z.string(),
      }),
    }),
  }),
  'm.room.redaction': z.looseObject({
    ...roomEvent,
    type: z.literal('m.room.redaction'),
    /** Top-level before room version 11, in `content` from it. */
    redacts: z.string().optional(),
    content: z.looseObject({ redacts: z.string().optional(), reason: z.string().optional() }),
  }),
  'm.room.create': state('m.room.create'),
  'm.room.name': state('m.room.name'),
  'm.room.topic': state('m.room.topic'),
  'm.room.avatar': state('m.room.avatar'),
  'm.room.canonical_alias': state('m.room.canonical_alias'),
  'm.room.join_rules': state('m.room.join_rules'),
  'm.room.power_levels': state('m.room.power_levels'),
  'm.room.history_visibility': state('m.room.history_visibility'),
  'm.room.encryption': state('m.room.encryption'),
  'm.room.tombstone': state('m.room.tombstone'),
  // Ephemeral events (the transaction's `ephemeral`, spec v1.13): no event_id, not in a timeline.
  'm.typing': z.looseObject({
    type: z.literal('m.typing'),
    room_id: z.string(),
    content: z.looseObject({ user_ids: z.array(z.string()) }),
  }),
  'm.receipt': z.looseObject({
    type: z.literal('m.receipt'),
    room_id: z.string(),
    content: z.record(z.string(), z.unknown()),
  }),
  'm.presence': z.looseObject({
    type: z.literal('m.presence'),
    sender: z.string(),
    content: z.looseObject({ presence: z.enum(['online', 'offline', 'unavailable']) }),
  }),
};

export type MatrixEventName = keyof typeof matrixEventSchemas;
export type MatrixEventOf<N extends MatrixEventName> = z.output<(typeof matrixEventSchemas)[N]>;
