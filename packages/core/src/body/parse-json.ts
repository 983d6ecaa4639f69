import { BodyError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes strict UTF-8 (a leading BOM is dropped, invalid bytes are refused rather than turned
 * into U+FFFD) and parses JSON. Any failure, a stack-overflowing depth bomb included, is a 400.
 */
export function parseJsonBody(body: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid UTF-8');
  }
  if (text.length === 0) throw new BodyError(400, 'INVALID_JSON', 'Request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'INVALID_JSON', 'Request body is not valid JSON');
  }
}
