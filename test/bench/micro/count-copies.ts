/**
 * Counts byte-buffer allocations of at least `minBytes` made through the JS allocators while
 * `work` runs: Buffer.alloc / allocUnsafe / allocUnsafeSlow (Buffer.concat goes through
 * allocUnsafe), Buffer.from of anything but an ArrayBuffer (that one is a view), copyBytesFrom,
 * and Uint8Array#slice. A body copied anywhere on the verify or parse path shows up here.
 */
export async function countBodySizedAllocations(
  minBytes: number,
  work: () => Promise<unknown>,
): Promise<number> {
  let count = 0;
  const note = (bytes: number) => {
    if (bytes >= minBytes) count++;
  };
  const buffer = Buffer as unknown as Record<string, (...args: unknown[]) => Buffer>;
  const saved = {
    alloc: buffer['alloc']!,
    allocUnsafe: buffer['allocUnsafe']!,
    allocUnsafeSlow: buffer['allocUnsafeSlow']!,
    from: buffer['from']!,
    copyBytesFrom: buffer['copyBytesFrom']!,
    slice: Uint8Array.prototype.slice,
  };
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'copyBytesFrom'] as const) {
    const original = saved[name];
    buffer[name] = function (this: unknown, ...args: unknown[]) {
      const made = original.apply(this, args);
      note(made.byteLength);
      return made;
    };
  }
  buffer['from'] = function (this: unknown, ...args: unknown[]) {
    const made = saved.from.apply(this, args);
    if (!(args[0] instanceof ArrayBuffer || args[0] instanceof SharedArrayBuffer)) note(made.byteLength);
    return made;
  };
  Uint8Array.prototype.slice = function (this: Uint8Array, ...args: [number?, number?]) {
    const made = saved.slice.apply(this, args);
    note(made.byteLength);
    return made;
  };
  try {
    await work();
  } finally {
    for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow', 'from', 'copyBytesFrom'] as const)
      buffer[name] = saved[name];
    Uint8Array.prototype.slice = saved.slice;
  }
  return count;
}
