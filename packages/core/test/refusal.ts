import { WebhookError } from '@hookguard/core';
import { expect } from 'vitest';

/** The `WebhookError` a body read was refused with; fails the test if it resolved or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<WebhookError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookError);
  return error as WebhookError;
}
