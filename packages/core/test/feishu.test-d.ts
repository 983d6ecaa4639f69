/**
 * Type tests, checked by `tsc`: Feishu's event types narrow the payload (also by prefix), and only
 * card actions take an answer (`{ toast?, card? }`). Each `@ts-expect-error` fails the typecheck
 * if the line ever compiles.
 */
import {
  createReceiver,
  type FeishuCardReply,
  type FeishuEventOf,
  type FeishuMeta,
  feishu,
  type HandlerContext,
  lark,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const app = createReceiver(feishu({ encryptKey: 'key', verificationToken: 'token' }));

app.on('im.message.receive_v1', (body, context) => {
  expectTypeOf(body.schema).toEqualTypeOf<'2.0'>();
  expectTypeOf(body.header.event_type).toEqualTypeOf<'im.message.receive_v1'>();
  expectTypeOf(body.header.event_id).toBeString();
  expectTypeOf(body.event.message.content).toBeString();
  expectTypeOf(body.event.sender.sender_id.open_id).toEqualTypeOf<string | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<FeishuMeta>>();
  expectTypeOf(context.meta.requestId).toEqualTypeOf<string | undefined>();
});
app.on('im.chat.member', (body) => {
  expectTypeOf(body.header.event_type).toEqualTypeOf<
    'im.chat.member.bot.added_v1' | 'im.chat.member.bot.deleted_v1' | 'im.chat.member.user.added_v1'
  >();
  expectTypeOf(body.event.chat_id).toBeString();
});
app.on('contact.user.created_v3', (body) => {
  expectTypeOf(body.event.object.open_id).toBeString();
});
app.on('application.bot.menu_v6', (body) => {
  expectTypeOf(body.event.event_key).toBeString();
});
app.on('app_ticket', (body) => {
  expectTypeOf(body.type).toEqualTypeOf<'event_callback'>();
  expectTypeOf(body.event.app_ticket).toBeString();
});
// @ts-expect-error Feishu reads only the 200 of an event
app.on('im.message.receive_v1', () => ({ text: 'hi' }));
// @ts-expect-error not an event type Feishu sends
app.on('im.message.recieve_v1', () => undefined);

app.on('card.action.trigger', (body) => {
  expectTypeOf(body.event.action.tag).toBeString();
  expectTypeOf(body.event.operator.open_id).toBeString();
  return { toast: { type: 'success', content: 'Approved' }, card: { type: 'raw', data: { schema: '2.0' } } };
});
app.on('card.action.trigger', () => ({ toast: { type: 'error', content: '失败' } }));
app.on('card.action.trigger', () => ({
  card: { type: 'template', data: { template_id: 'AAq0', template_variable: { name: 'pay-api' } } },
}));
app.on('card.action.trigger', () => undefined);
// @ts-expect-error a toast's type is info, success, warning or error
app.on('card.action.trigger', () => ({ toast: { type: 'loud', content: 'x' } }));
// @ts-expect-error a card update names its type
app.on('card.action.trigger', () => ({ card: { data: {} } }));

expectTypeOf<FeishuCardReply['toast']>().toEqualTypeOf<
  | {
      readonly type: 'info' | 'success' | 'warning' | 'error';
      readonly content: string;
      readonly i18n?: Readonly<Record<string, string>>;
    }
  | undefined
>();
expectTypeOf<FeishuEventOf<'im.message.message_read_v1'>['event']['message_id_list']>().toEqualTypeOf<
  string[]
>();
expectTypeOf(lark).toEqualTypeOf(feishu);
