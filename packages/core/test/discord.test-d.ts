/**
 * Type tests, checked by `tsc`: interaction names narrow the event, and each interaction takes only
 * the response types Discord allows for it. Each `@ts-expect-error` fails the typecheck if the line
 * ever compiles.
 */
import {
  createReceiver,
  type DiscordInteractionOf,
  type DiscordMeta,
  type DiscordWebhookEventOf,
  discord,
  discordEvents,
  discordReply,
  type HandlerContext,
  type ReceiverOptions,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const bot = createReceiver(discord({ publicKey: 'ab'.repeat(32) }));

bot.on('application_command', (interaction, context) => {
  expectTypeOf(interaction.type).toEqualTypeOf<2>();
  expectTypeOf(interaction.data.name).toBeString();
  expectTypeOf(interaction.token).toBeString();
  expectTypeOf(interaction.member?.user?.id).toEqualTypeOf<string | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<DiscordMeta>>();
  return { type: 4, data: { content: 'pong', flags: 64 } };
});
bot.on('application_command', () => ({ type: 5 }));
bot.on('application_command', () => ({ type: 5, data: { flags: 64 } }));
bot.on('application_command', () => discordReply.modal({ custom_id: 'f', title: 'F', components: [] }));
bot.on('application_command', () => ({ type: 12 }));
bot.on('application_command', async () => discordReply.message('later'));
bot.on('application_command', () => undefined);
// @ts-expect-error a command has no component message to defer an update of
bot.on('application_command', () => ({ type: 6 }));
// @ts-expect-error a command has no component message to update
bot.on('application_command', () => discordReply.update({ content: 'x' }));
// @ts-expect-error autocomplete results answer autocomplete only
bot.on('application_command', () => ({ type: 8, data: { choices: [] } }));
// @ts-expect-error PONG is the provider's answer to PING
bot.on('application_command', () => ({ type: 1 }));
// @ts-expect-error a deferred answer takes only the EPHEMERAL flag
bot.on('application_command', () => ({ type: 5, data: { flags: 32768 } }));
// @ts-expect-error a message response needs its data object
bot.on('application_command', () => ({ type: 4 }));

bot.on('message_component', (interaction) => {
  expectTypeOf(interaction.type).toEqualTypeOf<3>();
  expectTypeOf(interaction.data.custom_id).toBeString();
  expectTypeOf(interaction.message.id).toBeString();
  return { type: 6 };
});
bot.on('message_component', () => ({ type: 7, data: { content: 'updated' } }));
bot.on('message_component', () => ({ type: 9, data: { custom_id: 'f', title: 'F', components: [] } }));
// @ts-expect-error autocomplete results answer autocomplete only
bot.on('message_component', () => discordReply.choices([]));

bot.on('application_command_autocomplete', (interaction) => {
  expectTypeOf(interaction.type).toEqualTypeOf<4>();
  return discordReply.choices([{ name: 'twenty', value: 20 }]);
});
// @ts-expect-error autocomplete takes only choices
bot.on('application_command_autocomplete', () => ({ type: 4, data: { content: 'no' } }));
// @ts-expect-error autocomplete cannot be deferred
bot.on('application_command_autocomplete', () => discordReply.deferred());

bot.on('modal_submit', (interaction) => {
  expectTypeOf(interaction.type).toEqualTypeOf<5>();
  expectTypeOf(interaction.data.custom_id).toBeString();
  return { type: 4, data: { content: 'thanks' } };
});
bot.on('modal_submit', () => ({ type: 7, data: { content: 'saved' } }));
// @ts-expect-error a modal cannot answer a modal
bot.on('modal_submit', () => discordReply.modal({ custom_id: 'f', title: 'F', components: [] }));

bot.on(['application_command', 'message_component'], (interaction) => {
  expectTypeOf(interaction).toEqualTypeOf<
    DiscordInteractionOf<'application_command'> | DiscordInteractionOf<'message_component'>
  >();
});
bot.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});
// @ts-expect-error PING never reaches a handler
bot.on('ping', () => undefined);
// @ts-expect-error the interaction names are Discord's type names in lower case
bot.on('APPLICATION_COMMAND', () => undefined);

const events = createReceiver(discordEvents({ publicKey: 'ab'.repeat(32) }));
events.on('APPLICATION_AUTHORIZED', (body) => {
  expectTypeOf(body.event.type).toEqualTypeOf<'APPLICATION_AUTHORIZED'>();
  expectTypeOf(body.event.data.user.id).toBeString();
  expectTypeOf(body.event.data.scopes).toEqualTypeOf<string[]>();
  expectTypeOf(body.application_id).toBeString();
});
events.on('ENTITLEMENT_CREATE', (body) => {
  expectTypeOf(body).toEqualTypeOf<DiscordWebhookEventOf<'ENTITLEMENT_CREATE'>>();
  expectTypeOf(body.event.data.sku_id).toBeString();
});
events.on('LOBBY_MESSAGE_DELETE', (body) => {
  expectTypeOf(body.event.data.lobby_id).toBeString();
});
// @ts-expect-error Webhook Events handlers answer nothing
events.on('APPLICATION_DEAUTHORIZED', () => ({ type: 4, data: { content: 'x' } }));
// @ts-expect-error not a Webhook Event
events.on('application_command', () => undefined);

// The packages/core README's Discord snippet, kept compiling.
import { expressWebhook } from '@hookguard/express';

declare function welcome(user: { id: string }): void;
declare const app: { all(path: string, handler: ReturnType<typeof expressWebhook>): void };
const interactions = createReceiver(discord({ publicKey: process.env.DISCORD_PUBLIC_KEY! }))
  .on('application_command', (interaction) =>
    interaction.data.name === 'ping' ? discordReply.message('pong', { ephemeral: true }) : undefined,
  )
  .on('message_component', () => discordReply.update({ content: 'Done' }));
const webhookEvents = createReceiver(discordEvents({ publicKey: process.env.DISCORD_PUBLIC_KEY! })).on(
  'APPLICATION_AUTHORIZED',
  (body) => welcome(body.event.data.user),
);
app.all('/discord/interactions', expressWebhook(interactions));
app.all('/discord/events', expressWebhook(webhookEvents));

// onLateReply is typed by the provider: the name narrows the interaction and the reply together.
declare function editOriginal(applicationId: string, token: string, data: unknown): Promise<void>;
createReceiver(discord({ publicKey: 'ab'.repeat(32) }), {
  async onLateReply(late) {
    expectTypeOf(late.context).toEqualTypeOf<HandlerContext<DiscordMeta>>();
    if (late.name === 'application_command') {
      expectTypeOf(late.event).toEqualTypeOf<DiscordInteractionOf<'application_command'>>();
      expectTypeOf(late.event.token).toBeString();
      // @ts-expect-error a command's reply is never a component update
      expectTypeOf(late.reply.type).toEqualTypeOf<7>();
      if (late.reply.type === 4)
        await editOriginal(late.event.application_id, late.event.token, late.reply.data);
    }
    // @ts-expect-error not an interaction name
    if (late.name === 'APPLICATION_AUTHORIZED') return;
  },
});
// Webhook Events cannot reply, so no late reply can reach the hook.
createReceiver(discordEvents({ publicKey: 'ab'.repeat(32) }), {
  onLateReply(late) {
    expectTypeOf(late).toBeNever();
  },
});
// One options object, typed plainly, still fits every receiver.
const shared: ReceiverOptions = {
  onLateReply(late) {
    expectTypeOf(late.event).toBeUnknown();
  },
};
createReceiver(discord({ publicKey: 'ab'.repeat(32) }), shared);
createReceiver(discordEvents({ publicKey: 'ab'.repeat(32) }), shared);

// docs/senders.md's onLateReply snippet, kept compiling.
createReceiver(discord({ publicKey: 'ab'.repeat(32) }), {
  async onLateReply(late) {
    if (late.reply.type !== 4 && late.reply.type !== 7) return;
    const { application_id, token } = late.event;
    await fetch(`https://discord.com/api/v10/webhooks/${application_id}/${token}/messages/@original`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(late.reply.data),
    });
  },
});
