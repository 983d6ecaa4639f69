import type { WebhookResponse } from '@hookguard/core';
import { expect } from 'vitest';

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** No request, however shaped, may add a property every object inherits. */
export function expectNoPrototypePollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
}

/**
 * What every answer must look like, whatever came in: a real status, header values that cannot
 * split a response, and for a refusal the stable error JSON that names no secret.
 */
export function expectWellFormed(response: WebhookResponse, secrets: readonly string[] = []): void {
  expect(Number.isInteger(response.status)).toBe(true);
  for (const [name, value] of Object.entries(response.headers)) {
    expect(name).toMatch(/^[a-z0-9-]+$/);
    expect(value).not.toMatch(/[\r\n\0]/);
  }
  for (const secret of secrets) expect(response.body).not.toContain(secret);
  if (response.status >= 400) {
    const body = JSON.parse(response.body) as { error: unknown; errcode?: unknown };
    // hookguard's `{"error": {"code", "message"}}`, or a sender's own form: Matrix's `{"errcode", "error"}`.
    const error = (body.errcode === undefined ? body.error : { code: body.errcode, message: body.error }) as {
      code: unknown;
      message: unknown;
    };
    expect(error.code).toMatch(/^[A-Z_]+$/);
    expect(typeof error.message).toBe('string');
    expect(response.body).not.toMatch(/\n\s+at /); // no stack trace
  }
}

/** A refusal: a 4xx, never a 5xx — a bad request is the sender's fault, never a crash. */
export function expectRefused(response: WebhookResponse): void {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
}
