import { createReceiver, silentLogger } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './arbitraries.js';
import { expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { jsonEventSenders, NOW, SECRET } from './senders.js';

/** Replies shaped like real ones, with random values in every field, and anything at all. */
const reply = fc.oneof(
  fc.record(
    {
      reply: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 2 })),
      at_sender: fc.jsonValue({ maxDepth: 1 }),
      approve: fc.jsonValue({ maxDepth: 1 }),
      decision: fc.constantFrom('allow', 'reject', 'discard', 'modify', 'other'),
      code: fc.oneof(fc.integer(), fc.double(), fc.string()),
      info: fc.string({ unit: 'binary' }),
      MsgBody: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 2, withBigInt: true, withBoxedValues: true, withNullPrototype: true }),
);

/**
 * Whatever a handler returns — a valid reply, a wrong one, a BigInt, a null-prototype object —
 * the answer is the serialised reply (2xx) or 500 INVALID_REPLY; the pipeline never throws and a
 * reply never becomes a header.
 */
describe.each(jsonEventSenders.map((sender) => [sender.name, sender] as const))(
  'fuzz: %s handler replies',
  (_, sender) => {
    it(
      'are serialised into the body or refused with 500 INVALID_REPLY',
      async () => {
        const [name, body] = sender.fixtures[0]!;
        const {
          method,
          url,
          headers,
          body: bytes,
        } = sender.sign(utf8(JSON.stringify(body)), { event: name });
        await fc.assert(
          fc.asyncProperty(reply, async (value) => {
            const receiver = createReceiver(sender.provider(), { logger: silentLogger, now: () => NOW }).on(
              '*',
              () => value as never,
            );
            const response = await receiver.handle({ method, url, headers, body: bytes });
            expectWellFormed(response, [SECRET]);
            if (response.status >= 300) {
              expect(response.status).toBe(500);
              expect(JSON.parse(response.body)).toMatchObject(
                sender.errorBody('INVALID_REPLY', expect.any(String)) as object,
              );
            } else if (response.body !== '') {
              expect(() => JSON.parse(response.body)).not.toThrow();
            }
            const names = Object.keys(response.headers);
            expect(
              names.every((header) => ['content-type', 'retry-after', 'connection'].includes(header)),
            ).toBe(true);
          }),
          fuzzParameters(0.5),
        );
      },
      fuzzTimeoutMs(0.5),
    );
  },
);
