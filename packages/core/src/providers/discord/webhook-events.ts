import { z } from 'zod';

/**
 * zod schemas for Discord's Webhook Events, keyed by the inner event's `type` as Discord spells it
 * (https://discord.com/developers/docs/events/webhook-events#event-types). The schema covers the
 * whole body, `{ version, application_id, type: 1, event: { type, timestamp, data } }`; the outer
 * PING (`type: 0`) is answered by the provider. Objects are loose: unlisted fields are kept.
 */
const snowflake = z.string();
const user = z.looseObject({
  id: snowflake,
  username: z.string(),
  global_name: z.string().nullish(),
  avatar: z.string().nullish(),
});
const entitlement = z.looseObject({
  id: snowflake,
  sku_id: snowflake,
  application_id: snowflake,
  user_id: snowflake.optional(),
  guild_id: snowflake.optional(),
  type: z.number(),
  deleted: z.boolean(),
  starts_at: z.string().nullish(),
  ends_at: z.string().nullish(),
  consumed: z.boolean().optional(),
});
const lobbyMessage = z.looseObject({
  id: snowflake,
  type: z.number(),
  content: z.string(),
  lobby_id: snowflake,
  channel_id: snowflake,
  author: user,
  metadata: z.record(z.string(), z.string()).optional(),
  flags: z.number().optional(),
  application_id: snowflake.optional(),
});
const gameMessage = z.looseObject({
  id: snowflake,
  channel_id: snowflake,
  content: z.string().optional(),
  author: user.optional(),
});

const dataByType = {
  APPLICATION_AUTHORIZED: z.looseObject({
    /** 0 GUILD_INSTALL, 1 USER_INSTALL. */
    integration_type: z.number().optional(),
    user,
    scopes: z.array(z.string()),
    guild: z.looseObject({ id: snowflake, name: z.string().optional() }).optional(),
  }),
  APPLICATION_DEAUTHORIZED: z.looseObject({ user }),
  ENTITLEMENT_CREATE: entitlement,
  ENTITLEMENT_UPDATE: entitlement,
  ENTITLEMENT_DELETE: entitlement,
  // Documented as currently unavailable, without a data structure: typed as an open object.
  QUEST_USER_ENROLLMENT: z.looseObject({}),
  LOBBY_MESSAGE_CREATE: lobbyMessage,
  LOBBY_MESSAGE_UPDATE: lobbyMessage.extend({ edited_timestamp: z.string().nullish() }),
  LOBBY_MESSAGE_DELETE: z.looseObject({ id: snowflake, lobby_id: snowflake }),
  GAME_DIRECT_MESSAGE_CREATE: gameMessage,
  GAME_DIRECT_MESSAGE_UPDATE: gameMessage,
  GAME_DIRECT_MESSAGE_DELETE: gameMessage,
};

type DataSchemas = typeof dataByType;
export type DiscordWebhookEventName = keyof DataSchemas;

type BodySchemas = {
  readonly [N in DiscordWebhookEventName]: z.ZodObject<
    {
      version: z.ZodNumber;
      application_id: z.ZodString;
      type: z.ZodLiteral<1>;
      event: z.ZodObject<
        { type: z.ZodLiteral<N>; timestamp: z.ZodString; data: DataSchemas[N] },
        z.core.$loose
      >;
    },
    z.core.$loose
  >;
};

export const discordWebhookEventSchemas = Object.fromEntries(
  Object.entries(dataByType).map(([type, data]) => [
    type,
    z.looseObject({
      version: z.number(),
      application_id: snowflake,
      type: z.literal(1),
      event: z.looseObject({ type: z.literal(type), timestamp: z.string(), data }),
    }),
  ]),
) as unknown as BodySchemas;

export type DiscordWebhookEventOf<N extends DiscordWebhookEventName> = z.output<
  (typeof discordWebhookEventSchemas)[N]
>;
