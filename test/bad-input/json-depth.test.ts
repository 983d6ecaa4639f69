import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../packages/core/src/body/parse-json.js';

/** The documented limit (SECURITY.md): deeper bodies are a 400 before any handler sees them. */
const LIMIT = 512;
const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);
const bytes = (text: string) => Buffer.from(text);

describe('parseJsonBody() nesting limit', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(parseJsonBody(bytes(nested(LIMIT)))).toBeInstanceOf(Array);
    expect(() => parseJsonBody(bytes(nested(LIMIT + 1)))).toThrow(
      expect.objectContaining({ status: 400, code: 'INVALID_JSON' }),
    );
  });

  it('refuses a depth bomb that V8 would parse (500 000 levels) instead of handing it on', () => {
    expect(() => JSON.parse(nested(500_000))).not.toThrow();
    expect(() => parseJsonBody(bytes(nested(500_000)))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('counts objects and arrays alike', () => {
    const objects = '{"a":'.repeat(LIMIT + 1) + '1' + '}'.repeat(LIMIT + 1);
    expect(() => parseJsonBody(bytes(objects))).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ text: `${'['.repeat(2000)}\\"${'{'.repeat(2000)}` });
    expect(parseJsonBody(bytes(text))).toEqual(JSON.parse(text));
  });
});
