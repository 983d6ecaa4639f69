/**
 * Counts byte-buffer allocations of at least `minBytes` made through the JS allocators while
 * `work` runs: Buffer.alloc / allocUnsafe / allocUnsafeSlow, Buffer.concat (counted itself: on
 * Node 20 it goes through the public allocUnsafe, on Node 24 through an internal allocator, so its
 * inner allocation is not counted twice), Buffer.from of anything but an ArrayBuffer (that one is a view), copyBytesFrom,
 * and Uint8Array#slice. A body copied anywhere on the verify or parse path shows up here.
 */
export async function countBodySizedAllocations(
  minBytes: number,
  work: () => Promise<unknown>,
): Promise<number> {
  let count = 0;
  let insideConcat = 0;
  const note = (bytes: number) => {
    if (insideConcat === 0 && bytes >= minBytes) count++;
  };
  const buffer = Buffer as unknown as Record<string, (...args: unknown[]) => Buffer>;
  const saved = {
    alloc: buffer['alloc']!,
    allocUnsafe: buffer['allocUnsafe']!,
    allocUnsafeSlow: buffer['allocUnsafeSlow']!,
    from: buffer['from']!,
    copyBytesFrom: buffer['copyBytesFrom']!,
    concat: buffer['concat']!,
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
  buffer['concat'] = function (this: unknown, ...args: unknown[]) {
    insideConcat++;
    let made: Buffer;
    try {
      made = saved.concat.apply(this, args);
    } finally {
      insideConcat--;
    }
    note(made.byteLength);
    return made;
  };
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
    for (const name of [
      'alloc',
      'allocUnsafe',
      'allocUnsafeSlow',
      'from',
      'copyBytesFrom',
      'concat',
    ] as const)
      buffer[name] = saved[name];
    Uint8Array.prototype.slice = saved.slice;
  }
  return count;
}
