import { headerValue } from '../http/headers.js';
import type { VerifyInput } from '../provider.js';

/** Where a value travels on the request: a header (any case) or a query-string parameter. */
export type RequestSource = { readonly header: string } | { readonly query: string };

/** A request source, or a dotted path into the JSON body (`data.type`), read after verification. */
export type PayloadSource = RequestSource | { readonly body: string };

/**
 * Checks a source given in options (plain JS callers get a clear TypeError) and lower-cases a
 * header name, since Node and Fetch deliver header names lower-case.
 */
export function normaliseSource<S extends PayloadSource>(source: S, option: string, allowBody = false): S {
  const [key, value] =
    typeof source === 'object' && source !== null ? sourceEntry(source) : [undefined, undefined];
  if (key === undefined || (key === 'body' && !allowBody)) {
    throw new TypeError(
      `hookguard: ${option} must be { header: '...' } or { query: '...' }${allowBody ? " or { body: 'path' }" : ''}`,
    );
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`hookguard: ${option}.${key} must be a non-empty string`);
  }
  return (key === 'header' ? { ...source, header: value.toLowerCase() } : source) as S;
}

function sourceEntry(source: PayloadSource): ['header' | 'query' | 'body' | undefined, unknown] {
  if ('header' in source) return ['header', source.header];
  if ('query' in source) return ['query', source.query];
  if ('body' in source) return ['body', source.body];
  return [undefined, undefined];
}

export function isRequestSource(source: PayloadSource): source is RequestSource {
  return 'header' in source || 'query' in source;
}

/**
 * The value at a request source; an empty value counts as absent. A value sent twice reads as
 * "a, b" wherever it travels, as a repeated header does, so a proof is never "first wins".
 */
export function readRequestSource(
  source: RequestSource,
  input: Pick<VerifyInput, 'headers' | 'query'>,
): string | undefined {
  const value =
    'header' in source ? headerValue(input.headers, source.header) : queryValue(input.query, source.query);
  return value === undefined || value === '' ? undefined : value;
}

function queryValue(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length > 1 ? values.join(', ') : values[0];
}

/** A string or finite number at a request source or a dotted body path; anything else is absent. */
export function readPayloadSource(
  source: PayloadSource,
  payload: unknown,
  input: Pick<VerifyInput, 'headers' | 'query'>,
): string | undefined {
  if (isRequestSource(source)) return readRequestSource(source, input);
  let value: unknown = payload;
  for (const key of source.body.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value === '' ? undefined : value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** `X-Acme-Signature header`, `sig query parameter`: for error messages that tell the operator where to look. */
export function describeSource(source: PayloadSource): string {
  if ('header' in source) return `${source.header} header`;
  if ('query' in source) return `"${source.query}" query parameter`;
  return `body field "${source.body}"`;
}
