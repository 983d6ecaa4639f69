import { createReceiver, silentLogger, type WebhookRequest } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from './arbitraries.js';
import { expectNoPrototypePollution, expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { envelopedSenders, type FuzzSender, NOW, SECRET } from './senders.js';

/**
 * The enveloped senders: XML (WeCom, WeChat) and JSON encrypted into `{"encrypt"}` (DingTalk),
 * their proof in the query. The JSON body properties (authentic.fuzz, replies.fuzz) cannot build
 * an XML body, and the byte-flipping ones would change an envelope whose signature covers only
 * the ciphertext inside it. What every envelope shares is here: random message bytes signed (and
 * encrypted) correctly, a signed query parameter repeated, signed bodies cut short, and a changed
 * ciphertext. (Random unsigned requests run for them in unauthenticated.fuzz; the encrypted JSON
 * senders' authentic events in authentic.fuzz.)
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

/** Bytes near JSON: its tokens and the fields DingTalk reads (never `check_url`, a handshake that runs no handler). */
const jsonish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        ',',
        ':',
        '"',
        '"EventType"',
        '"user_add_org"',
        '"TimeStamp"',
        '1',
        'null',
        'true',
        '\\u0000',
        '\uFEFF',
        '__proto__',
      ),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => utf8(parts.join('')));

/** Message bytes near the sender's format, or none at all. */
const messageBytes = (sender: FuzzSender) =>
  fc.oneof(sender.bodyFormat === 'xml' ? xmlish : jsonish, fc.uint8Array({ maxLength: 256 }));

/** Where the ciphertext the signature covers sits in the envelope: `<Encrypt>`'s CDATA or `"encrypt"`'s string. */
function ciphertextSpan(sender: FuzzSender, envelope: string): { start: number; end: number } {
  const [open, close] = sender.bodyFormat === 'xml' ? ['<Encrypt><![CDATA[', ']]>'] : ['"encrypt":"', '"'];
  const start = envelope.indexOf(open) + open.length;
  return { start, end: envelope.indexOf(close, start) };
}

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

describe.each(envelopedSenders)('fuzz: $name ($bodyFormat), signed bodies', (sender) => {
  it(
    'answers any signed message bytes without a 5xx, and runs no handler for a refused one',
    async () => {
      await fc.assert(
        fc.asyncProperty(messageBytes(sender), async (message) => {
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

describe.each(envelopedSenders.filter((sender) => sender.bodyCovered))(
  'fuzz: $name ($bodyFormat), a changed ciphertext',
  (sender) => {
    const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

    it(
      'refuses any changed character of the ciphertext 401 SIGNATURE_MISMATCH, before decrypting',
      async () => {
        const request = fixtureRequest(sender);
        const text = Buffer.from(request.body as Uint8Array).toString('utf8');
        const { start, end } = ciphertextSpan(sender, text);
        const encrypt = text.slice(start, end);
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
