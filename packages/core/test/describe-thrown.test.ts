import { describe, expect, it } from 'vitest';
import { describeThrown } from '../src/describe-thrown.js';

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

describe('describeThrown', () => {
  it('uses an Error’s message, or its name when the message is empty', () => {
    expect(describeThrown(new Error('boom'))).toBe('boom');
    expect(describeThrown(new TypeError(''))).toBe('TypeError');
  });

  it('prints strings, numbers, null, undefined and symbols', () => {
    expect(describeThrown('plain')).toBe('plain');
    expect(describeThrown(42)).toBe('42');
    expect(describeThrown(null)).toBe('null');
    expect(describeThrown(undefined)).toBe('undefined');
    expect(describeThrown(Symbol('s'))).toBe('Symbol(s)');
  });

  it('never throws for values whose String() throws', () => {
    const hostile = [
      Object.create(null),
      {
        toString() {
          throw new Error('no');
        },
      },
      {
        valueOf() {
          throw new Error('no');
        },
        toString() {
          throw new Error('no');
        },
      },
      {
        [Symbol.toPrimitive]() {
          throw new Error('no');
        },
      },
      revokedProxy(),
      Object.defineProperty(new Error('x'), 'message', {
        get() {
          throw new Error('no');
        },
      }),
    ];
    for (const value of hostile) {
      expect(() => describeThrown(value)).not.toThrow();
      expect(typeof describeThrown(value)).toBe('string');
    }
    expect(describeThrown(Object.create(null))).toBe('an object that cannot be printed');
    expect(describeThrown(revokedProxy())).toMatch(/cannot be inspected/);
  });

  it('describes a function by name without calling it', () => {
    expect(describeThrown(function named() {})).toBe('a function named');
  });
});
