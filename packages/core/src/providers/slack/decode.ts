import { isJsonContentType } from '../../body/content-type.js';
import { isFormContentType, parseFormPayload, readFormBody } from '../../body/form.js';
import { parseJsonBody } from '../../body/parse-json.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput } from '../../provider.js';

/** The decoded form of Slack's `ssl_check=1` probe: answered by the handshake, never parsed. */
export const SSL_CHECK: unique symbol = Symbol('slack ssl_check');

/** The Events API posts JSON; interactivity, slash commands and the SSL probe post forms. */
export function acceptsSlackContentType(contentType: string | undefined): boolean {
  return isJsonContentType(contentType) || isFormContentType(contentType);
}

/**
 * The verified bytes as a payload. A form is an interactivity payload (`payload=<JSON>`), a slash
 * command (its fields, as text) or the SSL probe; the signature covered the form bytes as sent.
 */
export function decodeSlackBody(input: VerifyInput): unknown {
  const contentType = headerValue(input.headers, 'content-type');
  if (contentType === 'application/json' || !isFormContentType(contentType)) return parseJsonBody(input.body);
  const fields = readFormBody(input.body);
  // Checked first and whatever else the form holds: this is the only body verify lets in unsigned.
  if (fields.get('ssl_check') === '1') return SSL_CHECK;
  if (fields.has('payload')) return parseFormPayload(fields, 'Slack interactivity');
  return Object.fromEntries(fields);
}
