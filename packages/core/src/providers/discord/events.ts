import { z } from 'zod';

/**
 * zod schemas for the interactions Discord posts to an Interactions Endpoint URL, keyed by
 * hookguard's event name: the lower-case name of Discord's interaction type
 * (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type).
 * PING (type 1) is answered by the provider and never reaches a handler. Only fields Discord
 * always sends are required; objects are loose, so every other field is kept as sent.
 */
const snowflake = z.string();

const user = z.looseObject({
  id: snowflake,
  username: z.string(),
  discriminator: z.string().optional(),
  global_name: z.string().nullish(),
  avatar: z.string().nullish(),
  bot: z.boolean().optional(),
});
const member = z.looseObject({
  user: user.optional(),
  nick: z.string().nullish(),
  roles: z.array(snowflake),
  permissions: z.string().optional(),
  joined_at: z.string().nullish(),
});
const resolved = z.looseObject({
  users: z.record(z.string(), user).optional(),
  members: z.record(z.string(), z.looseObject({})).optional(),
  roles: z.record(z.string(), z.looseObject({ id: snowflake, name: z.string() })).optional(),
  channels: z.record(z.string(), z.looseObject({ id: snowflake, type: z.number() })).optional(),
  messages: z.record(z.string(), z.looseObject({ id: snowflake })).optional(),
  attachments: z.record(z.string(), z.looseObject({ id: snowflake, filename: z.string() })).optional(),
});

/** A command option as sent: a value, or (subcommands) nested options; `focused` in autocomplete. */
export interface DiscordCommandOption {
  readonly name: string;
  readonly type: number;
  readonly value?: string | number | boolean | undefined;
  readonly options?: readonly DiscordCommandOption[] | undefined;
  readonly focused?: boolean | undefined;
}
const option: z.ZodType<DiscordCommandOption> = z.lazy(() =>
  z.looseObject({
    name: z.string(),
    type: z.number(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    options: z.array(option).optional(),
    focused: z.boolean().optional(),
  }),
);

/** Fields every interaction but PING carries. */
const base = {
  id: snowflake,
  application_id: snowflake,
  /** The interaction token: valid for 15 minutes, for follow-up messages and editing the response. */
  token: z.string(),
  /** Always 1 so far; any number is accepted, so a new version still reaches its handlers. */
  version: z.number(),
  guild_id: snowflake.optional(),
  guild: z.looseObject({ id: snowflake }).optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake, type: z.number() }).optional(),
  /** Present in a guild; `user` in a DM or a group DM. */
  member: member.optional(),
  user: user.optional(),
  app_permissions: z.string().optional(),
  locale: z.string().optional(),
  guild_locale: z.string().optional(),
  entitlements: z.array(z.looseObject({ id: snowflake, sku_id: snowflake })).optional(),
  authorizing_integration_owners: z.record(z.string(), z.string()).optional(),
  context: z.number().optional(),
  attachment_size_limit: z.number().optional(),
};
const commandData = z.looseObject({
  id: snowflake,
  name: z.string(),
  /** 1 CHAT_INPUT (slash), 2 USER, 3 MESSAGE (context menus), 4 PRIMARY_ENTRY_POINT. */
  type: z.number(),
  resolved: resolved.optional(),
  options: z.array(option).optional(),
  guild_id: snowflake.optional(),
  target_id: snowflake.optional(),
});
const message = z.looseObject({
  id: snowflake,
  channel_id: snowflake,
  content: z.string().optional(),
  flags: z.number().optional(),
});

export const discordInteractionSchemas = {
  application_command: z.looseObject({ ...base, type: z.literal(2), data: commandData }),
  message_component: z.looseObject({
    ...base,
    type: z.literal(3),
    /** The message the component is attached to. */
    message,
    data: z.looseObject({
      custom_id: z.string(),
      component_type: z.number(),
      values: z.array(z.string()).optional(),
      resolved: resolved.optional(),
    }),
  }),
  application_command_autocomplete: z.looseObject({ ...base, type: z.literal(4), data: commandData }),
  modal_submit: z.looseObject({
    ...base,
    type: z.literal(5),
    /** Present when the modal was opened from a component: the message that component is on. */
    message: message.optional(),
    data: z.looseObject({
      custom_id: z.string(),
      components: z.array(z.looseObject({})),
      resolved: resolved.optional(),
    }),
  }),
};

export type DiscordInteractionName = keyof typeof discordInteractionSchemas;
export type DiscordInteractionOf<N extends DiscordInteractionName> = z.output<
  (typeof discordInteractionSchemas)[N]
>;

/** Discord's interaction `type` numbers → hookguard's event names. */
export const DISCORD_INTERACTION_TYPES: Readonly<Record<number, DiscordInteractionName>> = {
  2: 'application_command',
  3: 'message_component',
  4: 'application_command_autocomplete',
  5: 'modal_submit',
};

/** The body's `type`, read defensively: a handshake is recognised before any schema runs. */
export function typeOf(payload: unknown): unknown {
  return typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
}
