import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createReceiver } from '@hookguard/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const here = (path: string) => new URL(path, import.meta.url);
const SECRET = 'acme-test-secret';
let acmeCi: typeof import('./hmac-readme-example.js')['acmeCi'];

beforeAll(async () => {
  vi.stubEnv('ACME_SECRET', SECRET);
  ({ acmeCi } = await import('./hmac-readme-example.js'));
  vi.unstubAllEnvs();
});

describe('the README example of a made-up sender', () => {
  it.each(['../../../README.md', '../../../docs/senders.md'])(
    '%s shows exactly the example file this test runs',
    (path) => {
      const readme = readFileSync(here(path), 'utf8');
      const example = readFileSync(here('./hmac-readme-example.ts'), 'utf8');
      const block = /```ts example=hmac-readme-example\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(block).toBe(example);
    },
  );

  it('describes the sender with hmac({...}) in under 10 lines', () => {
    const example = readFileSync(here('./hmac-readme-example.ts'), 'utf8');
    const call = example.slice(example.indexOf('hmac({'), example.indexOf('});') + 3);
    expect(call.split('\n').length).toBeLessThan(10);
  });

  it('accepts a request signed as the made-up sender signs, computed independently with node:crypto', async () => {
    const body = JSON.stringify({ event: 'build.finished', build: { id: 7, status: 'passed' } });
    const timestamp = '1760000000';
    const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const handler = vi.fn();
    const receiver = createReceiver(acmeCi, { now: () => 1_760_000_000_000 }).on(
      'build.finished',
      (payload, context) => {
        handler(payload, context.deliveryKey, context.provider);
      },
    );
    const request = {
      method: 'POST',
      url: '/acme',
      headers: {
        'content-type': 'application/json',
        'x-acme-signature': `v1=${signature}`,
        'x-acme-timestamp': timestamp,
        'x-acme-delivery': 'del-1',
      },
      body: Buffer.from(body),
    };
    expect((await receiver.handle(request)).status).toBe(204);
    expect(handler).toHaveBeenCalledWith(JSON.parse(body), 'del-1', 'acme-ci');

    const stale = await createReceiver(acmeCi, { now: () => 1_760_000_301_000 }).handle(request);
    expect(JSON.parse(stale.body)).toMatchObject({ error: { code: 'TIMESTAMP_OUT_OF_RANGE' } });
    const tampered = await receiver.handle({
      ...request,
      body: Buffer.from(body.replace('passed', 'failed')),
    });
    expect(JSON.parse(tampered.body)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
  });
});
