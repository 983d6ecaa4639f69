import { createReceiver, type HandlerContext, silentLogger, type WebhookRequest } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuthenticEvent, authentic, serialisation, utf8 } from './arbitraries.js';
import { expectNoPrototypePollution, expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { type FuzzSender, jsonEventSenders, NOW, SECRET, type SignOptions, senders } from './senders.js';

/**
 * The event serialised and signed as the sender does. The body is what `sign` puts on the wire:
 * the JSON itself, or the envelope an encrypting sender (DingTalk) seals it in.
 */
function signedRequest(
  sender: FuzzSender,
  { value, event }: AuthenticEvent,
  options: SignOptions = {},
  serialise: (value: unknown) => string = JSON.stringify,
): WebhookRequest & { readonly json: string } {
  const json = serialise(value);
  const { method, url, headers, body } = sender.sign(utf8(json), { event, ...options });
  return { method, url, headers, body, json };
}

/**
 * Serialisations for the sender: an encrypting sender's own code writes the plaintext, so the BOM
 * that a proxy or a hand-written client may put before a body on the wire is not among them.
 */
const serialisationFor = (sender: FuzzSender) =>
  sender.bodyFormat === 'encrypted-json'
    ? serialisation.filter((serialise) => !serialise({}).startsWith('\uFEFF'))
    : serialisation;

/** A fresh receiver per run (so dedupe never hides a delivery) that records what reached it. */
function recordingReceiver(sender: FuzzSender) {
  const seen: { event: unknown; context: HandlerContext<unknown> }[] = [];
  const receiver = createReceiver(sender.provider(), { logger: silentLogger, now: () => NOW }).on(
    '*',
    (event, context) => {
      seen.push({ event, context: context as HandlerContext<unknown> });
    },
  );
  return { receiver, seen };
}

/** One byte flipped, one appended, or the body cut short: every one must break the proof. */
function tamper(body: Uint8Array, how: 'flip' | 'append' | 'truncate', at: number, xor: number): Buffer {
  const copy = Buffer.from(body);
  if (how === 'append') return Buffer.concat([copy, Buffer.from([xor])]);
  if (how === 'truncate') return copy.subarray(0, at % copy.length);
  const index = at % copy.length;
  copy[index] = copy[index]! ^ xor;
  return copy;
}

describe.each(jsonEventSenders)('fuzz: $name, authentic bodies', (sender) => {
  const knownNames = sender.provider().eventNames;

  it(
    'delivers every correctly signed JSON body to the handler exactly once, known or unknown',
    async () => {
      await fc.assert(
        fc.asyncProperty(authentic(sender), serialisationFor(sender), async (delivery, serialise) => {
          const { receiver, seen } = recordingReceiver(sender);
          const { json, ...request } = signedRequest(sender, delivery, {}, serialise);
          const response = await receiver.handle(request);
          expectWellFormed(response, [SECRET]);
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(300);
          const text = json.replace(/^\uFEFF/, '');
          // One handler call per event: the body itself, or each event of a batched sender's body.
          const parsed: unknown = JSON.parse(text);
          const sent = sender.eventsIn?.(parsed) ?? [parsed];
          expect(seen).toHaveLength(sent.length);
          for (const [index, { event, context }] of seen.entries()) {
            expect(context.secretIndex).toBe(0);
            if (context.name === 'unknown') {
              // Parsing fails open: the event arrives as JSON.parse gave it, nothing dropped.
              expect((event as { payload: unknown }).payload).toEqual(sent[index]);
            } else if (knownNames) {
              expect(knownNames).toContain(context.name);
            }
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
      const otherSecret =
        sender.otherSecret ?? fc.string({ minLength: 1, maxLength: 64 }).filter((s) => s !== SECRET);
      await fc.assert(
        fc.asyncProperty(authentic(sender), otherSecret, async (delivery, secret) => {
          const { receiver, seen } = recordingReceiver(sender);
          const { json: _, ...request } = signedRequest(sender, delivery, { secret });
          const response = await receiver.handle(request);
          expectRefused(response);
          expect(response.status).toBe(sender.forgedStatus);
          expect(seen).toHaveLength(0);
        }),
        fuzzParameters(0.5),
      );
    },
    fuzzTimeoutMs(0.5),
  );
});

// An encrypting sender signs only the ciphertext inside its envelope: enveloped.fuzz changes that instead.
describe.each(senders.filter((sender) => sender.bodyCovered))('fuzz: $name, tampered bodies', (sender) => {
  it(
    'refuses an authentic request whose body was changed by even one byte',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          authentic(sender),
          fc.nat(),
          fc.integer({ min: 1, max: 255 }),
          fc.constantFrom('flip', 'append', 'truncate'),
          async (delivery, at, xor, how) => {
            const { receiver, seen } = recordingReceiver(sender);
            const { json: _, ...request } = signedRequest(sender, delivery);
            const response = await receiver.handle({ ...request, body: tamper(request.body, how, at, xor) });
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

describe.each(jsonEventSenders.filter((sender) => sender.windowMs !== undefined))(
  'fuzz: $name, stale proofs',
  (sender) => {
    it(
      'refuses an authentic request signed outside the freshness window, early or late',
      async () => {
        const window = sender.windowMs ?? 0;
        await fc.assert(
          fc.asyncProperty(
            authentic(sender),
            fc.integer({ min: window + 1000, max: 10 * 365 * 86_400_000 }),
            fc.boolean(),
            async (delivery, skew, future) => {
              const { receiver, seen } = recordingReceiver(sender);
              const now = future ? NOW + skew : NOW - skew;
              const { json: _, ...request } = signedRequest(sender, delivery, { now });
              const response = await receiver.handle(request);
              expect(response.status).toBe(401);
              expect(JSON.parse(response.body).error.code).toBe('TIMESTAMP_OUT_OF_RANGE');
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
