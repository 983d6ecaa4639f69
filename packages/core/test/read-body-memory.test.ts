import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { readBody } from '@hookguard/core/adapter';
import { describe, expect, it } from 'vitest';
import { peakGrowth } from '../../../test/support/live-memory.js';
import type { BodyHead } from '../src/body/read-body.js';
import { readWebBody } from '../src/body/read-web-body.js';

const KiB = 1024;
const LIMIT = 128 * KiB;
/** Promises and stream state in flight, and the sampler's own garbage: a constant, not the body. */
const ALLOWANCE = 1024 * KiB;
const body = randomBytes(LIMIT);

/**
 * The bytes one at a time, each in an allocation of its own (as Node's HTTP parser hands them
 * over) and made only when asked for. Every few KiB it waits a turn of the event loop, as a
 * socket would, which is also when the memory sampler gets to run.
 */
async function* oneByOne(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at++) {
    if (at % (4 * KiB) === 0) await new Promise((resolve) => setImmediate(resolve));
    yield Buffer.from([bytes[at]!]);
  }
}

const readers = {
  'readBody (Node stream)': (head: BodyHead) =>
    readBody(Readable.from(oneByOne(body), { objectMode: false }), head, { limit: LIMIT }),
  'readWebBody (Web stream)': (head: BodyHead) => {
    const chunks = oneByOne(body);
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
    });
    return readWebBody(stream, head, { limit: LIMIT });
  },
};

describe.each(Object.entries(readers))('%s, one-byte chunks', (_, read) => {
  it.each([
    ['chunked', {}],
    ['with Content-Length', { contentLength: String(LIMIT) }],
  ] as const)(
    '%s: holds about twice the limit at most, not a Buffer per byte',
    async (_name, head) => {
      const { result, growth } = await peakGrowth(() => read(head), 50);
      expect(Buffer.compare(result, body)).toBe(0);
      expect(growth).toBeLessThan(2 * LIMIT + ALLOWANCE);
    },
    30_000,
  );
});
