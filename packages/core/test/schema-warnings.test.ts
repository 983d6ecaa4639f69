import { createReceiver, github, type Logger } from '@hookguard/core';
import { githubFixtures, githubRequest } from '@hookguard/core/testing';
import { expect, it } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { post } from '../../../test/support/http.js';

const SECRET = 'github-secret';

function capturingLogger() {
  const warnings: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (message, fields) => warnings.push({ message, fields }),
    error: () => {},
  };
  return { logger, warnings };
}

/** An `issues.opened` delivery whose issue number is a string: authentic, but not what the schema says. */
const misshapen = (title: string) => ({
  ...githubFixtures['issues.opened'],
  issue: { ...(githubFixtures['issues.opened'].issue as object), number: `private-${title}` },
});

for (const adapter of adapters) {
  it(`${adapter.name}: a verified body that fails its schema goes to '*' and warns once per event name, with paths only`, async () => {
    const { logger, warnings } = capturingLogger();
    const opened: unknown[] = [];
    const fallback: string[] = [];
    const receiver = createReceiver(github({ secret: SECRET }), { logger })
      .on('issues.opened', (event) => {
        opened.push(event.issue.number);
      })
      .on('*', (event) => {
        if ('issues' in event) fallback.push(String(event.name));
      });
    const app = await adapter.serve(receiver, '/github');
    try {
      const send = async (name: string, payload: unknown) => {
        const request = githubRequest(name, payload, SECRET);
        const response = await post(`${app.url}/github`, request.body, {
          headers: request.headers as Record<string, string>,
        });
        expect(response.status).toBe(204);
      };
      await send('issues.opened', misshapen('first'));
      await send('issues.opened', misshapen('second'));
      await send('issues.opened', githubFixtures['issues.opened']);
      await send('issues.closed', { ...githubFixtures['issues.closed'], issue: null });

      expect(opened).toEqual([(githubFixtures['issues.opened'].issue as { number: number }).number]);
      expect(fallback).toEqual(['issues.opened', 'issues.opened', 'issues.closed']);
      expect(warnings).toEqual([
        {
          message: "a verified body does not fit its event's schema; it went to the unknown and * handlers",
          fields: { provider: 'github', event: 'issues.opened', issues: 'issue.number (invalid_type)' },
        },
        {
          message: "a verified body does not fit its event's schema; it went to the unknown and * handlers",
          fields: { provider: 'github', event: 'issues.closed', issues: 'issue (invalid_type)' },
        },
      ]);
      expect(JSON.stringify(warnings)).not.toContain('private-');
    } finally {
      await app.close();
    }
  });
}

it('says nothing for a body with no schema at all: that is an unknown event, not a mismatch', async () => {
  const { logger, warnings } = capturingLogger();
  const receiver = createReceiver(github({ secret: SECRET }), { logger }).on('unknown', () => {});
  const response = await receiver.handle(githubRequest('star.created', { action: 'created' }, SECRET));
  expect(response.status).toBe(204);
  expect(warnings).toEqual([]);
});
