import { BodyError } from '../errors.js';
import { parseJsonText } from './parse-json.js';

const FORM = 'application/x-www-form-urlencoded';
const utf8 = new TextDecoder('utf-8', { fatal: true });

function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** Whether a Content-Type is an HTML form post (`; charset=utf-8` and letter case aside). */
export function isFormContentType(contentType: string | undefined): boolean {
  return mediaType(contentType) === FORM;
}

/**
 * The fields of a form-encoded body. Called only on verified bytes: the senders that post forms
 * (GitHub's form setting, Slack's interactivity and slash commands) sign the form bytes exactly as
 * sent, never the decoded fields. Bytes that are not UTF-8 are a 400, not U+FFFD.
 */
export function readFormBody(body: Uint8Array): URLSearchParams {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid UTF-8');
  }
  return new URLSearchParams(text);
}

/**
 * The JSON a sender wraps in a form's `payload` field (GitHub, Slack interactivity). A missing,
 * empty or non-JSON field is a 400 `INVALID_JSON` naming the field, with the same nesting limit as
 * a JSON body: a depth bomb must not arrive by the form path. `sender` names who posts the form.
 */
export function parseFormPayload(fields: URLSearchParams, sender: string): unknown {
  const payload = fields.get('payload');
  if (payload === null || payload === '') {
    throw new BodyError(
      400,
      'INVALID_JSON',
      `A form-encoded ${sender} delivery must carry the JSON in a "payload" field`,
    );
  }
  return parseJsonText(payload, 'The "payload" form field');
}
