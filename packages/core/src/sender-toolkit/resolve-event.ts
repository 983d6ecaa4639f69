import type { z } from 'zod';
import type { SchemaIssue } from '../event-map.js';
import type { ParsedEvent } from '../provider.js';

export interface ResolvedEvent {
  readonly name: string;
  readonly known: boolean;
  readonly payload: unknown;
  readonly issues: readonly SchemaIssue[];
}

/**
 * Finds the schema for a body: tries the candidate names most specific first and validates
 * against the first one that has a schema. Parsing fails open: a body with no schema, or one
 * that does not fit its schema, comes back `known: false` with the reasons, never dropped.
 * A known event's payload is zod's output (loose objects keep unlisted fields).
 */
export function resolveEvent(
  schemas: Readonly<Record<string, z.ZodType>>,
  candidates: readonly (string | undefined)[],
  payload: unknown,
): ResolvedEvent {
  for (const name of candidates) {
    if (name === undefined || !Object.hasOwn(schemas, name)) continue;
    const result = schemas[name]!.safeParse(payload);
    if (result.success) return { name, known: true, payload: result.data, issues: [] };
    return { name, known: false, payload, issues: result.error.issues };
  }
  const name = candidates.find((candidate) => candidate !== undefined);
  return {
    name: name ?? 'unknown',
    known: false,
    payload,
    issues: [
      {
        code: 'custom',
        path: [],
        message: name ? `no schema for event "${name}"` : 'the body does not name an event',
        input: payload,
      } as SchemaIssue,
    ],
  };
}

/** `a`, `a.b`, `a.b.c` → candidates most specific first, stopping at the first missing part. */
export function dottedCandidates(parts: readonly unknown[]): string[] {
  const names: string[] = [];
  let name = '';
  for (const part of parts) {
    if (typeof part !== 'string' || part.length === 0) break;
    name = name ? `${name}.${part}` : part;
    names.unshift(name);
  }
  return names;
}

/** A resolved event with its delivery key and meta (not a spread: BENCHMARKS.md, "Hot-path decisions"). */
export function parsedEvent<Meta>(
  resolved: ResolvedEvent,
  deliveryKey: string | undefined,
  meta: Meta,
): ParsedEvent<Meta> {
  return {
    name: resolved.name,
    known: resolved.known,
    payload: resolved.payload,
    issues: resolved.issues,
    deliveryKey,
    meta,
  };
}
