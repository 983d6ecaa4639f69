import { once } from 'node:events';
import type { Gunzip, Inflate } from 'node:zlib';
import { bodyReadError, bodyTimeout, tooLarge } from './body-errors.js';
import { ByteCollector } from './byte-collector.js';
import { createBodyDecoder } from './decoding.js';
import {
  type BodyHead,
  type BodyLimits,
  DEFAULT_BODY_LIMIT,
  DEFAULT_BODY_TIMEOUT_MS,
  parseContentLength,
} from './read-body.js';

type ByteReader = ReadableStreamDefaultReader<Uint8Array>;

/**
 * `readBody` for a Web `ReadableStream` (`Request.body`), read with its own reader instead of
 * through `Readable.fromWeb` and `readBody` (that detour was slower: BENCHMARKS.md, "Hot-path
 * decisions"). The same ByteCollector keeps the bytes, so the limits, refusals and messages
 * are the same and `receiver.fetch` answers exactly as the Node adapters do.
 * Every refusal cancels the stream, so nothing more is pulled from it.
 */
export function readWebBody(
  stream: ReadableStream<Uint8Array>,
  head: BodyHead,
  limits: BodyLimits = {},
): Promise<Uint8Array> {
  const limit = limits.limit ?? DEFAULT_BODY_LIMIT;
  let declared: number | undefined;
  let decoder: Gunzip | Inflate | undefined;
  try {
    declared = parseContentLength(head.contentLength);
    if (declared !== undefined && declared > limit) throw tooLarge(limit);
    decoder = createBodyDecoder(head.contentEncoding);
  } catch (error) {
    stream.cancel().catch(ignore);
    return Promise.reject(error);
  }

  const reader = stream.getReader();
  // One promise settled once, by the read or by the timer: whichever comes second is ignored.
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      fail(bodyTimeout());
    }, limits.timeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
    timer.unref?.();

    function succeed(body: Uint8Array): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reader.releaseLock();
      resolve(body);
    }
    function fail(error: unknown): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const refusal = bodyReadError(error);
      // Cancelling wakes a pending read with `done`, and destroying the decoder ends its wait;
      // whatever those half-finished reads then produce arrives after `settled` and is dropped.
      reader.cancel(refusal).catch(ignore);
      decoder?.destroy(refusal);
      reject(refusal);
    }

    // A decoded body's length is not the declared one: the limit alone bounds it.
    const collector = new ByteCollector({ limit, declared: decoder ? undefined : declared });
    const read = decoder ? readDecoded(reader, decoder, collector) : readPlain(reader, collector);
    read.then(succeed, fail);
  });
}

function ignore(): void {}

/** Not compressed: every chunk straight into the collector (pre-sized when the length is declared). */
async function readPlain(reader: ByteReader, collector: ByteCollector): Promise<Uint8Array> {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return collector.finish();
    collector.add(bytesOf(value));
  }
}

/**
 * gzip/deflate: the limit counts decoded bytes, so a bomb stops at the limit. The compressed
 * bytes are fed with backpressure, so a fast sender cannot queue more than zlib's buffer.
 */
function readDecoded(
  reader: ByteReader,
  decoder: Gunzip | Inflate,
  collector: ByteCollector,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    decoder.on('data', (chunk: Buffer) => {
      try {
        collector.add(chunk);
      } catch (refusal) {
        decoder.destroy(refusal as Error);
      }
    });
    // `on`, not `once`: an error with no listener left would crash the process.
    decoder.on('error', reject);
    decoder.on('end', () => resolve(collector.finish()));
    feed(reader, decoder).catch((error: unknown) => decoder.destroy(error as Error));
  });
}

async function feed(reader: ByteReader, decoder: Gunzip | Inflate): Promise<void> {
  for (;;) {
    const { done, value } = await reader.read();
    if (decoder.destroyed) return;
    if (done) {
      decoder.end();
      return;
    }
    if (!decoder.write(bytesOf(value))) await once(decoder, 'drain');
  }
}

/**
 * A body stream must carry bytes; anything else is refused (400) rather than guessed at, as
 * `request.arrayBuffer()` does.
 */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError('Request body stream yielded a chunk that is not a Uint8Array');
}
