import { pipeline, type Readable } from 'node:stream';
import {
  bodyConsumedError,
  bodyReadError,
  bodyTimeout,
  invalidLength,
  requestAborted,
  tooLarge,
} from './body-errors.js';
import { ByteCollector, type ByteCollectorOptions } from './byte-collector.js';
import { createBodyDecoder } from './decoding.js';

export { bodyConsumedError, tooLarge } from './body-errors.js';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

export interface BodyLimits {
  /** Largest body accepted, in (decoded) bytes. Default 1 MiB. */
  readonly limit?: number | undefined;
  /** A body that has not fully arrived by then is refused with 408 (slow-loris guard). Default 30 s. */
  readonly timeoutMs?: number | undefined;
}

export interface BodyHead {
  readonly contentLength?: string | undefined;
  readonly contentEncoding?: string | undefined;
}

/**
 * Reads a request body once, as bytes. A declared Content-Length over the limit is refused
 * before a byte is read; a chunked body is counted as it streams and reading stops at the limit.
 * The chunks go into a ByteCollector, so however finely the sender splits the body, what the
 * request holds stays within about twice the limit.
 * Every refusal asks the adapter to close the connection, so the rest is never read.
 */
export async function readBody(
  source: Readable,
  head: BodyHead,
  limits: BodyLimits = {},
): Promise<Uint8Array> {
  const limit = limits.limit ?? DEFAULT_BODY_LIMIT;
  const declared = parseContentLength(head.contentLength);
  if (declared !== undefined && declared > limit) throw tooLarge(limit);

  const decoder = createBodyDecoder(head.contentEncoding);
  const stream: Readable = decoder ? pipeline(source, decoder, () => {}) : source;
  // A decoded body's length is not the declared one: the limit alone bounds it.
  const collecting = { limit, declared: decoder ? undefined : declared };
  try {
    // One promise settled by whichever comes first, the stream or the timer, rather than a race of
    // two more (BENCHMARKS.md, "Hot-path decisions").
    return await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => reject(bodyTimeout()), limits.timeoutMs ?? DEFAULT_BODY_TIMEOUT_MS);
      timer.unref?.();
      collectStream(stream, collecting, (error, body) => {
        clearTimeout(timer);
        if (error === undefined) resolve(body!);
        else reject(error);
      });
    });
  } catch (error) {
    source.unpipe?.();
    source.pause?.();
    decoder?.destroy();
    throw bodyReadError(error);
  }
}

type Settle = (error: unknown, body?: Uint8Array) => void;

/**
 * Feeds the stream's chunks to a collector until it ends, errors or is aborted, then settles
 * once. A stream that closes without ending settles nothing: the timer answers (408), as it
 * always has, and the collected chunks are let go at the close. On a refusal the stream is
 * paused and unpiped, so nothing more is read from it.
 */
function collectStream(stream: Readable, collecting: ByteCollectorOptions, settle: Settle): void {
  // An encoding means string chunks, whose exact bytes are gone; an ended stream has none left.
  if (stream.readableEncoding) {
    queueMicrotask(() => settle(new Error('stream encoding should not be set')));
    return;
  }
  if (stream.readable === false) {
    queueMicrotask(() => settle(bodyConsumedError()));
    return;
  }
  const collector = new ByteCollector(collecting);
  let complete = false;
  const done = (error: unknown, body?: Uint8Array) => {
    if (complete) return;
    complete = true;
    cleanup();
    if (error !== undefined) {
      stream.unpipe?.();
      stream.pause?.();
    }
    settle(error, body);
  };
  const onData = (chunk: Buffer) => {
    if (complete) return;
    try {
      collector.add(chunk);
    } catch (error) {
      done(error);
    }
  };
  const onEnd = (error?: unknown) => {
    if (error !== undefined && error !== null) return done(error);
    try {
      done(undefined, collector.finish());
    } catch (refusal) {
      done(refusal);
    }
  };
  const onAborted = () => done(requestAborted());
  function cleanup(): void {
    stream.removeListener('aborted', onAborted);
    stream.removeListener('data', onData);
    stream.removeListener('end', onEnd);
    stream.removeListener('error', onEnd);
    stream.removeListener('close', cleanup);
  }
  stream.on('aborted', onAborted);
  stream.on('close', cleanup);
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('error', onEnd);
}

export function parseContentLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) throw invalidLength();
  return Number(value);
}
