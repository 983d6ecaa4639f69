import { BodyError } from '../errors.js';

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
  return parseJsonText(text);
}

/**
 * JSON.parse with the depth limit; every failure is a 400 `INVALID_JSON`. `subject` names the
 * text in the message (a form field, for senders that wrap their JSON).
 */
export function parseJsonText(text: string, subject = 'Request body'): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new BodyError(400, 'INVALID_JSON', `${subject} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', `${subject} is not valid JSON`);
  }
}

/** One pass over the text, counting brackets outside strings (about a quarter of JSON.parse's cost). */
function nestsDeeperThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}
