import { afterEach, beforeEach, expect } from 'vitest';

/**
 * Values JavaScript lets a handler throw that break naive error handling: `String()` of the
 * first three throws, a Symbol cannot be concatenated, and a revoked Proxy throws on `instanceof`
 * and on any property read.
 */
export function awkwardThrownValues(): readonly (readonly [name: string, value: unknown])[] {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return [
    ['Object.create(null)', Object.create(null)],
    [
      'an object whose toString throws',
      {
        toString() {
          throw new Error('toString refuses');
        },
      },
    ],
    [
      'an object without toString whose valueOf throws',
      Object.assign(Object.create(null), {
        valueOf() {
          throw new Error('valueOf refuses');
        },
      }),
    ],
    ['a Symbol', Symbol('thrown')],
    ['undefined', undefined],
    ['a revoked Proxy', revocable.proxy],
  ];
}

/**
 * Fails the current test if anything reaches the process as an `unhandledRejection` or an
 * `uncaughtException`: either would end a real server with exit code 1. Call at the top of a
 * `describe`; each test waits a few turns of the event loop at its end so late rejections surface.
 */
export function failOnProcessCrash(): void {
  const escaped: string[] = [];
  const onRejection = () => escaped.push('unhandledRejection');
  const onException = () => escaped.push('uncaughtException');
  beforeEach(() => {
    escaped.length = 0;
    process.on('unhandledRejection', onRejection);
    process.on('uncaughtException', onException);
  });
  afterEach(async () => {
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    expect(escaped, 'these would have ended the process').toEqual([]);
  });
}
