const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export type SignatureEncoding = 'hex' | 'base64' | 'base64url';

/**
 * Strictly decodes a signature. `Buffer.from(s, 'hex')` silently stops at the first bad
 * character, so the text is checked first; a wrong length is refused here too.
 */
export function decodeSignature(
  text: string,
  encoding: SignatureEncoding,
  byteLength: number,
): Buffer | undefined {
  if (encoding === 'hex') {
    if (text.length !== byteLength * 2 || !HEX.test(text)) return undefined;
    return Buffer.from(text, 'hex');
  }
  if (!(encoding === 'base64' ? BASE64 : BASE64URL).test(text)) return undefined;
  const bytes = Buffer.from(text, encoding);
  return bytes.byteLength === byteLength ? bytes : undefined;
}
