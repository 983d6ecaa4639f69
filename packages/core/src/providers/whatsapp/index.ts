import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { jsonResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { whatsappDeliveryKey } from './delivery-key.js';
import { type WhatsAppEventName, type WhatsAppEventOf, whatsappEventSchemas } from './events.js';
import { legacyEventName } from './legacy.js';
import { verifyWhatsApp } from './verify.js';

export interface WhatsAppOptions {
  /**
   * GOWA's `--webhook-secret` / `WHATSAPP_WEBHOOK_SECRET` (per device: its webhook secret), or
   * several during a rotation. GOWA's default is the literal `secret`: accepted, with a warning.
   */
  readonly secret: Secret;
}

/** GOWA reads no response body and offers no quick action, so no event takes a reply. */
export type WhatsAppEvents = { readonly [N in WhatsAppEventName]: EventDef<WhatsAppEventOf<N>, never> };

export interface WhatsAppMeta {
  /** The GOWA device the event belongs to (`device_id`), when the body says. */
  readonly deviceId: string | undefined;
  /** GOWA's `session_id`, when the device JID maps to a registered device. */
  readonly sessionId: string | undefined;
}

export interface WhatsAppProvider extends Provider<WhatsAppEvents, WhatsAppMeta> {
  readonly eventNames: readonly WhatsAppEventName[];
}

/** The secret GOWA signs with when none is configured (`src/config/settings.go`). */
export const GOWA_DEFAULT_SECRET = 'secret';

/**
 * GOWA gives each attempt 10 s before it counts as failed and retries; answering by 8 s (the
 * handler goes on in the background) keeps a slow handler from being run again by a retry.
 */
export const WHATSAPP_DEADLINE_MS = 8_000;

const eventNames = Object.keys(whatsappEventSchemas) as WhatsAppEventName[];

/** go-whatsapp-web-multidevice (GOWA): v8+ `{event, device_id, payload}` bodies and v7 flat ones. */
export function whatsapp(options: WhatsAppOptions): WhatsAppProvider {
  const secrets = secretList(options?.secret, 'whatsapp(): secret');
  if (secrets.length === 0) {
    throw new TypeError(
      'hookguard whatsapp(): a secret is required. GOWA signs every webhook with its ' +
        '--webhook-secret / WHATSAPP_WEBHOOK_SECRET; pass the same value here.',
    );
  }
  const configWarnings = secrets.includes(GOWA_DEFAULT_SECRET)
    ? [
        `whatsapp(): a configured secret is GOWA's public default "${GOWA_DEFAULT_SECRET}", so anyone can sign ` +
          'webhooks this receiver accepts. Set --webhook-secret (WHATSAPP_WEBHOOK_SECRET) on GOWA to a ' +
          'random value and pass the same value here.',
      ]
    : [];
  return {
    name: 'whatsapp',
    proofNames: { headers: ['x-hub-signature-256'], query: [] },
    eventNames,
    configWarnings,
    deadlineMs: WHATSAPP_DEADLINE_MS,
    verify: (input) => verifyWhatsApp(secrets, input),
    parse(payload, input): ParsedEvent<WhatsAppMeta> {
      const body = isRecord(payload) ? payload : {};
      const resolved = resolveEvent(whatsappEventSchemas, [eventNameOf(payload)], payload);
      return parsedEvent(resolved, whatsappDeliveryKey(resolved.name, body, input.body), {
        deviceId: stringOrUndefined(body['device_id']),
        sessionId: stringOrUndefined(body['session_id']),
      });
    },
    // GOWA needs only the 2xx and reads no body (this one is for people reading logs). A value a
    // handler returns has nowhere to go; refusing it with a 500 would only make GOWA retry an
    // event that was handled, so every outcome is the same ack.
    respond: () => jsonResponse(200, { ok: true }),
  };
}

/** v8+ (and v7 receipts and group events) name themselves in `event`; v7 messages are flat. */
function eventNameOf(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  if (Object.hasOwn(payload, 'event')) return stringOrUndefined(payload['event']);
  return legacyEventName(payload);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
