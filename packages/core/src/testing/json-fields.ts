/** The payload a body's bytes hold, or undefined when they are not JSON (a raw body being signed). */
export function tryParseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8'));
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
