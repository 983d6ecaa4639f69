import type { SignedPart } from '../crypto/hmac.js';

/** The request values a signed template can name. */
export type SignedField = 'body' | 'timestamp' | 'id';

export type TemplatePart = { readonly literal: string } | { readonly field: SignedField };

const PLACEHOLDER = /\{([^{}]*)\}/g;
const FIELDS: readonly string[] = ['body', 'timestamp', 'id'];

/**
 * Compiles what a sender signs, written as it appears in the sender's docs:
 * `{body}` (the default), `{timestamp}.{body}`, `v0:{timestamp}:{body}`, `{id}.{timestamp}.{body}`.
 * Everything outside the placeholders is signed literally, as UTF-8.
 */
export function compileTemplate(template: string): TemplatePart[] {
  if (typeof template !== 'string' || template.length === 0) {
    throw new TypeError('hookguard: signed must be a template such as "{body}" or "{timestamp}.{body}"');
  }
  const parts: TemplatePart[] = [];
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!FIELDS.includes(name)) {
      throw new TypeError(
        `hookguard: signed template names {${name}}; only {body}, {timestamp} and {id} exist`,
      );
    }
    if (match.index > at) parts.push({ literal: template.slice(at, match.index) });
    parts.push({ field: name as SignedField });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ literal: template.slice(at) });
  for (const part of parts) {
    if ('literal' in part && /[{}]/.test(part.literal)) {
      throw new TypeError(`hookguard: signed template has an unmatched brace: "${template}"`);
    }
  }
  return parts;
}

export function templateFields(parts: readonly TemplatePart[]): Set<SignedField> {
  return new Set(parts.flatMap((part) => ('field' in part ? [part.field] : [])));
}

/** The bytes to MAC, in order; the body stays the exact bytes received (never re-encoded). */
export function signedParts(
  parts: readonly TemplatePart[],
  values: {
    readonly body: Uint8Array;
    readonly timestamp?: string | undefined;
    readonly id?: string | undefined;
  },
): SignedPart[] {
  return parts.map((part) => ('literal' in part ? part.literal : (values[part.field] ?? '')));
}
