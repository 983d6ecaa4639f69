import { createReceiver, silentLogger } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomRequest } from './arbitraries.js';
import { expectNoPrototypePollution, expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { envelopedSenders, NOW, onebotSender, SECRET, senders, unsignedOneBot } from './senders.js';

// Random requests need no JSON: the enveloped senders (XML, encrypted JSON) take them too.
describe.each([...senders, ...envelopedSenders])('fuzz: $name without a valid proof', (sender) => {
  it(
    'answers every random request with a 4xx JSON error and never runs a handler',
    async () => {
      let handled = 0;
      const receiver = createReceiver(sender.provider(), { logger: silentLogger, now: () => NOW })
        .on('*', () => {
          handled++;
        })
        .on('unknown', () => {
          handled++;
        });
      await fc.assert(
        fc.asyncProperty(randomRequest(sender), async (request) => {
          const response = await receiver.handle(request);
          expectRefused(response);
          expectWellFormed(response, [SECRET]);
          expect(handled).toBe(0);
          expectNoPrototypePollution();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );
});

describe('fuzz: onebot with no token (proves nothing)', () => {
  it(
    'never crashes: answers 2xx when a handler ran, 4xx otherwise, never 5xx',
    async () => {
      let handled = 0;
      const receiver = createReceiver(unsignedOneBot(), { logger: silentLogger, now: () => NOW }).on(
        '*',
        () => {
          handled++;
        },
      );
      await fc.assert(
        fc.asyncProperty(randomRequest(onebotSender), async (request) => {
          const before = handled;
          const response = await receiver.handle(request);
          expectWellFormed(response);
          expect(response.status).toBeLessThan(500);
          expect(handled - before).toBe(response.status < 300 ? 1 : 0);
          expectNoPrototypePollution();
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeoutMs(),
  );
});
