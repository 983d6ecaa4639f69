import { timingSafeEqual } from 'node:crypto';

/** Constant-time equality for byte strings; unequal lengths are simply unequal (Node would throw). */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
