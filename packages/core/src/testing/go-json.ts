/**
 * A serialiser that writes JSON byte for byte as Go's `encoding/json.Marshal` does, so a test or
 * the CLI can send exactly what a Go sender (go-whatsapp-web-multidevice) signs:
 * - map keys sorted by their UTF-8 bytes at every level (a plain object is a Go map);
 * - `<` `>` `&` U+2028 U+2029 written as `\u003c` `\u003e` `\u0026` `\u2028` `\u2029`;
 * - control characters as `\b` `\f` `\n` `\r` `\t` or `\u00XX` (lower-case hex), DEL left raw;
 * - a lone surrogate (JavaScript's kind of invalid UTF-8) as U+FFFD itself, unescaped, as Go
 *   writes invalid UTF-8 (Go 1.26, which GOWA builds with);
 * - `Uint8Array` as base64 (Go `[]byte`), `bigint` as an integer (Go `int64` beyond 2^53);
 * - compact, no trailing newline. NaN and ±Infinity are refused, as Go refuses them.
 * Go structs keep field-declaration order rather than sorting: wrap such a value in `goStruct()`.
 */
export function goJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, new Set());
  return out.join('');
}

const STRUCT = Symbol('hookguard.goStruct');

/**
 * Marks an object as a Go struct: `goJson` keeps its keys in the order given (Go writes struct
 * fields in declaration order, e.g. GOWA's `{displayName, vcard, phone_number}` contact). The mark
 * is a hidden property, so the object still compares equal to a plain one.
 */
export function goStruct<T extends object>(fields: T): T {
  Object.defineProperty(fields, STRUCT, { value: true, enumerable: false });
  return fields;
}

function write(value: unknown, out: string[], seen: Set<object>): void {
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(goString(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      out.push(goNumber(value));
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'object':
      break;
    default:
      throw new TypeError(`goJson: cannot encode a ${typeof value}`);
  }
  if (value instanceof Uint8Array) {
    out.push(`"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"`);
    return;
  }
  if (seen.has(value)) throw new TypeError('goJson: cannot encode a cyclic structure');
  seen.add(value);
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      write(item, out, seen);
    });
    out.push(']');
  } else {
    writeObject(value as Record<string, unknown>, out, seen);
  }
  seen.delete(value);
}

function writeObject(value: Record<string, unknown>, out: string[], seen: Set<object>): void {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  if (!Object.hasOwn(value, STRUCT)) keys.sort(compareUtf8);
  out.push('{');
  keys.forEach((key, index) => {
    if (index > 0) out.push(',');
    out.push(goString(key), ':');
    write(value[key], out, seen);
  });
  out.push('}');
}

/** Go sorts map keys with `strings.Compare`, i.e. by UTF-8 bytes, not by UTF-16 code units. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

function goString(text: string): string {
  let out = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (
      code < 0x20 ||
      code === 0x3c ||
      code === 0x3e ||
      code === 0x26 ||
      code === 0x2028 ||
      code === 0x2029
    ) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += text[index]! + text[index + 1]!;
        index++;
      } else {
        out += '\uFFFD';
      }
    } else {
      out += text[index]!;
    }
  }
  return `${out}"`;
}

/**
 * Go formats float64 with the shortest representation that round-trips and switches to exponent
 * form below 1e-6 and from 1e21, exactly where JavaScript does; only negative zero differs.
 */
function goNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`goJson: Go's encoding/json cannot encode ${value}`);
  if (Object.is(value, -0)) return '-0';
  return String(value);
}
