import { goJson, goStruct, whatsappFixtures, whatsappMessageShapes } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';

// The rules are Go's encoding/json (Go 1.26, which GOWA builds with): encode.go `appendString`,
// map keys sorted with `strings.Compare`, floats via strconv 'f'/'e' with the 1e-6/1e21 switch.
describe('goJson(): Go encoding/json bytes', () => {
  it('sorts map keys at every level, inside arrays too', () => {
    expect(goJson({ b: 1, a: { z: [{ y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"z":[{"x":2,"y":1}]},"b":1}',
    );
  });

  it('sorts keys by UTF-8 bytes as Go does, not by UTF-16 units as Array#sort does', () => {
    const keys = { '😀': 1, ｚ: 2, é: 3, Z: 4 };
    expect(Object.keys(keys).sort()).toEqual(['Z', 'é', '😀', 'ｚ']);
    expect(goJson(keys)).toBe('{"Z":4,"é":3,"ｚ":2,"😀":1}');
  });

  it('writes <, >, &, U+2028 and U+2029 as escapes, in keys as well as values', () => {
    expect(goJson({ '<k>': 'a<b>&c\u2028d\u2029' })).toBe(
      '{"\\u003ck\\u003e":"a\\u003cb\\u003e\\u0026c\\u2028d\\u2029"}',
    );
  });

  it('uses short escapes for \\b \\f \\n \\r \\t, \\u00xx for other controls, and leaves DEL and / raw', () => {
    expect(goJson('\b\f\n\r\t\u0000\u0001\u001f\u007f/"\\')).toBe(
      '"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f/\\"\\\\"',
    );
  });

  it('writes non-ASCII text as raw UTF-8 and a lone surrogate as U+FFFD', () => {
    expect(goJson('héllo 👍 你好')).toBe('"héllo 👍 你好"');
    expect(goJson('a\ud800b')).toBe('"a\ufffdb"');
    expect(Buffer.from(goJson('\udc00'))).toEqual(Buffer.from([0x22, 0xef, 0xbf, 0xbd, 0x22]));
  });

  it('formats numbers as strconv does for float64, and bigint as a Go int64', () => {
    const numbers = [0, -0, 1, -6.2088, 1e-6, 1e-7, 1.5e-10, 1e20, 1e21, 123456789012345680000, 0.1 + 0.2];
    expect(goJson(numbers)).toBe(
      '[0,-0,1,-6.2088,0.000001,1e-7,1.5e-10,100000000000000000000,1e+21,123456789012345680000,0.30000000000000004]',
    );
    expect(goJson({ n: 9007199254740993n })).toBe('{"n":9007199254740993}');
  });

  it('refuses what Go cannot encode: NaN, Infinity, cycles, functions', () => {
    expect(() => goJson(Number.NaN)).toThrow(/NaN/);
    expect(() => goJson({ x: Number.POSITIVE_INFINITY })).toThrow(/Infinity/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => goJson(cyclic)).toThrow(/cyclic/);
    expect(() => goJson({ f: () => 1 })).toThrow(/function/);
  });

  it('writes bytes as base64 (Go []byte), drops undefined fields and writes undefined array items as null', () => {
    expect(goJson({ thumb: new Uint8Array([0xff, 0xd8, 0xff]), gone: undefined, list: [undefined, 1] })).toBe(
      '{"list":[null,1],"thumb":"/9j/"}',
    );
  });

  it('keeps a goStruct() in declaration order, like a Go struct, while it still equals a plain object', () => {
    const card = goStruct({ displayName: 'A&B', vcard: 'V', phone_number: '+1' });
    expect(goJson({ contact: card, a: 1 })).toBe(
      '{"a":1,"contact":{"displayName":"A\\u0026B","vcard":"V","phone_number":"+1"}}',
    );
    expect(card).toEqual({ displayName: 'A&B', vcard: 'V', phone_number: '+1' });
    expect(Object.keys(card)).toEqual(['displayName', 'vcard', 'phone_number']);
  });

  it('is compact with no trailing newline, and JSON.parse reads back every fixture unchanged', () => {
    for (const body of [...Object.values(whatsappFixtures), ...Object.values(whatsappMessageShapes)]) {
      const text = goJson(body);
      expect(text).not.toMatch(/\n$|": |, "/);
      expect(JSON.parse(text)).toEqual(body);
    }
  });
});
