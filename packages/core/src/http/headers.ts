import type { WebhookHeaders } from './types.js';

/**
 * Reads one header by lower-case name. A header sent twice is `a, b` on every adapter (Fetch
 * joins copies so, and `nodeRequestHead` joins them the same way), so a duplicated signature or
 * token never matches: the caller fails closed, never "first wins".
 */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value.join(', ');
}

/** Turns Fetch `Headers` into the plain lower-case record the core reads. */
export function headersFromFetch(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
