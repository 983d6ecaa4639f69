import { parseJsonBody } from '../../body/parse-json.js';
import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { jsonResponse } from '../../http/responses.js';
import type { ParsedBatch, ParsedEvent, Provider, VerifyInput } from '../../provider.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { matrixErrorResponse, unrecognizedResponse } from './error-body.js';
import { type MatrixEventName, type MatrixEventOf, matrixEventSchemas } from './events.js';
import { matrixRoute } from './routes.js';
import { ACCESS_TOKEN_PARAMETER, AUTHORIZATION_HEADER, matrixTokenRules, verifyMatrix } from './verify.js';

export interface MatrixOptions {
  /**
   * The registration file's `hs_token`: what the homeserver proves itself with (not the
   * `as_token`, which the application service uses to call the homeserver). Several during a rotation.
   */
  readonly hsToken: Secret;
}

/** Matrix handlers answer nothing: the homeserver reads only `200 {}`; the bot talks through the client-server API. */
export type MatrixEvents = { readonly [N in MatrixEventName]: EventDef<MatrixEventOf<N>, never> };

/** Facts of the transaction that are not the event's own fields. */
export interface MatrixMeta {
  /** The transaction's id from the path: the homeserver retries a transaction with the same one. */
  readonly txnId: string | undefined;
  /** From the transaction's `ephemeral` (typing, receipts, presence) rather than its `events`. */
  readonly ephemeral: boolean;
}

export interface MatrixProvider extends Provider<MatrixEvents, MatrixMeta> {
  readonly eventNames: readonly MatrixEventName[];
}

const eventNames = Object.keys(matrixEventSchemas) as MatrixEventName[];
/** Marks a verified request to a route no application service here implements: never decoded. */
const UNRECOGNIZED = Symbol('matrix: unrecognized route');
// Ephemeral events came in MSC2409 under an unstable name before spec v1.13 made it `ephemeral`.
const EPHEMERAL_FIELDS = ['ephemeral', 'de.sorunome.msc2409.ephemeral'] as const;

/**
 * A Matrix application service (https://spec.matrix.org/v1.13/application-service-api/): the
 * homeserver PUTs transactions `{ events: [...], ephemeral?: [...] }` to
 * `/_matrix/app/v1/transactions/{txnId}` (or the legacy `/transactions/{txnId}`), proving itself
 * with the `hs_token`. Each event is dispatched on its own (`m.room.message.m.text`,
 * `m.room.member`, ...) and deduped on its `event_id`, an ephemeral one on the txnId and its
 * place, so a retried transaction runs nothing twice and is answered `200 {}`. `POST
 * /_matrix/app/v1/ping` is answered `200 {}`; every other path 404 `M_UNRECOGNIZED`; every error
 * in Matrix's `{"errcode", "error"}` form.
 *
 * Mount it on a prefix, since the homeserver appends these paths to the registration's `url`.
 */
export function matrix(options: MatrixOptions): MatrixProvider {
  const tokens = secretList(options?.hsToken, 'matrix(): hsToken');
  if (tokens.length === 0) {
    throw new TypeError("hookguard matrix(): an hsToken is required (the registration file's hs_token)");
  }
  const rules = matrixTokenRules(tokens);
  const ok = () => jsonResponse(200, {});

  function parseEvent(item: unknown, meta: MatrixMeta, index: number): ParsedEvent<MatrixMeta> {
    const event = item as { type?: unknown; event_id?: unknown; content?: { msgtype?: unknown } } | null;
    const id = event?.event_id;
    const parts =
      event?.type === 'm.room.message' ? ['m.room.message', event.content?.msgtype] : [event?.type];
    const key =
      typeof id === 'string' && id !== ''
        ? id
        : meta.txnId === undefined
          ? undefined
          : `${meta.txnId}:${meta.ephemeral ? 'ephemeral' : 'events'}:${index}`;
    return parsedEvent(resolveEvent(matrixEventSchemas, candidates(parts), item), key, meta);
  }

  return {
    name: 'matrix',
    methods: ['PUT', 'POST', 'GET'],
    proofNames: { headers: [AUTHORIZATION_HEADER], query: [ACCESS_TOKEN_PARAMETER] },
    eventNames,
    verify: (input) => verifyMatrix(rules, input),
    decode(input) {
      if (matrixRoute(input.method, input.path).kind === 'unrecognized') return UNRECOGNIZED;
      return parseJsonBody(input.body);
    },
    // A GET is never decoded, so the route decides rather than the decoded marker.
    handshake(_payload, input) {
      const { kind } = matrixRoute(input.method, input.path);
      if (kind === 'unrecognized') return unrecognizedResponse();
      return kind === 'ping' ? ok() : undefined;
    },
    /** A transaction body without an `events` array, read as one event of it. */
    parse: (payload, input) => parseEvent(payload, { txnId: txnIdOf(input), ephemeral: false }, 0),
    parseBatch(payload, input): ParsedBatch<MatrixMeta> | undefined {
      const sections = sectionsOf(payload);
      if (sections === undefined) return undefined;
      const txnId = txnIdOf(input);
      const timeline = { txnId, ephemeral: false };
      const ephemeral = { txnId, ephemeral: true };
      return {
        events: [
          ...sections.events.map((item, index) => parseEvent(item, timeline, index)),
          ...sections.ephemeral.map((item, index) => parseEvent(item, ephemeral, index)),
        ],
        answer: ok(),
      };
    },
    respond(reply) {
      if (reply !== undefined && reply !== null) {
        throw new TypeError(
          'matrix: handlers cannot reply; the homeserver reads only 200 {} (send messages with the client-server API)',
        );
      }
      return ok();
    },
    errorResponse: matrixErrorResponse,
  };
}

/** `m.room.message.m.text` and then `m.room.message` for a message, the type alone for the rest. */
function candidates(parts: readonly unknown[]): string[] {
  const [type, msgtype] = parts;
  if (typeof type !== 'string' || type === '') return [];
  return typeof msgtype === 'string' && msgtype !== '' ? [`${type}.${msgtype}`, type] : [type];
}

function txnIdOf(input: VerifyInput): string | undefined {
  const route = matrixRoute(input.method, input.path);
  return route.kind === 'transaction' ? route.txnId : undefined;
}

/** A transaction's `events` and `ephemeral` arrays; undefined for a body without `events`. */
export function sectionsOf(
  payload: unknown,
): { readonly events: readonly unknown[]; readonly ephemeral: readonly unknown[] } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const body = payload as Record<string, unknown>;
  if (!Array.isArray(body['events'])) return undefined;
  const ephemeral = EPHEMERAL_FIELDS.map((field) => body[field]).find(Array.isArray) ?? [];
  return { events: body['events'], ephemeral };
}

export { matrixErrcode, matrixErrorBody } from './error-body.js';
