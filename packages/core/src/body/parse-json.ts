import { BodyError } from '../errors.js';
import { bytesNestDeeperThan } from './json-depth.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Deepest nesting of arrays and objects accepted. V8's JSON.parse is iterative, so it parses a
 * 500 000-deep `[[[…]]]` without complaint; but JSON.stringify, structuredClone, loggers and
 * most user code recurse and overflow the stack a few thousand levels down. No webhook sender
 * nests beyond a few dozen, so anything deeper is refused before it reaches a handler.
 */
export const MAX_JSON_DEPTH = 512;

/**
 * Decodes strict UTF-8 (a leading BOM is dropped, invalid bytes are refused rather than turned
 * into U+FFFD) and parses JSON. Any failure, a depth bomb included, is a 400.
 */
export function parseJsonBody(body: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid UTF-8');
  }
  if (text.length === 0) throw new BodyError(400, 'INVALID_JSON', 'Request body is empty');
  // The depth scan reads the bytes (same answer as the text, several times cheaper on V8).
  return parseCheckedJson(text, bytesNestDeeperThan(body, MAX_JSON_DEPTH), 'Request body');
}

/**
 * JSON.parse with the depth limit; every failure is a 400 `INVALID_JSON`. `subject` names the
 * text in the message (a form field, for senders that wrap their JSON).
 */
export function parseJsonText(text: string, subject = 'Request body'): unknown {
  // Text that did not come straight from the body (a form field) is encoded once for the scan.
  return parseCheckedJson(
    text,
    text.length > MAX_JSON_DEPTH && bytesNestDeeperThan(Buffer.from(text, 'utf8'), MAX_JSON_DEPTH),
    subject,
  );
}

function parseCheckedJson(text: string, tooDeep: boolean, subject: string): unknown {
  if (tooDeep) {
    throw new BodyError(400, 'INVALID_JSON', `${subject} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', `${subject} is not valid JSON`);
  }
}
