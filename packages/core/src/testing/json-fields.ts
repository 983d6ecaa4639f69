/**
 * The payload a body's bytes hold, or undefined when they are not JSON (a raw body being signed).
 * A leading byte order mark is skipped, so a sender's fields are found in a BOM-prefixed body too.
 */
export function tryParseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(
      Buffer.from(body)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    return undefined;
  }
}

export function fieldOf(payload: unknown, key: string): unknown {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)[key]
    : undefined;
}

export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}
