import { createReceiver, type Logger, onebot } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

function recordingLogger() {
  const warnings: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (message, fields) => warnings.push({ message, fields }),
    error() {},
  };
  return { logger, warnings };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

it('logs the first refusal of each code at once and a flood of forged requests as one line a minute, with the count left out', async () => {
  const { logger, warnings } = recordingLogger();
  const receiver = createReceiver(onebot({ secret: 'secret' }), { logger });
  const forged = () => receiver.handle(onebotRequest(napcatGroupMessage, 'not the secret'));
  const unsigned = () => {
    const { headers, ...rest } = onebotRequest(napcatGroupMessage, 'secret');
    const { 'x-signature': _signature, ...unsignedHeaders } = headers;
    return receiver.handle({ ...rest, headers: unsignedHeaders });
  };

  for (let i = 0; i < 100; i++) expect((await forged()).status).toBe(401);
  expect((await unsigned()).status).toBe(401);
  expect(warnings).toEqual([
    { message: 'webhook refused', fields: { provider: 'onebot', code: 'SIGNATURE_MISMATCH' } },
    { message: 'webhook refused', fields: { provider: 'onebot', code: 'SIGNATURE_MISSING' } },
  ]);

  vi.setSystemTime(new Date('2026-11-30T12:01:00Z'));
  await forged();
  expect(warnings.at(-1)).toEqual({
    message: 'webhook refused',
    fields: { provider: 'onebot', code: 'SIGNATURE_MISMATCH', alsoRefusedSinceLastLine: 99 },
  });
  expect(warnings).toHaveLength(3);
});
