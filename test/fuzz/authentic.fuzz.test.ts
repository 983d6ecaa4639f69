import { createReceiver, type HandlerContext, type WebhookRequest } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authenticValue, serialisation, utf8 } from './arbitraries.js';
import { expectNoPrototypePollution, expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { type FuzzSender, NOW, SECRET, type SignOptions, senders } from './senders.js';

function signedRequest(sender: FuzzSender, body: Uint8Array, options?: SignOptions): WebhookRequest {
  const { url, headers } = sender.sign(body, options);
  return { method: 'POST', url, headers, body };
}

/** A fresh receiver per run (so dedupe never hides a delivery) that records what reached it. */
function recordingReceiver(sender: FuzzSender) {
  const seen: { event: unknown; context: HandlerContext<unknown> }[] = [];
  const receiver = createReceiver(sender.provider(), { now: () => NOW }).on('*', (event, context) => {
    seen.push({ event, context: context as HandlerContext<unknown> });
  });
  return { receiver, seen };
}

describe.each(senders)('fuzz: $name, authentic bodies', (sender) => {
  it(
    'delivers every correctly signed JSON body to the handler exactly once, known or unknown',
    async () => {
      await fc.assert(
        fc.asyncProperty(authenticValue(sender), serialisation, async (value, serialise) => {
          const { receiver, seen } = recordingReceiver(sender);
          const text = serialise(value);
          const response = await receiver.handle(signedRequest(sender, utf8(text)));
          expectWellFormed(response, [SECRET]);
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(300);
          expect(seen).toHaveLength(1);
          const { event, context } = seen[0]!;
          expect(context.secretIndex).toBe(0);
          if (context.name === 'unknown') {
            // Parsing fails open: the body arrives as JSON.parse gave it, nothing dropped.
            expect((event as { payload: unknown }).payload).toEqual(JSON.parse(text.replace(/^\uFEFF/, '')));
          } else {
            expect(sender.provider().eventNames ?? [context.name]).toContain(context.name);
          }
          expectNoPrototypePollution();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'refuses the same body signed with another secret',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          authenticValue(sender),
          fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s !== SECRET),
          async (value, wrongSecret) => {
            const { receiver, seen } = recordingReceiver(sender);
            const response = await receiver.handle(
              signedRequest(sender, utf8(JSON.stringify(value)), { secret: wrongSecret }),
            );
            expectRefused(response);
            expect(response.status).toBe(401);
            expect(seen).toHaveLength(0);
          },
        ),
        fuzzParameters(0.5),
      );
    },
    fuzzTimeoutMs(0.5),
  );
});

/** One byte flipped, one appended, or the body cut short: every one must break the proof. */
function tamper(body: Uint8Array, how: 'flip' | 'append' | 'truncate', at: number, xor: number): Buffer {
  const copy = Buffer.from(body);
  if (how === 'append') return Buffer.concat([copy, Buffer.from([xor])]);
  if (how === 'truncate') return copy.subarray(0, at % copy.length);
  const index = at % copy.length;
  copy[index] = copy[index]! ^ xor;
  return copy;
}

describe.each(senders.filter((sender) => sender.bodyCovered))('fuzz: $name, tampered bodies', (sender) => {
  it(
    'refuses an authentic request whose body was changed by even one byte',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          authenticValue(sender),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          fc.constantFrom('flip', 'append', 'truncate'),
          async (value, at, xor, how) => {
            const { receiver, seen } = recordingReceiver(sender);
            const body = utf8(JSON.stringify(value));
            const request = signedRequest(sender, body);
            const response = await receiver.handle({ ...request, body: tamper(body, how, at, xor) });
            expect(response.status).toBe(401);
            expect(JSON.parse(response.body).error.code).toBe('SIGNATURE_MISMATCH');
            expect(seen).toHaveLength(0);
          },
        ),
        fuzzParameters(0.5),
      );
    },
    fuzzTimeoutMs(0.5),
  );
});

describe.each(senders.filter((sender) => sender.windowMs !== undefined))(
  'fuzz: $name, stale proofs',
  (sender) => {
    it(
      'refuses an authentic request signed outside the freshness window',
      async () => {
        const window = sender.windowMs ?? 0;
        await fc.assert(
          fc.asyncProperty(
            authenticValue(sender),
            fc.integer({ min: window + 1000, max: 10 * 365 * 86_400_000 }),
            fc.boolean(),
            async (value, skew, future) => {
              const { receiver, seen } = recordingReceiver(sender);
              const now = future ? NOW + skew : NOW - skew;
              const response = await receiver.handle(
                signedRequest(sender, utf8(JSON.stringify(value)), { now }),
              );
              expect(response.status).toBe(401);
              expect(seen).toHaveLength(0);
            },
          ),
          fuzzParameters(0.5),
        );
      },
      fuzzTimeoutMs(0.5),
    );
  },
);
