import type { z } from 'zod';
import type { EventDef } from '../event-map.js';
import { emptyResponse } from '../http/responses.js';
import type { WebhookResponse } from '../http/types.js';
import type { ParsedEvent, ProofNames, Provider, VerifyInput, VerifyOutcome } from '../provider.js';
import { type AddressCheck, checkSource, compileAllowlist } from './allowlist.js';
import { parsedEvent, resolveEvent } from './resolve-event.js';
import {
  normaliseSource,
  type PayloadSource,
  type RequestSource,
  readPayloadSource,
  readRequestSource,
} from './sources.js';
import type { TimestampRule } from './timestamp-window.js';

/** zod schemas by full event name, for senders whose events you want typed and validated. */
export type EventSchemas = { readonly [name: string]: z.ZodType };

/**
 * Typed names when schemas are given (other names arrive as `unknown` events, never dropped);
 * without schemas, every named event is delivered with its JSON payload typed `unknown`.
 */
export type SenderEvents<S extends EventSchemas | undefined, R> = S extends EventSchemas
  ? { readonly [K in keyof S & string]: EventDef<z.output<S[K]>, R> }
  : { readonly [name: string]: EventDef<unknown, R> };

/** Where the event name is: a header, a query parameter, a dotted body path, or a function. */
export type EventNameSource = PayloadSource | ((payload: unknown, input: VerifyInput) => string | undefined);

export interface SenderMeta {
  /** The sender's timestamp in ms since the epoch, when the scheme reads one. */
  readonly timestamp: number | undefined;
  /** The client address the adapter passed (trust-proxy aware where the framework is). */
  readonly remoteAddress: string | undefined;
}

/** Options every declared sender shares: naming, dedupe, typing, allowlist and the answer. */
export interface SenderOptions<S extends EventSchemas | undefined, R> {
  /** Shown in logs and `context.provider`. */
  readonly name?: string;
  /** Where the event name is. Without it, deliveries arrive as `unknown` events (`on('unknown')`, `on('*')`). */
  readonly event?: EventNameSource;
  /** The sender's delivery id: the dedupe key (and `{id}` in a signed template). */
  readonly id?: PayloadSource;
  /** zod schemas by event name; see `SenderEvents`. */
  readonly events?: S;
  /** Accept requests only from these addresses or CIDR ranges (IPv4, IPv6), checked before the proof. */
  readonly allowFrom?: readonly string[];
  /** Turns a handler's reply into the answer; default 204 and handlers cannot reply. */
  readonly respond?: (reply: R | undefined, event: ParsedEvent<SenderMeta>) => WebhookResponse;
}

export interface SenderSpec<S extends EventSchemas | undefined, R> extends SenderOptions<S, R> {
  readonly defaultName: string;
  readonly verify: (input: VerifyInput) => VerifyOutcome;
  /** Where `verify` reads the signature or token (normalised), for `Provider.proofNames`. */
  readonly proof: readonly RequestSource[];
  readonly timestamp?: TimestampRule | undefined;
  readonly configWarnings?: readonly string[];
}

export type SenderProvider<S extends EventSchemas | undefined, R> = Provider<SenderEvents<S, R>, SenderMeta>;

/** Builds a provider from a proof check plus declared naming, typing and delivery-key sources. */
export function senderProvider<S extends EventSchemas | undefined, R>(
  spec: SenderSpec<S, R>,
): SenderProvider<S, R> {
  const name = spec.name ?? spec.defaultName;
  const allowed: AddressCheck | undefined =
    spec.allowFrom === undefined ? undefined : compileAllowlist(spec.allowFrom);
  const readName = compileNameSource(spec.event);
  const idSource = spec.id === undefined ? undefined : normaliseSource(spec.id, 'id', true);
  const schemas = spec.events as EventSchemas | undefined;
  const respond = spec.respond;
  return {
    name,
    proofNames: proofNamesOf(spec.proof),
    ...(schemas ? { eventNames: Object.keys(schemas) } : {}),
    ...(spec.configWarnings?.length ? { configWarnings: spec.configWarnings } : {}),
    verify(input) {
      if (allowed) {
        const refused = checkSource(allowed, input);
        if (refused) return refused;
      }
      return spec.verify(input);
    },
    parse(payload, input): ParsedEvent<SenderMeta> {
      const eventName = readName(payload, input);
      const resolved =
        schemas === undefined && eventName !== undefined
          ? { name: eventName, known: true, payload, issues: [] }
          : resolveEvent(schemas ?? {}, [eventName], payload);
      return parsedEvent(
        resolved,
        idSource === undefined ? undefined : readPayloadSource(idSource, payload, input),
        { timestamp: timestampOf(spec.timestamp, input), remoteAddress: input.remoteAddress },
      );
    },
    respond(reply, event) {
      if (respond) return respond(reply as R | undefined, event);
      if (reply === undefined || reply === null) return emptyResponse(204);
      throw new TypeError(`${name}: handlers cannot reply unless the provider is given respond()`);
    },
  };
}

function proofNamesOf(sources: readonly RequestSource[]): ProofNames {
  const headers: string[] = [];
  const query: string[] = [];
  for (const source of sources) {
    if ('header' in source) headers.push(source.header.toLowerCase());
    else query.push(source.query);
  }
  return { headers, query };
}

function compileNameSource(
  source: EventNameSource | undefined,
): (payload: unknown, input: VerifyInput) => string | undefined {
  if (source === undefined) return () => undefined;
  if (typeof source === 'function') {
    return (payload, input) => {
      const name = source(payload, input);
      return typeof name === 'string' && name.length > 0 ? name : undefined;
    };
  }
  const normalised = normaliseSource(source, 'event', true);
  return (payload, input) => readPayloadSource(normalised, payload, input);
}

function timestampOf(rule: TimestampRule | undefined, input: VerifyInput): number | undefined {
  if (!rule) return undefined;
  const text = readRequestSource(rule.source, input);
  return text === undefined ? undefined : Number(text) * (rule.unit === 'seconds' ? 1000 : 1);
}
