import { lengthMismatch, tooLarge } from './body-errors.js';

/**
 * Small chunks are copied into blocks of this size as they arrive; a chunk at least this large
 * that owns its memory is kept as it is. Small enough that a block's unused tail is a small
 * constant per request, large enough that a body needs few of them.
 */
export const COLLECTOR_BLOCK_SIZE = 16 * 1024;

export interface ByteCollectorOptions {
  /** Largest body accepted; the byte past it is refused with 413. */
  readonly limit: number;
  /**
   * The Content-Length, when it was declared and the bytes are the body itself (not compressed):
   * the body is then copied into one buffer of exactly that size.
   */
  readonly declared?: number | undefined;
}

/**
 * Collects a body's chunks into one buffer while holding at most about twice the limit,
 * whatever the chunk sizes. A sender that splits a body into one-byte chunks would otherwise
 * make every chunk a kept object of its own, each costing far more than its byte; here a small
 * chunk is copied into a shared block the moment it arrives and never kept, so what is held is
 * the bytes themselves (at most the limit), a block's unused tail, and, at the end, the joined
 * body (at most the limit again). Both body readers, Node streams and Web streams, decoded or
 * not, feed their chunks here, so their limits and answers cannot drift apart.
 *
 * A body that arrives as one chunk is returned as it is (no copy); otherwise exactly one
 * body-sized buffer is made.
 */
export class ByteCollector {
  readonly #limit: number;
  readonly #declared: number | undefined;
  #received = 0;
  /** The declared body, filled in place (pre-sized mode). */
  #body: Uint8Array | undefined;
  /** The chunks in order (unknown-size mode): the first chunk, large chunks, and sealed block runs. */
  readonly #pieces: Uint8Array[] = [];
  #block: Uint8Array | undefined;
  /** Bytes of #block written so far; those from #runStart on are not yet a piece. */
  #blockUsed = 0;
  #runStart = 0;

  constructor(options: ByteCollectorOptions) {
    this.#limit = options.limit;
    this.#declared = options.declared;
  }

  /** Bytes seen so far, kept or not. */
  get received(): number {
    return this.#received;
  }

  /** Counts a chunk and keeps its bytes; throws 413 the moment the total passes the limit. */
  add(chunk: Uint8Array): void {
    const at = this.#received;
    this.#received += chunk.byteLength;
    if (this.#received > this.#limit) throw tooLarge(this.#limit);
    if (chunk.byteLength === 0) return;
    if (this.#declared !== undefined) this.#addDeclared(chunk, at, this.#declared);
    else if (at === 0 || ownsLargeBuffer(chunk)) {
      // The first chunk is kept so that a one-chunk body needs no copy at all.
      this.#sealRun();
      this.#pieces.push(chunk);
    } else this.#copyIntoBlocks(chunk);
  }

  /** The whole body. With a declared length, a body of any other length is refused with 400. */
  finish(): Uint8Array {
    if (this.#declared !== undefined) {
      if (this.#received !== this.#declared) throw lengthMismatch();
      return this.#body ?? new Uint8Array(0);
    }
    this.#sealRun();
    const pieces = this.#pieces;
    if (pieces.length === 1) return pieces[0]!;
    const body = Buffer.allocUnsafeSlow(this.#received);
    let at = 0;
    for (const piece of pieces) {
      body.set(piece, at);
      at += piece.byteLength;
    }
    return body;
  }

  #addDeclared(chunk: Uint8Array, at: number, declared: number): void {
    // Past the declared length nothing is kept, but counting on tells a body that also passes
    // the limit (413) from one that is merely longer than declared (400 at the end).
    if (this.#received > declared) return;
    if (at === 0 && this.#received === declared) this.#body = chunk;
    else {
      // Fully written before it is returned: `finish` insists every declared byte arrived.
      this.#body ??= Buffer.allocUnsafeSlow(declared);
      this.#body.set(chunk, at);
    }
  }

  #copyIntoBlocks(chunk: Uint8Array): void {
    let from = 0;
    while (from < chunk.byteLength) {
      if (this.#block === undefined || this.#blockUsed === this.#block.byteLength) {
        this.#newBlock(chunk.byteLength - from);
      }
      const block = this.#block!;
      const count = Math.min(block.byteLength - this.#blockUsed, chunk.byteLength - from);
      block.set(count === chunk.byteLength ? chunk : chunk.subarray(from, from + count), this.#blockUsed);
      this.#blockUsed += count;
      from += count;
    }
  }

  /** `pending`: bytes of the current chunk still to copy (already counted in #received). */
  #newBlock(pending: number): void {
    this.#sealRun();
    // Never larger than what may still arrive, so a small limit gets a small block.
    const room = pending + this.#limit - this.#received;
    this.#block = Buffer.allocUnsafeSlow(Math.min(COLLECTOR_BLOCK_SIZE, room));
    this.#blockUsed = 0;
    this.#runStart = 0;
  }

  /** The bytes copied into the block since the last piece become a piece, keeping the order. */
  #sealRun(): void {
    if (this.#block === undefined || this.#blockUsed === this.#runStart) return;
    this.#pieces.push(this.#block.subarray(this.#runStart, this.#blockUsed));
    this.#runStart = this.#blockUsed;
  }
}

/**
 * A large chunk is worth keeping rather than copying only if it is not a window on a larger
 * allocation, which keeping it would hold on to whole.
 */
function ownsLargeBuffer(chunk: Uint8Array): boolean {
  return chunk.byteLength >= COLLECTOR_BLOCK_SIZE && chunk.buffer.byteLength === chunk.byteLength;
}
