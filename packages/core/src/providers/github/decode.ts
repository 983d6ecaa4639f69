import { isJsonContentType } from '../../body/content-type.js';
import { isFormContentType, parseFormPayload, readFormBody } from '../../body/form.js';
import { parseJsonBody } from '../../body/parse-json.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput } from '../../provider.js';

/** A GitHub hook's "Content type" setting is `application/json` or `application/x-www-form-urlencoded`. */
export function acceptsGitHubContentType(contentType: string | undefined): boolean {
  return isJsonContentType(contentType) || isFormContentType(contentType);
}

/**
 * With the form setting GitHub posts `payload=<url-encoded JSON>`. The signature covers those
 * form bytes exactly as sent, so the body is verified first and only then unwrapped here.
 */
export function decodeGitHubBody(input: VerifyInput): unknown {
  const contentType = headerValue(input.headers, 'content-type');
  if (contentType === 'application/json' || !isFormContentType(contentType)) return parseJsonBody(input.body);
  return parseFormPayload(readFormBody(input.body), 'GitHub');
}
