import { createReceiver, type Receiver, type ReceiverLike, silentLogger } from '@hookguard/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../conformance/adapters.js';
import type { Listening } from '../support/http.js';
import { post } from '../support/http.js';
import { randomRequest } from './arbitraries.js';
import { expectNoPrototypePollution } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { envelopedSenders, NOW, SECRET, senders } from './senders.js';

/** Header names and values an HTTP client can put on the wire (others never reach a server). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;

function wireHeaders(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (TOKEN.test(name) && FIELD_VALUE.test(text) && name !== 'content-length' && name !== 'host') {
      out[name] = text.trim();
    }
  }
  return out;
}

/**
 * The same random, unsigned requests as the core fuzz, sent over real HTTP through every adapter:
 * whatever the framework makes of them, no answer is a 5xx and no handler runs. Fewer runs than
 * the core properties, since each is a network round trip.
 */
describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'fuzz over HTTP: %s',
  (_, adapter) => {
    describe.each([...senders, ...envelopedSenders].map((sender) => [sender.name, sender] as const))(
      '%s',
      (_name, sender) => {
        let handled = 0;
        let server: Listening;
        beforeAll(async () => {
          const receiver: Receiver = createReceiver(sender.provider(), {
            logger: silentLogger,
            now: () => NOW,
          }).on('*', () => {
            handled++;
          });
          server = await adapter.serve(receiver as ReceiverLike, '/hook');
        });
        afterAll(() => server.close());

        it(
          'answers random unsigned requests with a 4xx and never runs a handler',
          async () => {
            await fc.assert(
              fc.asyncProperty(randomRequest(sender), async (request) => {
                const method = TOKEN.test(request.method) ? request.method : 'POST';
                const url = `${server.url}${encodeURI(decodeURIComponentSafe(request.url))}`;
                const response = await post(url, request.body, {
                  method,
                  headers: wireHeaders(request.headers),
                });
                expect(response.status, response.text).toBeGreaterThanOrEqual(400);
                expect(response.status, response.text).toBeLessThan(500);
                expect(response.text).not.toContain(SECRET);
                expect(handled).toBe(0);
                expectNoPrototypePollution();
              }),
              fuzzParameters(0.1),
            );
          },
          fuzzTimeoutMs(0.5),
        );
      },
    );
  },
);

/** The random query may hold malformed escapes; the wire form keeps what can be sent. */
function decodeURIComponentSafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url.replace(/%/g, '');
  }
}
