/**
 * One example delivery per LINE event, each a body of one event as the LINE Platform sends it,
 * shaped after the examples in the Messaging API reference
 * (https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects). IDs are made
 * up; each event has its own `webhookEventId` (a ULID), so fixtures combine into one batch.
 */
const DESTINATION = 'Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const user = { type: 'user', userId: 'U4af4980629aaaaaaaaaaaaaaaaaaaaaa' };
const group = { type: 'group', groupId: 'Ca56f94637caaaaaaaaaaaaaaaaaaaaaa', userId: user.userId };

let serial = 0;
/** The common fields, with a webhookEventId of its own per event. */
function common(source: object = user) {
  serial++;
  return {
    mode: 'active',
    timestamp: 1_700_000_000_000 + serial,
    source,
    webhookEventId: `01HGW2M5Z9ZK8Y6B3XQ4TPR${String(serial).padStart(3, '0')}`,
    deliveryContext: { isRedelivery: false },
  };
}
const replyToken = () => `nHuyWiB7yP5Zw52FIkcQobQuGDXCTA${String(serial).padStart(2, '0')}`;

/** `{ destination, events }` carrying this one event. */
export function lineDelivery(...events: readonly object[]): { destination: string; events: object[] } {
  return { destination: DESTINATION, events: [...events] };
}

function message(body: object, source?: object) {
  const base = common(source);
  return { type: 'message', ...base, replyToken: replyToken(), message: body };
}

const lineEvents = {
  'message.text': message({
    id: '444573844083572737',
    type: 'text',
    quoteToken: 'q3Plxr4AgKd...',
    // An emoji: LINE sends it escaped as \uD83E\uDD28, and signs those bytes.
    text: 'Hello, world \u{1F928}',
  }),
  'message.image': message({
    id: '354718705033693859',
    type: 'image',
    quoteToken: 'q3Plxr4AgKd...',
    contentProvider: { type: 'line' },
    imageSet: { id: 'E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855', index: 1, total: 2 },
  }),
  'message.video': message({
    id: '325708',
    type: 'video',
    quoteToken: 'q3Plxr4AgKd...',
    duration: 60000,
    contentProvider: { type: 'external', originalContentUrl: 'https://example.com/original.mp4' },
  }),
  'message.audio': message({
    id: '325709',
    type: 'audio',
    duration: 60000,
    contentProvider: { type: 'line' },
  }),
  'message.file': message({ id: '325710', type: 'file', fileName: 'file.txt', fileSize: 2138 }),
  'message.location': message({
    id: '325711',
    type: 'location',
    quoteToken: 'q3Plxr4AgKd...',
    title: 'my location',
    address: '1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan',
    latitude: 35.67966,
    longitude: 139.73669,
  }),
  'message.sticker': message({
    id: '1501597916',
    type: 'sticker',
    quoteToken: 'q3Plxr4AgKd...',
    stickerId: '52002738',
    packageId: '11537',
    stickerResourceType: 'ANIMATION',
    keywords: ['cony', 'sally', 'Staring', 'hi'],
  }),
  follow: { type: 'follow', ...common(), replyToken: replyToken(), follow: { isUnblocked: false } },
  unfollow: { type: 'unfollow', ...common() },
  join: { type: 'join', ...common(group), replyToken: replyToken() },
  leave: { type: 'leave', ...common(group) },
  memberJoined: {
    type: 'memberJoined',
    ...common(group),
    replyToken: replyToken(),
    joined: { members: [user, { type: 'user', userId: 'U91eeaf62d9aaaaaaaaaaaaaaaaaaaaaa' }] },
  },
  memberLeft: { type: 'memberLeft', ...common(group), left: { members: [user] } },
  postback: {
    type: 'postback',
    ...common(),
    replyToken: replyToken(),
    postback: { data: 'action=buy&itemid=111', params: { datetime: '2017-12-25T01:00' } },
  },
  unsend: { type: 'unsend', ...common(group), unsend: { messageId: '325708' } },
  videoPlayComplete: {
    type: 'videoPlayComplete',
    ...common(),
    replyToken: replyToken(),
    videoPlayComplete: { trackingId: 'track-id' },
  },
  beacon: {
    type: 'beacon',
    ...common(),
    replyToken: replyToken(),
    beacon: { hwid: 'd41d8cd98f', type: 'enter' },
  },
  accountLink: {
    type: 'accountLink',
    ...common(),
    replyToken: replyToken(),
    link: { result: 'ok', nonce: 'xxxxxxxxxxxxxxx' },
  },
  membership: {
    type: 'membership',
    ...common(),
    replyToken: replyToken(),
    membership: { type: 'joined', membershipId: 3189 },
  },
};

/** One delivery per event name, each carrying that one event. */
export const lineFixtures: Readonly<Record<keyof typeof lineEvents, ReturnType<typeof lineDelivery>>> =
  Object.fromEntries(
    Object.entries(lineEvents).map(([name, event]) => [name, lineDelivery(event)]),
  ) as Record<keyof typeof lineEvents, ReturnType<typeof lineDelivery>>;

/** What the console's "Verify" button sends: a signed delivery with no events. */
export const lineVerifyDelivery = lineDelivery();
