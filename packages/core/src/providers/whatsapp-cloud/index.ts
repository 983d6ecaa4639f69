import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedBatch, ParsedEvent, Provider } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { arrayOr, changeParts, changesOf, entriesOf, fieldsOf } from './batch.js';
import {
  type WhatsAppCloudEventName,
  type WhatsAppCloudEventOf,
  whatsappCloudEventSchemas,
} from './events.js';
import { whatsappCloudHandshake } from './handshake.js';
import { SIGNATURE_HEADER, VERIFY_TOKEN_PARAMETER, verifyTokenRule, verifyWhatsAppCloud } from './verify.js';

export interface WhatsAppCloudOptions {
  /** The Meta app's App Secret (App Dashboard → App settings → Basic), or several during a rotation. */
  readonly appSecret: Secret;
  /** The Verify token you typed into the webhook's configuration, which Meta's GET check sends back. */
  readonly verifyToken: Secret;
}

/** Handlers answer nothing: Meta reads only the status; replies go through the Cloud API's /messages. */
export type WhatsAppCloudEvents = {
  readonly [N in WhatsAppCloudEventName]: EventDef<WhatsAppCloudEventOf<N>, never>;
};

/** A contact as the change's `value.contacts[]` lists it: the sender of a message. */
export interface WhatsAppCloudContact {
  readonly wa_id: string;
  readonly profile?: { readonly name?: string };
}

/** Facts of the change an event came in, which are not the event's own fields. */
export interface WhatsAppCloudMeta {
  /** `entry[].id`: the WhatsApp Business Account ID. */
  readonly businessAccountId: string | undefined;
  /** `changes[].field`: `messages` for messages and statuses. */
  readonly field: string;
  /** `value.metadata.phone_number_id`: which of your numbers it is for (the id you send from). */
  readonly phoneNumberId: string | undefined;
  readonly displayPhoneNumber: string | undefined;
  /** For a message: its sender's entry of `value.contacts[]` (profile name), when Meta sent one. */
  readonly contact: WhatsAppCloudContact | undefined;
}

export interface WhatsAppCloudProvider extends Provider<WhatsAppCloudEvents, WhatsAppCloudMeta> {
  readonly eventNames: readonly WhatsAppCloudEventName[];
}

const eventNames = Object.keys(whatsappCloudEventSchemas) as WhatsAppCloudEventName[];
/**
 * Meta documents no timeout for the Cloud API, only that any answer but 200 is retried with
 * decreasing frequency for up to 7 days, the whole delivery again
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/guides/set-up-webhooks). Answering
 * within a few seconds keeps a slow handler from costing a retry of every event in the batch.
 */
const DEADLINE_MS = 3_000;

/**
 * Meta's webhooks for the WhatsApp Cloud API (WhatsApp Business Platform), not GOWA's
 * (`whatsapp()`): a GET subscription check answered with its challenge; POSTed deliveries
 * `{ object: "whatsapp_business_account", entry: [{ id, changes: [{ field, value }] }] }` signed
 * in `X-Hub-Signature-256`. Each message is an event (`messages.text`, ...) deduped on its
 * `wamid`, each status one (`statuses.read`, ...) deduped on its id and status, and a change of
 * any other field is one event named after the field.
 */
export function whatsappCloud(options: WhatsAppCloudOptions): WhatsAppCloudProvider {
  const appSecrets = secretList(options?.appSecret, 'whatsappCloud(): appSecret');
  if (appSecrets.length === 0) {
    throw new TypeError(
      'hookguard whatsappCloud(): an appSecret is required (App Dashboard → App settings → Basic → App Secret)',
    );
  }
  const verifyTokens = secretList(options?.verifyToken, 'whatsappCloud(): verifyToken');
  if (verifyTokens.length === 0) {
    throw new TypeError(
      "hookguard whatsappCloud(): a verifyToken is required (the Verify token of the app's webhook configuration)",
    );
  }
  const rules = { appSecrets, verifyToken: verifyTokenRule(verifyTokens) };

  function event(
    name: readonly unknown[],
    item: unknown,
    key: string | undefined,
    meta: WhatsAppCloudMeta,
  ): ParsedEvent<WhatsAppCloudMeta> {
    const candidates = name.every((part) => typeof part === 'string' && part !== '')
      ? [name.join('.')]
      : typeof name[0] === 'string' && name[0] !== ''
        ? [name[0]]
        : [];
    return parsedEvent(resolveEvent(whatsappCloudEventSchemas, candidates, item), key, meta);
  }

  /** One change's events: its messages, then its statuses, or the change as one event. */
  function changeEvents(
    change: unknown,
    businessAccountId: string | undefined,
  ): ParsedEvent<WhatsAppCloudMeta>[] {
    const { field, value, messages, statuses, asOne } = changeParts(change);
    const metadata = fieldsOf(value['metadata']);
    const base = {
      businessAccountId,
      field,
      phoneNumberId: stringOr(metadata['phone_number_id']),
      displayPhoneNumber: stringOr(metadata['display_phone_number']),
      contact: undefined,
    };
    if (asOne) return [event([field], fieldsOf(change)['value'], undefined, base)];
    const contacts = arrayOr(value['contacts']) as (WhatsAppCloudContact | null)[];
    return [
      ...messages.map((item) => {
        const { type, id, from } = fieldsOf(item);
        const contact = contacts.find((candidate) => candidate?.wa_id === from) ?? undefined;
        return event(['messages', type], item, stringOr(id), { ...base, contact });
      }),
      ...statuses.map((item) => {
        const { status, id } = fieldsOf(item);
        const key = typeof id === 'string' && typeof status === 'string' ? `${id}:${status}` : undefined;
        return event(['statuses', status], item, key, base);
      }),
    ];
  }

  return {
    name: 'whatsapp-cloud',
    methods: ['GET', 'POST'],
    proofNames: { headers: [SIGNATURE_HEADER, 'x-hub-signature'], query: [VERIFY_TOKEN_PARAMETER] },
    eventNames,
    deadlineMs: DEADLINE_MS,
    verify: (input) => verifyWhatsAppCloud(rules, input),
    handshake: (_payload, input) => whatsappCloudHandshake(input),
    /** A body without `entry[]` is read as one event: `unknown`. */
    parse: (payload) => event([], payload, undefined, emptyMeta),
    parseBatch(payload): ParsedBatch<WhatsAppCloudMeta> | undefined {
      const entries = entriesOf(payload);
      if (entries === undefined) return undefined;
      const events = entries.flatMap((entry) =>
        changesOf(entry).flatMap((change) => changeEvents(change, stringOr(fieldsOf(entry)['id']))),
      );
      return { events, answer: emptyResponse(200) };
    },
    respond(reply) {
      if (reply !== undefined && reply !== null) {
        throw new TypeError(
          'whatsappCloud: handlers cannot reply; Meta reads only the status (send messages with the Cloud API)',
        );
      }
      return emptyResponse(200);
    },
  };
}

const emptyMeta: WhatsAppCloudMeta = {
  businessAccountId: undefined,
  field: '',
  phoneNumberId: undefined,
  displayPhoneNumber: undefined,
  contact: undefined,
};

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
