/**
 * One example transaction per Matrix event, each carrying that one event as a homeserver sends it
 * to an application service, shaped after the examples in the Matrix spec
 * (https://spec.matrix.org/v1.13/client-server-api/#events,
 * https://spec.matrix.org/v1.13/application-service-api/#put_matrixappv1transactionstxnid). IDs are
 * made up; each event has an event_id of its own, so fixtures combine into one transaction.
 */
const ROOM = '!jEsUZKDJdhlrceRyVU:example.org';
const ALICE = '@alice:example.org';
const BOT = '@_bridge_bot:example.org';

let serial = 0;
function roomEvent(type: string, content: object, extra: object = {}) {
  serial++;
  return {
    type,
    event_id: `$143273582443PhrSn${String(serial).padStart(3, '0')}:example.org`,
    room_id: ROOM,
    sender: ALICE,
    origin_server_ts: 1_432_735_824_653 + serial,
    unsigned: { age: 1234 },
    content,
    ...extra,
  };
}
const state = (type: string, content: object, stateKey = '') =>
  roomEvent(type, content, { state_key: stateKey });

/** A transaction of these timeline events (and ephemeral ones, spec v1.13). */
export function matrixTransaction(
  events: readonly object[],
  ephemeral: readonly object[] = [],
): { events: object[]; ephemeral?: object[] } {
  return ephemeral.length === 0
    ? { events: [...events] }
    : { events: [...events], ephemeral: [...ephemeral] };
}

const matrixEvents = {
  // An emoji: Synapse sends it escaped as \ud83e\udd28, and the hs_token does not cover the body.
  'm.room.message.m.text': roomEvent('m.room.message', { msgtype: 'm.text', body: 'Hello, world \u{1F928}' }),
  'm.room.message.m.notice': roomEvent('m.room.message', { msgtype: 'm.notice', body: 'Build passed' }),
  'm.room.message.m.emote': roomEvent('m.room.message', { msgtype: 'm.emote', body: 'waves' }),
  'm.room.message.m.image': roomEvent('m.room.message', {
    msgtype: 'm.image',
    body: 'filename.jpg',
    url: 'mxc://example.org/JWEIFJgwEIhweiWJE',
    info: { h: 398, w: 394, mimetype: 'image/jpeg', size: 31037 },
  }),
  'm.room.message.m.file': roomEvent('m.room.message', {
    msgtype: 'm.file',
    body: 'something-important.doc',
    filename: 'something-important.doc',
    url: 'mxc://example.org/FHyPlCeYUSFFxlgbQYZmoEoe',
    info: { mimetype: 'application/msword', size: 46144 },
  }),
  'm.room.message.m.audio': roomEvent('m.room.message', {
    msgtype: 'm.audio',
    body: 'Bee Gees - Stayin Alive',
    url: 'mxc://example.org/ffed755USFFxlgbQYZGtryd',
    info: { duration: 2140786, mimetype: 'audio/mpeg', size: 1563685 },
  }),
  'm.room.message.m.video': roomEvent('m.room.message', {
    msgtype: 'm.video',
    body: 'Gangnam Style',
    url: 'mxc://example.org/a526eYUSFFxlgbQYZmo442',
    info: { duration: 2140786, h: 320, w: 480, mimetype: 'video/mp4', size: 1563685 },
  }),
  'm.room.message.m.location': roomEvent('m.room.message', {
    msgtype: 'm.location',
    body: 'Big Ben, London, UK',
    geo_uri: 'geo:51.5008,0.1247',
  }),
  'm.room.member': state('m.room.member', { membership: 'invite', displayname: 'Bridge bot' }, BOT),
  'm.room.encrypted': roomEvent('m.room.encrypted', {
    algorithm: 'm.megolm.v1.aes-sha2',
    ciphertext: 'AwgAEnACgAkLmt6qF84IK++J7UDH2Za1YVchHyprqTqsg...',
    device_id: 'RJYKSTBOIE',
    sender_key: 'IlRMeOPX2e0MurIyfWEucYBRVOEEUMrOHqn/8mLqMjA',
    session_id: 'X3lUlvLELLYxeTx4yOVu6UDpasGEVO0Jbu+QFnm0cKQ',
  }),
  'm.reaction': roomEvent('m.reaction', {
    'm.relates_to': { rel_type: 'm.annotation', event_id: '$143273582443PhrSn001:example.org', key: '👍' },
  }),
  'm.room.redaction': roomEvent(
    'm.room.redaction',
    { reason: 'Spamming' },
    { redacts: '$fukweghifu23:localhost' },
  ),
  'm.room.create': state('m.room.create', { creator: ALICE, room_version: '10' }),
  'm.room.name': state('m.room.name', { name: 'The room name' }),
  'm.room.topic': state('m.room.topic', { topic: 'A room topic' }),
  'm.room.avatar': state('m.room.avatar', { url: 'mxc://example.org/JWEIFJgwEIhweiWJE' }),
  'm.room.canonical_alias': state('m.room.canonical_alias', { alias: '#somewhere:localhost' }),
  'm.room.join_rules': state('m.room.join_rules', { join_rule: 'public' }),
  'm.room.power_levels': state('m.room.power_levels', { users: { [ALICE]: 100 }, users_default: 0 }),
  'm.room.history_visibility': state('m.room.history_visibility', { history_visibility: 'shared' }),
  'm.room.encryption': state('m.room.encryption', { algorithm: 'm.megolm.v1.aes-sha2' }),
  'm.room.tombstone': state('m.room.tombstone', {
    body: 'This room has been replaced',
    replacement_room: '!newroom:example.org',
  }),
};

const ephemeralEvents = {
  'm.typing': { type: 'm.typing', room_id: ROOM, content: { user_ids: [ALICE] } },
  'm.receipt': {
    type: 'm.receipt',
    room_id: ROOM,
    content: { '$143273582443PhrSn001:example.org': { 'm.read': { [ALICE]: { ts: 1436451550453 } } } },
  },
  'm.presence': { type: 'm.presence', sender: ALICE, content: { presence: 'online' } },
};

type Transaction = ReturnType<typeof matrixTransaction>;

/** One transaction per event name, each carrying that one event. */
export const matrixFixtures: Readonly<
  Record<keyof typeof matrixEvents | keyof typeof ephemeralEvents, Transaction>
> = {
  ...(Object.fromEntries(
    Object.entries(matrixEvents).map(([name, event]) => [name, matrixTransaction([event])]),
  ) as Record<keyof typeof matrixEvents, Transaction>),
  ...(Object.fromEntries(
    Object.entries(ephemeralEvents).map(([name, event]) => [name, matrixTransaction([], [event])]),
  ) as Record<keyof typeof ephemeralEvents, Transaction>),
};

/** What `POST /_matrix/app/v1/ping` carries (spec v1.7): the id the homeserver's ping call was given. */
export const matrixPing = { transaction_id: 'mautrix-go_1683636478256400935_123' };
