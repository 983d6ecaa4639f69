import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import { jsonResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings } from '../../sender-toolkit/sender-timeout.js';
import { DISCORD_TIMEOUT } from './deadline.js';
import {
  DISCORD_INTERACTION_TYPES,
  type DiscordInteractionName,
  type DiscordInteractionOf,
  discordInteractionSchemas,
  typeOf,
} from './events.js';
import type { DiscordMeta } from './meta.js';
import { deferredResponse, serialiseDiscordResponse } from './respond.js';
import type { DiscordResponseFor } from './responses.js';
import {
  DISCORD_SIGNATURE_HEADER,
  DISCORD_TIMESTAMP_HEADER,
  discordPublicKeys,
  verifyDiscord,
} from './verify.js';

export interface DiscordOptions {
  /**
   * The application's Public Key from the Developer Portal (General Information), 64 hex
   * characters; several while moving between applications.
   */
  readonly publicKey: string | readonly string[];
  /**
   * Budget for handlers before the deferred answer is sent. Default 2 500 ms, under Discord's 3 s
   * with room for the network; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
  /** Make the deferred "thinking…" answer (type 5) ephemeral, so the follow-up is too. Default false. */
  readonly deferEphemeral?: boolean;
}

export type DiscordInteractions = {
  readonly [N in DiscordInteractionName]: EventDef<DiscordInteractionOf<N>, DiscordResponseFor<N>>;
};

export interface DiscordProvider extends Provider<DiscordInteractions, DiscordMeta> {
  readonly eventNames: readonly DiscordInteractionName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(discordInteractionSchemas) as DiscordInteractionName[];
const DEFAULT_DEADLINE_MS = 2500;
const PING = 1;

/**
 * A Discord application's Interactions Endpoint URL: slash and context-menu commands, components,
 * autocomplete and modals, each answered with the interaction response its handler returns
 * (https://discord.com/developers/docs/interactions/receiving-and-responding). Webhook Events go to
 * a separate URL: `discordEvents()`.
 */
export function discord(options: DiscordOptions): DiscordProvider {
  const publicKeys = discordPublicKeys(options?.publicKey, 'discord()');
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'discord()');
  const ephemeral = options.deferEphemeral === true;
  return {
    name: 'discord',
    proofNames: { headers: [DISCORD_SIGNATURE_HEADER], query: [] },
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, DISCORD_TIMEOUT, 'discord()'),
    verify: (input) => verifyDiscord(publicKeys, input),
    // Discord checks the URL with a signed PING when it is saved, and now and then after that.
    handshake: (payload) => (typeOf(payload) === PING ? jsonResponse(200, { type: 1 }) : undefined),
    parse(payload, input): ParsedEvent<DiscordMeta> {
      const type = typeOf(payload);
      const name = typeof type === 'number' ? DISCORD_INTERACTION_TYPES[type] : undefined;
      const id = (payload as { id?: unknown } | null)?.id;
      return parsedEvent(
        resolveEvent(discordInteractionSchemas, [name], payload),
        // Discord never redelivers an interaction; its id makes a replayed request recognisable.
        typeof id === 'string' && id !== '' ? id : undefined,
        { timestamp: headerValue(input.headers, DISCORD_TIMESTAMP_HEADER) },
      );
    },
    respond: (reply, event) => serialiseDiscordResponse(reply, event.payload, { ephemeral }),
    fallback: (event) => deferredResponse(event.payload, { ephemeral }),
  };
}
