/**
 * Whether JSON nests arrays and objects deeper than `max`, counting brackets outside strings.
 * Strings (most of a webhook's bytes) are skipped by a tight inner loop that looks only for the
 * closing quote and backslashes.
 *
 * It reads UTF-8 bytes, which gives the same answer as the decoded text: every character it looks
 * at (`"` `\` `[` `]` `{` `}`) is ASCII, and in UTF-8 an ASCII byte only ever stands for itself
 * (multi-byte sequences use bytes ≥ 0x80). Bytes, not `charCodeAt`: a large string is
 * external in V8, so `charCodeAt` on it is not inlined and the scan took several times as long
 * as over the bytes, longer than JSON.parse itself (BENCHMARKS.md, "Hot-path decisions").
 * Run it after the strict UTF-8 decode, so which refusal a bad body gets does not change.
 */
export function bytesNestDeeperThan(bytes: Uint8Array, max: number): boolean {
  const length = bytes.length;
  if (length <= max) return false;
  let depth = 0;
  for (let index = 0; index < length; index++) {
    const code = bytes[index]!;
    if (code === 0x22) {
      for (index++; index < length; index++) {
        const inner = bytes[index]!;
        if (inner === 0x22) break;
        if (inner === 0x5c) index++;
      }
    } else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}
