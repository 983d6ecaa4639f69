import { isJsonContentType } from '../../body/content-type.js';
import { parseJsonBody, parseJsonText } from '../../body/parse-json.js';
import { BodyError } from '../../errors.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput } from '../../provider.js';

const FORM = 'application/x-www-form-urlencoded';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** A GitHub hook's "Content type" setting is `application/json` or `application/x-www-form-urlencoded`. */
export function acceptsGitHubContentType(contentType: string | undefined): boolean {
  return isJsonContentType(contentType) || mediaType(contentType) === FORM;
}

/**
 * With the form setting GitHub posts `payload=<url-encoded JSON>`. The signature covers those
 * form bytes exactly as sent, so the body is verified first and only then unwrapped here.
 */
export function decodeGitHubBody(input: VerifyInput): unknown {
  const contentType = headerValue(input.headers, 'content-type');
  if (contentType === 'application/json' || mediaType(contentType) !== FORM) return parseJsonBody(input.body);
  let text: string;
  try {
    text = utf8.decode(input.body);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid UTF-8');
  }
  const payload = new URLSearchParams(text).get('payload');
  if (payload === null || payload === '') {
    throw new BodyError(
      400,
      'INVALID_JSON',
      'A form-encoded GitHub delivery must carry the JSON in a "payload" field',
    );
  }
  // The same nesting limit and error as a JSON body: a depth bomb must not arrive by the form path.
  return parseJsonText(payload, 'The "payload" form field');
}
