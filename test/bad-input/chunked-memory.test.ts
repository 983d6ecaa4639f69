import { createReceiver, type ReceiverOptions } from '@hookguard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from '../conformance/adapters.js';
import { NOW, senders } from '../fuzz/senders.js';
import type { Listening } from '../support/http.js';
import { peakGrowth } from '../support/live-memory.js';
import { oneByteChunked, wronglySignedChunked } from './one-byte-chunks.js';
import { exchange } from './wire.js';

/**
 * An unauthenticated sender chooses how its body is chunked, and the body has to be read
 * before the signature can be checked. Sent as one-byte chunks, a body must still cost the
 * server about its own size, not a Buffer object per byte: here the live memory
 * (`heapUsed + external` right after a full GC) is sampled while such bodies arrive, through
 * every adapter, and its growth must stay within twice the body limit plus a small allowance.
 */

const onebot = senders.find((sender) => sender.name === 'onebot')!;
const MiB = 1024 * 1024;
const PATH = '/hook';
/** Live memory outside the body's own bytes: the parser's chunk in hand, sockets, promises. */
const ALLOWANCE = 2 * MiB;

describe.each(adapters.map((adapter) => [adapter.name, adapter] as const))(
  'one-byte chunks through %s',
  (_, adapter) => {
    let handled = 0;
    let options: ReceiverOptions = {};
    let server: Listening;
    beforeAll(async () => {
      server = await adapter.serve(
        {
          handle: (request) => receiver().handle(request),
          handleStream: (head, body, limits) => receiver().handleStream(head, body, limits),
          fetch: (request) => receiver().fetch(request),
        },
        PATH,
      );
    });
    afterAll(() => server.close());
    const receiver = () =>
      createReceiver(onebot.provider(), { now: () => NOW, ...options }).on('*', () => {
        handled++;
      });

    async function send(count: number, bodyBytes: number) {
      const body = oneByteChunked(bodyBytes);
      handled = 0;
      const { result, growth } = await peakGrowth(
        () =>
          Promise.all(
            Array.from({ length: count }, () =>
              exchange(server.url, wronglySignedChunked(onebot, PATH, body), 30_000),
            ),
          ),
        // A sample is two full collections: coarse enough to leave the parser most of the time.
        250,
      );
      for (const answer of result) {
        expect(answer.status, answer.text).toBe(401);
        expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
      }
      expect(handled).toBe(0);
      return growth;
    }

    it('holds about the body, not a Buffer per byte: 1 MiB at the default limit', async () => {
      options = {};
      const growth = await send(1, MiB);
      expect(growth).toBeLessThan(2 * MiB + ALLOWANCE);
    }, 60_000);

    it('and eight such bodies at once (64 KiB each, at a 64 KiB limit)', async () => {
      // Eight full mebibytes would be eight million parser events per adapter; the bound scales
      // with the limit, so a smaller limit asks the same question in a fraction of the time.
      const limit = 64 * 1024;
      options = { bodyLimit: limit };
      const growth = await send(8, limit);
      expect(growth).toBeLessThan(8 * (2 * limit) + ALLOWANCE);
    }, 60_000);
  },
);
