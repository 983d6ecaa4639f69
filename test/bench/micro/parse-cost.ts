import { github, type VerifyInput } from '@hookguard/core';
import { githubEventSchemas } from '@hookguard/core/schemas';
// parseJsonBody is internal (no entry point exports it): timed from its source.
import { parseJsonBody } from '../../../packages/core/src/body/parse-json.js';
import { EVENT_OF_SIZE, githubRequest, type SizeName } from '../payloads.js';
import { pairedRatio, type Timed, timeAlternating } from './timing.js';

export interface ParseRow {
  readonly size: SizeName;
  readonly event: string;
  /** `JSON.parse(body.toString())`: what (b) does. */
  readonly jsonParse: Timed;
  /** hookguard's strict UTF-8 decode + depth guard + JSON.parse. */
  readonly parseJsonBody: Timed;
  /** The event's zod schema alone, on one already parsed object (warm in cache: a lower bound). */
  readonly zod: Timed;
  /** `JSON.parse` then the zod schema on the fresh object: (b+zod)'s parse, zod's cost in place. */
  readonly jsonParseAndZod: Timed;
  /** What the receiver runs after verify: `provider.decode` then `provider.parse` (name, zod, meta). */
  readonly decodeAndParse: Timed;
  /** decodeAndParse ÷ jsonParse. */
  readonly ratio: number;
}

/** Per event: what typing and validating costs over `JSON.parse` alone. */
export function parseCost(sizes: readonly SizeName[], rounds: number, batchMs: number): ParseRow[] {
  const provider = github({ secret: 'unused' });
  return sizes.map((size) => {
    const request = githubRequest(size);
    const input: VerifyInput = {
      method: 'POST',
      path: '/',
      headers: request.headers,
      query: new URLSearchParams(),
      body: request.body,
      now: Date.now(),
      remoteAddress: undefined,
    };
    const event = EVENT_OF_SIZE[size].name as 'push';
    const schema = githubEventSchemas[event];
    const object = JSON.parse(request.body.toString('utf8'));
    const parsed = provider.parse(provider.decode!(input), input);
    if (!parsed.known) throw new Error(`bench ${size} payload does not fit the ${event} schema`);
    const [jsonParse, jsonParseAndZod, strict, zod, decodeAndParse] = timeAlternating(
      [
        { name: 'JSON.parse', run: () => JSON.parse(request.body.toString('utf8')) },
        { name: 'JSON.parse + zod', run: () => schema.safeParse(JSON.parse(request.body.toString('utf8'))) },
        { name: 'parseJsonBody', run: () => parseJsonBody(request.body) },
        { name: 'zod safeParse', run: () => schema.safeParse(object) },
        { name: 'decode + parse', run: () => provider.parse(provider.decode!(input), input) },
      ],
      rounds,
      batchMs,
    ) as [Timed, Timed, Timed, Timed, Timed];
    return {
      size,
      event: EVENT_OF_SIZE[size].name,
      jsonParse,
      jsonParseAndZod,
      parseJsonBody: strict,
      zod,
      decodeAndParse,
      ratio: pairedRatio(decodeAndParse, jsonParse),
    };
  });
}
