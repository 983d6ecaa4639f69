import { z } from 'zod';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import { DiscordMessageFlags } from './responses.js';

const RESPONSE_FLAGS =
  DiscordMessageFlags.SUPPRESS_EMBEDS |
  DiscordMessageFlags.EPHEMERAL |
  DiscordMessageFlags.SUPPRESS_NOTIFICATIONS |
  DiscordMessageFlags.IS_COMPONENTS_V2;
const MAX_CHOICES = 25;

const flags = z
  .int()
  .nonnegative()
  .refine((value) => (value & ~RESPONSE_FLAGS) === 0, {
    message: 'only SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS and IS_COMPONENTS_V2 may be set',
  });
const messageData = z.looseObject({
  content: z.string().optional(),
  flags: flags.optional(),
  embeds: z.array(z.unknown()).optional(),
  components: z.array(z.unknown()).optional(),
  attachments: z.array(z.unknown()).optional(),
});

// Strict at the top: `{ type: 4, content: 'hi' }` (the data object forgotten) is a mistake to catch
// here, not a message Discord refuses while the user sees "This interaction failed".
const responseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(4), data: messageData }),
  z.strictObject({
    type: z.literal(5),
    data: z
      .strictObject({ flags: z.union([z.literal(0), z.literal(DiscordMessageFlags.EPHEMERAL)]).optional() })
      .optional(),
  }),
  z.strictObject({ type: z.literal(6) }),
  z.strictObject({ type: z.literal(7), data: messageData.optional() }),
  z.strictObject({
    type: z.literal(8),
    data: z.strictObject({
      choices: z
        .array(
          z.looseObject({
            name: z.string().min(1),
            value: z.union([z.string(), z.number()]),
          }),
        )
        .max(MAX_CHOICES),
    }),
  }),
  z.strictObject({
    type: z.literal(9),
    data: z.looseObject({
      custom_id: z.string().min(1),
      title: z.string().min(1),
      components: z.array(z.unknown()).min(1),
    }),
  }),
  z.strictObject({ type: z.literal(12) }),
]);

/** The raw fields of an interaction that decide its answers, read defensively (it may fit no schema). */
interface InteractionShape {
  readonly type: unknown;
  readonly message: unknown;
}

function shapeOf(payload: unknown): InteractionShape {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  return { type: body['type'], message: body['message'] };
}

/** A component, or a modal opened from one: there is a message to defer or update. */
function hasComponentMessage(interaction: InteractionShape): boolean {
  if (interaction.type === 3) return true;
  return interaction.type === 5 && typeof interaction.message === 'object' && interaction.message !== null;
}

/** The response types an interaction may take, by Discord's interaction type number. */
function allowedTypes(interaction: InteractionShape): readonly number[] {
  if (interaction.type === 4) return [8];
  const modal = interaction.type === 5 ? [] : [9];
  const component = hasComponentMessage(interaction) ? [6, 7] : [];
  return [4, 5, ...component, ...modal, 12];
}

/**
 * Turns a handler's interaction response into the JSON Discord reads, written exactly as returned.
 * No reply is the deferred default (see `deferredResponse`). A response the interaction cannot
 * take is a TypeError, which the receiver answers with 500 INVALID_REPLY.
 */
export function serialiseDiscordResponse(
  reply: unknown,
  payload: unknown,
  options: { readonly ephemeral: boolean },
): WebhookResponse {
  if (reply === undefined || reply === null) return deferredResponse(payload, options);
  const parsed = responseSchema.safeParse(reply);
  if (!parsed.success) {
    throw new TypeError(`discord: invalid interaction response: ${z.prettifyError(parsed.error)}`);
  }
  const interaction = shapeOf(payload);
  const allowed = allowedTypes(interaction);
  if (!allowed.includes(parsed.data.type)) {
    throw new TypeError(
      `discord: an interaction of type ${String(interaction.type)} cannot take a type ${parsed.data.type} response; use ${allowed.join(', ')}`,
    );
  }
  return jsonResponse(200, reply);
}

/**
 * The answer when no handler replied in time (or at all): Discord shows "This interaction failed"
 * after 3 s without one, and the interaction token (valid 15 minutes) only works once answered.
 * A command or a modal submit is deferred (5: "thinking…", the app follows up), a component is
 * acknowledged without a loading state (6: the app edits its message or follows up). Autocomplete
 * cannot be deferred: it gets no suggestions.
 */
export function deferredResponse(
  payload: unknown,
  options: { readonly ephemeral: boolean },
): WebhookResponse {
  const interaction = shapeOf(payload);
  if (interaction.type === 4) return jsonResponse(200, { type: 8, data: { choices: [] } });
  if (interaction.type === 3) return jsonResponse(200, { type: 6 });
  return jsonResponse(
    200,
    options.ephemeral ? { type: 5, data: { flags: DiscordMessageFlags.EPHEMERAL } } : { type: 5 },
  );
}
