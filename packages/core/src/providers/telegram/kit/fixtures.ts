import type { TelegramUpdateName } from '../events.js';

/**
 * One `Update` per kind, shaped as the Bot API reference describes each object
 * (https://core.telegram.org/bots/api#available-types), with a few optional fields it sends too.
 */
const date = 1764561600;
const user = { id: 111222333, is_bot: false, first_name: 'Ada', username: 'ada_l', language_code: 'en' };
const bot = { id: 7000000001, is_bot: true, first_name: 'Hookguard Demo', username: 'hookguard_demo_bot' };
const privateChat = { id: 111222333, type: 'private', first_name: 'Ada', username: 'ada_l' };
const group = { id: -1001234567890, type: 'supergroup', title: '开发者 🛠️' };
const channel = { id: -1009876543210, type: 'channel', title: 'Release notes', username: 'hookguard_news' };
const message = {
  message_id: 42,
  from: user,
  chat: privateChat,
  date,
  text: '/start こんにちは 👋',
  entities: [{ type: 'bot_command', offset: 0, length: 6 }],
};
const post = { message_id: 7, sender_chat: channel, chat: channel, date, text: 'v1.2 is out' };
const member = (status: string, who = bot) => ({ status, user: who });
const memberUpdate = (from: typeof user, old: string, now: string, who = bot) => ({
  chat: group,
  from,
  date,
  old_chat_member: member(old, who),
  new_chat_member: member(now, who),
});

const kinds: Record<TelegramUpdateName, unknown> = {
  message,
  edited_message: { ...message, text: '/start hello', edit_date: date + 30 },
  channel_post: post,
  edited_channel_post: { ...post, text: 'v1.2.1 is out', edit_date: date + 60 },
  business_connection: {
    id: 'bc_Zm9vYmFy',
    user,
    user_chat_id: 111222333,
    date,
    can_reply: true,
    is_enabled: true,
  },
  business_message: { ...message, business_connection_id: 'bc_Zm9vYmFy', text: 'Are you open today?' },
  edited_business_message: {
    ...message,
    business_connection_id: 'bc_Zm9vYmFy',
    text: 'Are you open tomorrow?',
    edit_date: date + 5,
  },
  deleted_business_messages: {
    business_connection_id: 'bc_Zm9vYmFy',
    chat: privateChat,
    message_ids: [40, 41],
  },
  message_reaction: {
    chat: group,
    message_id: 42,
    user,
    date,
    old_reaction: [],
    new_reaction: [{ type: 'emoji', emoji: '👍' }],
  },
  message_reaction_count: {
    chat: channel,
    message_id: 7,
    date,
    reactions: [{ type: { type: 'emoji', emoji: '🔥' }, total_count: 3 }],
  },
  inline_query: { id: '4815162342', from: user, query: 'cats', offset: '', chat_type: 'sender' },
  chosen_inline_result: { result_id: 'cat-1', from: user, query: 'cats', inline_message_id: 'AAAAAKb3' },
  callback_query: {
    id: '4382bfdwdsb323b2d9',
    from: user,
    message: { ...message, from: bot, text: 'Pick one', entities: undefined },
    chat_instance: '-1234567890123456789',
    data: 'vote:yes',
  },
  shipping_query: {
    id: 'sq_1',
    from: user,
    invoice_payload: 'order-1042',
    shipping_address: {
      country_code: 'JP',
      state: '',
      city: '東京',
      street_line1: '1-1 Chiyoda',
      street_line2: '',
      post_code: '100-0001',
    },
  },
  pre_checkout_query: {
    id: 'pcq_1',
    from: user,
    currency: 'XTR',
    total_amount: 50,
    invoice_payload: 'order-1042',
  },
  purchased_paid_media: { from: user, paid_media_payload: 'album-7' },
  poll: {
    id: '5987654321',
    question: 'Lunch?',
    options: [
      { text: '🍜 Ramen', voter_count: 2 },
      { text: '🥗 Salad', voter_count: 1 },
    ],
    total_voter_count: 3,
    is_closed: false,
    is_anonymous: false,
    type: 'regular',
    allows_multiple_answers: false,
  },
  poll_answer: { poll_id: '5987654321', user, option_ids: [0] },
  my_chat_member: memberUpdate(user, 'left', 'administrator'),
  chat_member: memberUpdate(user, 'left', 'member', user),
  chat_join_request: { chat: group, from: user, user_chat_id: 111222333, date, bio: 'Rustacean 🦀' },
  chat_boost: {
    chat: channel,
    boost: {
      boost_id: 'boost-1',
      add_date: date,
      expiration_date: date + 86_400,
      source: { source: 'premium', user },
    },
  },
  removed_chat_boost: {
    chat: channel,
    boost_id: 'boost-1',
    remove_date: date,
    source: { source: 'premium', user },
  },
};

/** One example update for every kind telegram() types, each with its own `update_id`. */
export const telegramFixtures = Object.fromEntries(
  Object.entries(kinds).map(([kind, value], index) => [
    kind,
    JSON.parse(JSON.stringify({ update_id: 918273600 + index, [kind]: value })),
  ]),
) as Readonly<Record<TelegramUpdateName, Record<string, unknown>>>;
