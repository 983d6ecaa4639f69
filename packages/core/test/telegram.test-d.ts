/**
 * Type tests, checked by `tsc`: an update kind narrows the update to its one field, a handler may
 * return a typed Bot API method call. Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type TelegramMethodCall,
  type TelegramUpdateOf,
  telegram,
  telegramMethod,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(telegram({ secretToken: 'token' }));
createReceiver(telegram({ secretToken: ['old', 'new'], allowFrom: 'telegram' }));
createReceiver(telegram({ secretToken: 'token', allowFrom: ['149.154.160.0/20'] }));

receiver.on('message', (update) => {
  expectTypeOf(update.update_id).toBeNumber();
  expectTypeOf(update.message.chat.id).toBeNumber();
  expectTypeOf(update.message.text).toEqualTypeOf<string | undefined>();
  expectTypeOf(update.message.from?.first_name).toEqualTypeOf<string | undefined>();
  // Loose objects: a field the Bot API adds is there, typed unknown until checked.
  expectTypeOf(update.message['story']).toBeUnknown();
  return { method: 'sendMessage', chat_id: update.message.chat.id, text: 'pong', parse_mode: 'HTML' };
});

receiver.on('callback_query', (update) => {
  expectTypeOf(update.callback_query.data).toEqualTypeOf<string | undefined>();
  expectTypeOf(update).toEqualTypeOf<TelegramUpdateOf<'callback_query'>>();
  return telegramMethod('answerCallbackQuery', { callback_query_id: update.callback_query.id });
});

receiver.on('inline_query', (update) => ({
  method: 'answerInlineQuery',
  inline_query_id: update.inline_query.id,
  results: [],
}));

receiver.on('chat_join_request', (update) =>
  telegramMethod('approveChatJoinRequest', {
    chat_id: update.chat_join_request.chat.id,
    user_id: update.chat_join_request.from.id,
  }),
);

// A method hookguard does not type goes through telegramMethod, parameters unchecked.
receiver.on('poll_answer', () => telegramMethod('sendGift', { user_id: 1, gift_id: 'g' }));

// Handlers may also answer nothing.
receiver.on('my_chat_member', (update) => void update.my_chat_member.new_chat_member.status);

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

expectTypeOf(telegramMethod('sendMessage', { chat_id: 1, text: 'x' })).toEqualTypeOf<TelegramMethodCall>();

// @ts-expect-error a misspelled method is no typed call (use telegramMethod for others)
receiver.on('message', () => ({ method: 'sendMesage', chat_id: 1, text: 'x' }));

// @ts-expect-error sendMessage needs text
receiver.on('message', () => ({ method: 'sendMessage', chat_id: 1 }));

// @ts-expect-error a reply is a method call, not text
receiver.on('message', () => 'pong');

// @ts-expect-error typed parameters are checked through the helper too
telegramMethod('deleteMessage', { chat_id: 1 });

// @ts-expect-error not an update kind
receiver.on('messages', () => {});

// @ts-expect-error the option is `secretToken`
telegram({ secret: 'token' });

// docs/senders.md, "Telegram", kept compiling.
export const bot = createReceiver(
  telegram({ secretToken: process.env['TELEGRAM_SECRET_TOKEN']!, allowFrom: 'telegram' }),
)
  .on('message', (update) =>
    update.message.text === '/ping'
      ? { method: 'sendMessage', chat_id: update.message.chat.id, text: 'pong' }
      : undefined,
  )
  .on('callback_query', (update) =>
    telegramMethod('answerCallbackQuery', { callback_query_id: update.callback_query.id }),
  );
