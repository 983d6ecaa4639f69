/**
 * Type tests, checked by `tsc`: Slack's event names narrow the payload, and only the events Slack
 * reads an answer to take one (`response_action` for a modal, `options` for an external select, a
 * message for a slash command). Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type SlackCommandReply,
  type SlackEventOf,
  type SlackMeta,
  slack,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const app = createReceiver(slack({ signingSecret: 'secret', noRetry: true }));

app.on('event.message', (body, context) => {
  expectTypeOf(body.type).toEqualTypeOf<'event_callback'>();
  expectTypeOf(body.event.type).toEqualTypeOf<'message'>();
  expectTypeOf(body.event.text).toEqualTypeOf<string | undefined>();
  expectTypeOf(body.event_id).toBeString();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<SlackMeta>>();
  expectTypeOf(context.meta.retryNum).toEqualTypeOf<number | undefined>();
  expectTypeOf(context.meta.retryReason).toEqualTypeOf<string | undefined>();
});
app.on('event', (body) => {
  expectTypeOf(body.event.type).toEqualTypeOf<
    | 'message'
    | 'app_mention'
    | 'reaction_added'
    | 'reaction_removed'
    | 'member_joined_channel'
    | 'app_home_opened'
  >();
  if (body.event.type === 'reaction_added') expectTypeOf(body.event.reaction).toBeString();
});
app.on('event.app_mention', () => undefined);
// @ts-expect-error Slack reads no answer to an event
app.on('event.app_mention', () => ({ text: 'hi' }));
// @ts-expect-error not an event Slack sends
app.on('event.mesage', () => undefined);

app.on('block_actions', (body) => {
  expectTypeOf(body.actions[0]!.action_id).toBeString();
  expectTypeOf(body.user.id).toBeString();
});
// @ts-expect-error a button click is acknowledged; changes go through response_url or the API
app.on('block_actions', () => ({ text: 'clicked' }));

app.on('view_submission', (body) => {
  expectTypeOf(body.view.callback_id).toEqualTypeOf<string | undefined>();
  return { response_action: 'errors', errors: { note: 'Too short' } };
});
app.on('view_submission', () => ({ response_action: 'clear' }));
app.on('view_submission', () => ({ response_action: 'update', view: { type: 'modal' } }));
app.on('view_submission', () => undefined);
// @ts-expect-error "errors" needs the errors by block id
app.on('view_submission', () => ({ response_action: 'errors' }));
// @ts-expect-error not a response_action Slack knows
app.on('view_submission', () => ({ response_action: 'close' }));

app.on('block_suggestion', (body) => {
  expectTypeOf(body.value).toBeString();
  return { options: [{ text: { type: 'plain_text', text: 'pay-api' }, value: 'pay-api' }] };
});
// @ts-expect-error an option's text is a plain_text object
app.on('block_suggestion', () => ({ options: [{ text: 'pay-api', value: 'pay-api' }] }));

app.on('command', (body) => {
  expectTypeOf(body.command).toBeString();
  expectTypeOf(body.text).toBeString();
  return 'Deploying';
});
app.on('command', () => ({ response_type: 'in_channel', text: 'Deploying' }));
// @ts-expect-error response_type is ephemeral or in_channel
app.on('command', () => ({ response_type: 'everyone', text: 'Deploying' }));

app.on('view_closed', (body) => {
  expectTypeOf(body.is_cleared).toBeBoolean();
});
app.on('shortcut', (body) => {
  expectTypeOf(body.trigger_id).toBeString();
});
app.on('message_action', (body) => {
  expectTypeOf(body.message.ts).toBeString();
});
// @ts-expect-error a shortcut takes no answer
app.on('shortcut', () => 'ok');

expectTypeOf<SlackEventOf<'command'>['user_id']>().toBeString();
expectTypeOf<'text'>().toExtend<SlackCommandReply>();
