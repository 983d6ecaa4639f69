import type { DiscordInteractionName } from '../events.js';
import type { DiscordWebhookEventName } from '../webhook-events.js';

/**
 * Example deliveries shaped as Discord documents them
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object,
 * https://discord.com/developers/docs/events/webhook-events#webhook-event-payloads). The token is a
 * made-up placeholder: a real one is a credential for 15 minutes.
 */
const application_id = '1186634437890109510';
const guild_id = '1186634559055159316';
const channel_id = '1186634559055159319';
const user = {
  id: '53908232506183680',
  username: 'mason',
  discriminator: '0',
  global_name: 'Mason',
  avatar: 'a_d5efa99b3eeaa7dd43acca82f5692432',
  public_flags: 0,
};
const member = {
  user,
  nick: null,
  roles: [],
  permissions: '2251799813685247',
  joined_at: '2023-12-18T11:02:45.123000+00:00',
  deaf: false,
  mute: false,
  flags: 0,
};
const interaction = {
  application_id,
  token: 'aW50ZXJhY3Rpb246MTE4NjYzNDQzNzg5MDEwOTUxMDpleGFtcGxlLXRva2Vu',
  version: 1,
  guild_id,
  guild: { id: guild_id, locale: 'en-US', features: [] },
  channel_id,
  channel: { id: channel_id, type: 0, name: 'general', guild_id },
  member,
  app_permissions: '2251799813685247',
  locale: 'en-US',
  guild_locale: 'en-US',
  entitlements: [],
  authorizing_integration_owners: { '0': guild_id },
  context: 0,
  attachment_size_limit: 10485760,
};
const command = { id: '1186638143218868224', name: 'roll', type: 1 };
const message = {
  id: '1186640107952291891',
  channel_id,
  type: 20,
  content: 'Pick one',
  author: { id: application_id, username: 'dice', discriminator: '0', bot: true },
  flags: 0,
  components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Reroll', custom_id: 'reroll' }] }],
  timestamp: '2023-12-18T11:20:01.115000+00:00',
};

/** PING: sent when the Interactions Endpoint URL is saved, answered `{"type":1}` by the provider. */
export const discordPing = {
  id: '1186639983226466305',
  application_id,
  type: 1,
  token: interaction.token,
  version: 1,
  user,
};

/** One interaction of every kind `discord()` types, by hookguard's event name. */
export const discordInteractionFixtures: Readonly<Record<DiscordInteractionName, Record<string, unknown>>> = {
  application_command: {
    ...interaction,
    id: '1186640034224230420',
    type: 2,
    data: { ...command, options: [{ name: 'sides', type: 4, value: 20 }] },
  },
  message_component: {
    ...interaction,
    id: '1186640164356734976',
    type: 3,
    message,
    data: { custom_id: 'reroll', component_type: 2 },
  },
  application_command_autocomplete: {
    ...interaction,
    id: '1186640290005491742',
    type: 4,
    data: { ...command, options: [{ name: 'sides', type: 4, value: '2', focused: true }] },
  },
  modal_submit: {
    ...interaction,
    id: '1186640401582362634',
    type: 5,
    data: {
      custom_id: 'feedback',
      components: [
        { type: 1, id: 1, components: [{ type: 4, id: 2, custom_id: 'comment', value: 'Great dice' }] },
      ],
    },
  },
};

/** A modal submitted from a form a button opened: it carries the button's message. */
export const discordModalFromComponent = {
  ...discordInteractionFixtures.modal_submit,
  id: '1186640533379977236',
  message,
};

/** The Webhook Events PING: sent when the Webhook Events URL is saved, answered 204. */
export const discordEventsPing = { version: 1, application_id, type: 0 };

const timestamp = '2024-10-08T20:49:38.167841';
const entitlement = {
  id: '1293304212040482857',
  sku_id: '1293304093513416764',
  application_id,
  user_id: user.id,
  type: 8,
  deleted: false,
  starts_at: null,
  ends_at: null,
  consumed: false,
};
const lobbyMessage = {
  id: '1397305287214346240',
  type: 0,
  content: 'gg',
  lobby_id: '1397300542730723328',
  channel_id: '1397300544404504576',
  author: user,
  metadata: { mode: 'ranked' },
  flags: 0,
  application_id,
};
const gameMessage = {
  id: '1397305581746327552',
  type: 0,
  content: 'ready?',
  channel_id: '1397300761652678656',
  author: user,
  recipient_id: '1186635079018733660',
  timestamp: '2025-07-23T18:40:02.118000+00:00',
};

const eventData: Readonly<Record<DiscordWebhookEventName, unknown>> = {
  APPLICATION_AUTHORIZED: {
    integration_type: 0,
    scopes: ['applications.commands', 'bot'],
    user,
    guild: { id: guild_id, name: 'Dice club', owner_id: user.id },
  },
  APPLICATION_DEAUTHORIZED: { user },
  ENTITLEMENT_CREATE: entitlement,
  ENTITLEMENT_UPDATE: { ...entitlement, ends_at: '2024-11-08T20:49:38.167841+00:00' },
  ENTITLEMENT_DELETE: { ...entitlement, deleted: true },
  QUEST_USER_ENROLLMENT: {},
  LOBBY_MESSAGE_CREATE: lobbyMessage,
  LOBBY_MESSAGE_UPDATE: {
    ...lobbyMessage,
    content: 'gg wp',
    edited_timestamp: '2025-07-23T18:41:00.000000+00:00',
  },
  LOBBY_MESSAGE_DELETE: { id: lobbyMessage.id, lobby_id: lobbyMessage.lobby_id },
  GAME_DIRECT_MESSAGE_CREATE: gameMessage,
  GAME_DIRECT_MESSAGE_UPDATE: { ...gameMessage, content: 'ready!' },
  GAME_DIRECT_MESSAGE_DELETE: gameMessage,
};

/** One Webhook Event of every type `discordEvents()` types: the whole body Discord posts. */
export const discordWebhookEventFixtures = Object.fromEntries(
  Object.entries(eventData).map(([type, data]) => [
    type,
    { version: 1, application_id, type: 1, event: { type, timestamp, data } },
  ]),
) as unknown as Readonly<Record<DiscordWebhookEventName, Record<string, unknown>>>;
