import type { IncomingHttpHeaders } from 'node:http';
import type { Variant } from '../variants.js';
import { handWrittenVerifyAndParse } from './raw.js';

/** A hand-written receiver's work on the captured bytes; false means refuse with 401. */
export type HandWritten = (body: Buffer, headers: IncomingHttpHeaders) => boolean;

/**
 * (b), or (b+zod): the same, then the very zod schema hookguard's github() uses for the event,
 * picked by `X-GitHub-Event` and `action` as a developer would. Loaded only for (b+zod), so
 * (b)'s server never loads zod or hookguard.
 */
export async function handWritten(variant: Extract<Variant, 'b' | 'b+zod'>): Promise<HandWritten> {
  if (variant === 'b') {
    return (body, headers) => handWrittenVerifyAndParse(body, headers['x-hub-signature-256']) !== undefined;
  }
  const { githubEventSchemas } = await import('@hookguard/core/schemas');
  const schemas: Readonly<Record<string, { safeParse(value: unknown): { success: boolean } }>> =
    githubEventSchemas;
  return (body, headers) => {
    const payload = handWrittenVerifyAndParse(body, headers['x-hub-signature-256']) as { action?: unknown };
    if (payload === undefined) return false;
    const event = String(headers['x-github-event']);
    const schema = schemas[typeof payload.action === 'string' ? `${event}.${payload.action}` : event];
    return schema?.safeParse(payload).success === true;
  };
}
