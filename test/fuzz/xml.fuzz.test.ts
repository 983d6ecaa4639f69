import { createReceiver, silentLogger, type WebhookRequest } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './arbitraries.js';
import { expectNoPrototypePollution, expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { type FuzzSender, NOW, SECRET, xmlSenders } from './senders.js';

/**
 * The XML senders (WeCom, WeChat). The JSON properties (authentic.fuzz, replies.fuzz) build JSON
 * bodies and read what reached the handler as JSON, which these senders cannot express: an
 * authentic random XML message is not generated here, so "every signed body reaches a handler
 * exactly once" is covered only by the kits' fixtures in the conformance matrix. What needs no
 * JSON is here: random message bytes signed correctly, a signed query parameter repeated, signed
 * bodies cut short, and a changed ciphertext. (Random unsigned requests run for them in unauthenticated.fuzz.)
 */

/** Bytes near XML: its tokens, the fields these senders read, and the constructs the parser refuses. */
const xmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<xml>',
        '</xml>',
        '<MsgType>',
        '</MsgType>',
        '<Content>',
        '</Content>',
        '<MsgId>',
        '</MsgId>',
        '<Event>',
        '</Event>',
        '<![CDATA[',
        ']]>',
        'text',
        'event',
        'subscribe',
        '12345678901234567890',
        '&amp;',
        '&x;',
        '&#0;',
        '<!DOCTYPE xml [<!ENTITY x "y">]>',
        '<?xml version="1.0"?>',
        '<!-- c -->',
        '<a b="c"/>',
        '\u0000',
        '\uFEFF',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => utf8(parts.join('')));

const messageBytes = fc.oneof(xmlish, fc.uint8Array({ maxLength: 256 }));

/** A fresh receiver per run (so dedupe never hides a delivery) counting handler calls. */
function countingReceiver(sender: FuzzSender) {
  const calls = { count: 0 };
  const receiver = createReceiver(sender.provider(), { logger: silentLogger, now: () => NOW }).on('*', () => {
    calls.count++;
  });
  return { receiver, calls };
}

function signedRequest(sender: FuzzSender, message: Uint8Array): WebhookRequest {
  const { method, url, headers, body } = sender.sign(message);
  return { method, url, headers, body };
}

/** The sender's first real event, as it would be signed. */
const fixtureRequest = (sender: FuzzSender) => signedRequest(sender, sender.encode(sender.fixtures[0]![1]));

describe.each(xmlSenders)('fuzz: $name (XML), signed bodies', (sender) => {
  it(
    'answers any signed message bytes without a 5xx, and runs no handler for a refused one',
    async () => {
      await fc.assert(
        fc.asyncProperty(messageBytes, async (message) => {
          const { receiver, calls } = countingReceiver(sender);
          const response = await receiver.handle(signedRequest(sender, message));
          expectWellFormed(response, [SECRET]);
          expect(response.status).toBeLessThan(500);
          expect(calls.count).toBe(response.status < 300 ? 1 : 0);
          expectNoPrototypePollution();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'refuses a signed request with its signature, timestamp or nonce repeated, whatever the copy',
    async () => {
      const request = fixtureRequest(sender);
      const [path, search] = request.url.split('?') as [string, string];
      const signedParams = [sender.provider().proofNames!.query[0]!, 'timestamp', 'nonce'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...signedParams),
          fc.string(),
          fc.boolean(),
          async (name, copy, same) => {
            const query = new URLSearchParams(search);
            query.append(name, same ? query.get(name)! : copy);
            const { receiver, calls } = countingReceiver(sender);
            const response = await receiver.handle({ ...request, url: `${path}?${query.toString()}` });
            expect(response.status).toBe(401);
            expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'SIGNATURE_MALFORMED' } });
            expect(calls.count).toBe(0);
          },
        ),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );

  it(
    'refuses a signed body cut short, with no handler call',
    async () => {
      const request = fixtureRequest(sender);
      const body = Buffer.from(request.body as Uint8Array);
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: body.length - 1 }), async (length) => {
          const { receiver, calls } = countingReceiver(sender);
          const response = await receiver.handle({ ...request, body: body.subarray(0, length) });
          expectRefused(response);
          expectWellFormed(response, [SECRET]);
          expect(calls.count).toBe(0);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );
});

describe.each(xmlSenders.filter((sender) => sender.bodyCovered))(
  'fuzz: $name (XML), a changed ciphertext',
  (sender) => {
    const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

    it(
      'refuses any changed character of <Encrypt> 401 SIGNATURE_MISMATCH, before decrypting',
      async () => {
        const request = fixtureRequest(sender);
        const text = Buffer.from(request.body as Uint8Array).toString('utf8');
        const open = '<Encrypt><![CDATA[';
        const start = text.indexOf(open) + open.length;
        const encrypt = text.slice(start, text.indexOf(']]>', start));
        await fc.assert(
          fc.asyncProperty(
            fc.nat({ max: encrypt.length - 1 }),
            fc.constantFrom(...BASE64),
            async (at, replacement) => {
              fc.pre(encrypt[at] !== replacement && encrypt[at] !== '=');
              const changed = `${encrypt.slice(0, at)}${replacement}${encrypt.slice(at + 1)}`;
              const body = utf8(`${text.slice(0, start)}${changed}${text.slice(start + encrypt.length)}`);
              const { receiver, calls } = countingReceiver(sender);
              const response = await receiver.handle({ ...request, body });
              expect(response.status).toBe(401);
              expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
              expect(calls.count).toBe(0);
            },
          ),
          fuzzParameters(),
        );
      },
      fuzzTimeoutMs(),
    );
  },
);
