import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liveBytes } from '../../../test/support/live-memory.js';
import { ByteCollector, COLLECTOR_BLOCK_SIZE } from '../src/body/byte-collector.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Adds the chunks and finishes, or gives back what it threw. */
function collect(chunks: readonly Uint8Array[], options: { limit: number; declared?: number }) {
  const collector = new ByteCollector(options);
  for (const chunk of chunks) collector.add(chunk);
  return collector.finish();
}

const thrown = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

/** Each chunk in an allocation of its own, as Node's HTTP parser hands them over. */
const own = (bytes: Uint8Array) => Uint8Array.from(bytes);

describe('ByteCollector', () => {
  describe('pre-sized from a declared length', () => {
    it('copies the chunks into one buffer of exactly that size', () => {
      const body = collect([Buffer.from('{"a":'), Buffer.from('1}')], { limit: 100, declared: 7 });
      expect(Buffer.from(body).toString()).toBe('{"a":1}');
      expect(body.buffer.byteLength).toBe(7);
    });

    it('returns a body that came as one chunk as it is', () => {
      const chunk = Buffer.from('{"one":1}');
      expect(collect([chunk], { limit: 100, declared: chunk.length })).toBe(chunk);
    });

    it('refuses a body shorter than declared (over-declared) with 400', () => {
      const error = thrown(() => collect([Buffer.from('{}')], { limit: 100, declared: 10 }));
      expect(error).toMatchObject({
        status: 400,
        code: 'BODY_INVALID_LENGTH',
        message: 'Request body length does not match Content-Length',
      });
    });

    it('refuses a body longer than declared (under-declared) with 400, or 413 once past the limit', () => {
      const longer = thrown(() =>
        collect([Buffer.from('{"a":'), Buffer.from('1}')], { limit: 100, declared: 2 }),
      );
      expect(longer).toMatchObject({ status: 400, code: 'BODY_INVALID_LENGTH' });
      const collector = new ByteCollector({ limit: 10, declared: 2 });
      collector.add(Buffer.from('{}'));
      collector.add(Buffer.alloc(8));
      expect(thrown(() => collector.add(Buffer.alloc(1)))).toMatchObject({
        status: 413,
        code: 'BODY_TOO_LARGE',
      });
    });

    it('reads zero declared bytes as an empty body', () => {
      expect(collect([], { limit: 100, declared: 0 }).byteLength).toBe(0);
    });
  });

  describe('unknown length (chunked, or decoded)', () => {
    it('returns a body that came as one chunk as it is, whatever its size', () => {
      const chunk = Buffer.from('{"one":1}');
      expect(collect([new Uint8Array(0), chunk], { limit: 100 })).toBe(chunk);
    });

    it('joins any chunking into exactly the bytes sent, in one buffer of their size', () => {
      const chunkings = fc.array(
        fc.record({
          size: fc.oneof(
            fc.integer({ min: 0, max: 40 }),
            fc.integer({ min: 0, max: 3 * COLLECTOR_BLOCK_SIZE }),
          ),
          // A chunk of its own allocation, or a window on a larger one (a stream's subarray).
          window: fc.boolean(),
        }),
        { maxLength: 40 },
      );
      fc.assert(
        fc.property(chunkings, fc.integer(), (sizes, seed) => {
          const chunks = sizes.map(({ size, window }, index) => {
            const bytes = new Uint8Array(size + (window ? 7 : 0)).map(
              (_, at) => (seed + index * 31 + at) & 0xff,
            );
            return window ? bytes.subarray(3, 3 + size) : bytes;
          });
          const expected = Buffer.concat(chunks);
          const body = collect(chunks, { limit: expected.length });
          expect(Buffer.compare(body, expected)).toBe(0);
          if (chunks.filter((chunk) => chunk.byteLength > 0).length > 1) {
            expect(body.byteLength).toBe(body.buffer.byteLength);
          }
        }),
        { numRuns: 200 },
      );
    });

    it('copies a small chunk as it arrives: changing it afterwards changes nothing', () => {
      const collector = new ByteCollector({ limit: 100 });
      const first = Buffer.from('{"a":');
      const second = Buffer.from('"x"}');
      collector.add(first);
      collector.add(second);
      second.fill(0x20);
      expect(Buffer.from(collector.finish()).toString()).toBe('{"a":"x"}');
    });

    it('refuses the byte past the limit with 413, and accepts a body exactly at it', () => {
      const atLimit = new ByteCollector({ limit: 4 });
      for (const byte of Buffer.from('{  }')) atLimit.add(Uint8Array.of(byte));
      expect(Buffer.from(atLimit.finish()).toString()).toBe('{  }');
      const over = new ByteCollector({ limit: 4 });
      over.add(Buffer.from('{ '));
      expect(thrown(() => over.add(Buffer.from(' }!')))).toMatchObject({
        status: 413,
        code: 'BODY_TOO_LARGE',
        message: 'Request body is larger than the 4-byte limit',
        headers: { connection: 'close' },
      });
    });

    it('holds about the body while 1 MiB arrives in one-byte chunks, and twice it once joined', () => {
      const before = liveBytes();
      const collector = new ByteCollector({ limit: MiB });
      for (let at = 0; at < MiB; at++) collector.add(own(Uint8Array.of(at & 0xff)));
      const collecting = liveBytes() - before;
      const body = collector.finish();
      const joined = liveBytes() - before;
      expect(body.byteLength).toBe(MiB);
      expect(body[MiB - 1]).toBe((MiB - 1) & 0xff);
      // A Buffer kept per chunk costs far more than its byte: a list of them holds over 100 MiB here.
      expect(collecting).toBeLessThan(MiB + 2 * COLLECTOR_BLOCK_SIZE + 256 * KiB);
      expect(joined).toBeLessThan(2 * MiB + 2 * COLLECTOR_BLOCK_SIZE + 256 * KiB);
    });

    it('holds about the body for chunks just under the block size, and for windows on larger buffers', () => {
      const count = 64;
      const makers: [string, () => Uint8Array][] = [
        ['just under a block', () => new Uint8Array(COLLECTOR_BLOCK_SIZE - 1)],
        // A window on an allocation four times its size: kept as it is, it would hold all of it.
        ['a window', () => new Uint8Array(4 * COLLECTOR_BLOCK_SIZE).subarray(0, COLLECTOR_BLOCK_SIZE)],
      ];
      for (const [name, make] of makers) {
        const before = liveBytes();
        const collector = new ByteCollector({ limit: MiB + COLLECTOR_BLOCK_SIZE * 2 });
        for (let index = 0; index < count; index++) collector.add(make());
        const held = liveBytes() - before;
        const size = collector.received;
        // 256 KiB for what else the worker allocates meanwhile (a loaded machine went past 64 KiB once).
        expect(held, name).toBeLessThan(size + 2 * COLLECTOR_BLOCK_SIZE + 256 * KiB);
        expect(collector.finish().byteLength).toBe(size);
      }
    });
  });
});
