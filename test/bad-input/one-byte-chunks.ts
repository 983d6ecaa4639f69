import type { FuzzSender } from '../fuzz/senders.js';
import { head, type WireStep } from './wire.js';

/**
 * `size` bytes as chunked Transfer-Encoding with one byte per chunk (`1\r\nX\r\n`…), written
 * as one buffer: Node's parser still emits every chunk as a `data` event of its own, the case
 * where a reader that keeps chunks as they come holds far more than the body's size.
 */
export function oneByteChunked(size: number): Buffer {
  const frame = Buffer.from('1\r\nX\r\n', 'latin1');
  const end = Buffer.from('0\r\n\r\n', 'latin1');
  const wire = Buffer.allocUnsafe(size * frame.length + end.length);
  for (let at = 0; at < size; at++) frame.copy(wire, at * frame.length);
  end.copy(wire, size * frame.length);
  return wire;
}

/**
 * A POST of `body` (from `oneByteChunked`) whose headers are the sender's proof for another
 * body (`{}`), so the only right answer is 401 and no handler may run.
 */
export function wronglySignedChunked(sender: FuzzSender, path: string, body: Buffer): WireStep[] {
  const { headers } = sender.sign(Buffer.from('{}'));
  const lines = [...Object.entries(headers), ['transfer-encoding', 'chunked'] as const];
  return [head('POST', path, lines), body];
}
