import { createHash } from 'node:crypto';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings } from '../../sender-toolkit/sender-timeout.js';
import { DISCORD_TIMEOUT } from './deadline.js';
import { typeOf } from './events.js';
import type { DiscordMeta } from './meta.js';
import {
  DISCORD_SIGNATURE_HEADER,
  DISCORD_TIMESTAMP_HEADER,
  discordPublicKeys,
  verifyDiscord,
} from './verify.js';
import {
  type DiscordWebhookEventName,
  type DiscordWebhookEventOf,
  discordWebhookEventSchemas,
} from './webhook-events.js';

export interface DiscordEventsOptions {
  /** The application's Public Key from the Developer Portal: the same key signs both URLs. */
  readonly publicKey: string | readonly string[];
  /**
   * Budget for handlers before the 204 is sent anyway (they go on in the background). Default
   * 2 500 ms, under Discord's 3 s; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
}

/** Webhook Events handlers answer nothing: Discord reads only the 204. */
export type DiscordWebhookEvents = {
  readonly [N in DiscordWebhookEventName]: EventDef<DiscordWebhookEventOf<N>, never>;
};

export interface DiscordEventsProvider extends Provider<DiscordWebhookEvents, DiscordMeta> {
  readonly eventNames: readonly DiscordWebhookEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(discordWebhookEventSchemas) as DiscordWebhookEventName[];
const DEFAULT_DEADLINE_MS = 2500;
const PING = 0;

/**
 * A Discord application's Webhook Events URL (https://discord.com/developers/docs/events/webhook-events):
 * authorizations, entitlements, lobby and game direct messages, signed like interactions and
 * answered 204. It is configured apart from the Interactions Endpoint URL, and answers differently.
 */
export function discordEvents(options: DiscordEventsOptions): DiscordEventsProvider {
  const publicKeys = discordPublicKeys(options?.publicKey, 'discordEvents()');
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'discordEvents()');
  return {
    name: 'discordEvents',
    proofNames: { headers: [DISCORD_SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, DISCORD_TIMEOUT, 'discordEvents()'),
    verify: (input) => verifyDiscord(publicKeys, input),
    // Sent when the URL is saved in the portal; Discord wants 204 with no body.
    handshake: (payload) => (typeOf(payload) === PING ? emptyResponse(204) : undefined),
    parse(payload, input): ParsedEvent<DiscordMeta> {
      const event = eventOf(payload);
      const type = typeof event?.['type'] === 'string' ? event['type'] : undefined;
      return parsedEvent(
        resolveEvent(discordWebhookEventSchemas, [type], payload),
        deliveryKeyOf(payload, event),
        { timestamp: headerValue(input.headers, DISCORD_TIMESTAMP_HEADER) },
      );
    },
    respond(reply) {
      if (reply !== undefined && reply !== null)
        throw new TypeError('discordEvents: handlers cannot reply; Discord reads only the 204');
      return emptyResponse(204);
    },
    fallback: () => emptyResponse(204),
  };
}

function eventOf(payload: unknown): Record<string, unknown> | undefined {
  const event =
    typeof payload === 'object' && payload !== null ? (payload as { event?: unknown }).event : undefined;
  return typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : undefined;
}

/**
 * Webhook Events carry no id, and Discord retries a delivery that got no 204 for up to 10 minutes.
 * A retry repeats the event, so the application, the event type, its timestamp and a digest of
 * its data name it; two different events of one type in the same instant differ in their data.
 */
function deliveryKeyOf(payload: unknown, event: Record<string, unknown> | undefined): string | undefined {
  const application = (payload as { application_id?: unknown } | null)?.application_id;
  const type = event?.['type'];
  const timestamp = event?.['timestamp'];
  if (typeof application !== 'string' || typeof type !== 'string' || typeof timestamp !== 'string')
    return undefined;
  // Parsed JSON holds no cycle, BigInt or toJSON function: stringifying it cannot throw.
  const data = JSON.stringify(event?.['data'] ?? null);
  const digest = createHash('sha256').update(data).digest('base64url');
  return `${application}:${type}:${timestamp}:${digest}`;
}
