import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { BodyError } from '../errors.js';

/**
 * gzip and deflate bodies are decoded, and the size limit applies to the decoded bytes, so a
 * compression bomb stops at the limit. Signatures are checked over the decoded bytes (what the
 * sender signed before its transport compressed them). Anything else (br, zstd, chains) is 415:
 * no sender we serve uses it, and refusing is cheaper than supporting a format nobody sends.
 */
export function createBodyDecoder(contentEncoding: string | undefined): Gunzip | Inflate | undefined {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  throw new BodyError(
    415,
    'UNSUPPORTED_ENCODING',
    `Content-Encoding "${encoding.slice(0, 40)}" is not supported; send identity, gzip or deflate`,
  );
}
