import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GITHUB_SECRET } from '../payloads.js';

/** Every server mounts its one route here. */
export const PATH = '/hook';

/**
 * (b): what a careful developer writes by hand: prefix check, strict hex, HMAC-SHA256 over the
 * raw bytes, constant-time compare with a length check, then `JSON.parse`. No schema.
 */
export function handWrittenVerifyAndParse(body: Buffer, header: string | string[] | undefined): unknown {
  return handWrittenVerify(body, header) ? JSON.parse(body.toString('utf8')) : undefined;
}

/** (b)'s verify alone. */
export function handWrittenVerify(body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=') || header.length !== 71) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', GITHUB_SECRET).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** (a) on bare node:http and Koa, which have no raw-body capture of their own. */
export function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
