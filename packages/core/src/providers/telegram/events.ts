import { z } from 'zod';

/**
 * zod schemas for Telegram's `Update` (https://core.telegram.org/bots/api#update), keyed by the
 * one optional field an update carries: `message`, `callback_query`, ... Each schema requires the
 * fields the Bot API documents as always present; objects are loose, so optional and newly added
 * fields are kept as sent. A kind added in a later Bot API version arrives at `unknown` handlers
 * under its field name until a schema is added here.
 */
const user = z.looseObject({
  id: z.number(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
const chat = z.looseObject({
  id: z.number(),
  type: z.string(),
  title: z.string().optional(),
  username: z.string().optional(),
  first_name: z.string().optional(),
});
const entity = z.looseObject({ type: z.string(), offset: z.number(), length: z.number() });
const message = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  chat,
  from: user.optional(),
  sender_chat: chat.optional(),
  message_thread_id: z.number().optional(),
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  caption: z.string().optional(),
  photo: z.array(z.looseObject({ file_id: z.string(), width: z.number(), height: z.number() })).optional(),
  reply_to_message: z.looseObject({ message_id: z.number() }).optional(),
  edit_date: z.number().optional(),
  business_connection_id: z.string().optional(),
});
const chatMember = z.looseObject({ status: z.string(), user });
const chatMemberUpdated = z.looseObject({
  chat,
  from: user,
  date: z.number(),
  old_chat_member: chatMember,
  new_chat_member: chatMember,
});
const reaction = z.looseObject({ type: z.string() });

const kinds = {
  message,
  edited_message: message,
  channel_post: message,
  edited_channel_post: message,
  business_connection: z.looseObject({
    id: z.string(),
    user,
    user_chat_id: z.number(),
    date: z.number(),
  }),
  business_message: message,
  edited_business_message: message,
  deleted_business_messages: z.looseObject({
    business_connection_id: z.string(),
    chat,
    message_ids: z.array(z.number()),
  }),
  message_reaction: z.looseObject({
    chat,
    message_id: z.number(),
    date: z.number(),
    user: user.optional(),
    actor_chat: chat.optional(),
    old_reaction: z.array(reaction),
    new_reaction: z.array(reaction),
  }),
  message_reaction_count: z.looseObject({
    chat,
    message_id: z.number(),
    date: z.number(),
    reactions: z.array(z.looseObject({ type: reaction, total_count: z.number() })),
  }),
  inline_query: z.looseObject({
    id: z.string(),
    from: user,
    query: z.string(),
    offset: z.string(),
    chat_type: z.string().optional(),
  }),
  chosen_inline_result: z.looseObject({
    result_id: z.string(),
    from: user,
    query: z.string(),
    inline_message_id: z.string().optional(),
  }),
  callback_query: z.looseObject({
    id: z.string(),
    from: user,
    chat_instance: z.string(),
    /** The message with the button; only `message_id`, `chat` and `date` (0) when it is inaccessible. */
    message: z.looseObject({ message_id: z.number(), chat, date: z.number() }).optional(),
    inline_message_id: z.string().optional(),
    data: z.string().optional(),
    game_short_name: z.string().optional(),
  }),
  shipping_query: z.looseObject({
    id: z.string(),
    from: user,
    invoice_payload: z.string(),
    shipping_address: z.looseObject({ country_code: z.string() }),
  }),
  pre_checkout_query: z.looseObject({
    id: z.string(),
    from: user,
    currency: z.string(),
    total_amount: z.number(),
    invoice_payload: z.string(),
  }),
  purchased_paid_media: z.looseObject({ from: user, paid_media_payload: z.string() }),
  poll: z.looseObject({
    id: z.string(),
    question: z.string(),
    options: z.array(z.looseObject({ text: z.string(), voter_count: z.number() })),
    total_voter_count: z.number(),
    is_closed: z.boolean(),
    is_anonymous: z.boolean(),
    type: z.string(),
    allows_multiple_answers: z.boolean(),
  }),
  poll_answer: z.looseObject({
    poll_id: z.string(),
    option_ids: z.array(z.number()),
    user: user.optional(),
    voter_chat: chat.optional(),
  }),
  my_chat_member: chatMemberUpdated,
  chat_member: chatMemberUpdated,
  chat_join_request: z.looseObject({
    chat,
    from: user,
    user_chat_id: z.number(),
    date: z.number(),
    bio: z.string().optional(),
  }),
  chat_boost: z.looseObject({ chat, boost: z.looseObject({ boost_id: z.string() }) }),
  removed_chat_boost: z.looseObject({ chat, boost_id: z.string(), remove_date: z.number() }),
};

type Kinds = typeof kinds;
type UpdateSchemas = {
  readonly [K in keyof Kinds]: z.ZodObject<
    { update_id: z.ZodNumber } & { [P in K]: Kinds[K] },
    z.core.$loose
  >;
};

/** The update kinds the schemas know, in the Bot API's order. */
export const TELEGRAM_UPDATE_KINDS = Object.keys(kinds) as (keyof Kinds)[];

/** One schema per kind: `{ update_id, <kind>: … }`, so `on('callback_query')` narrows the update. */
export const telegramUpdateSchemas = Object.fromEntries(
  TELEGRAM_UPDATE_KINDS.map((kind) => [kind, z.looseObject({ update_id: z.number(), [kind]: kinds[kind] })]),
) as UpdateSchemas;

export type TelegramUpdateName = keyof typeof telegramUpdateSchemas;
export type TelegramUpdateOf<N extends TelegramUpdateName> = z.output<(typeof telegramUpdateSchemas)[N]>;
