/**
 * The examples and `hookguard send` agree: a freshly started example (demo secrets, no
 * environment) answers every fixture of every sender 2xx when sent to the sender's default path
 * (`send`'s default URL is http://127.0.0.1:8080 + that path) with the CLI's demo secret.
 */
import { senders } from '@hookguard/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../packages/cli/test/support/cli.js';
import { type Listening, listen } from '../test/support/http.js';
import { ACME_CI, configFromEnv, createReceivers } from './common/receivers.js';
import { type StartExample, startFastify, startFetch, startKoa } from './common/start-example.js';
import { createApp as createExpressApp, configFromEnv as expressConfig } from './express/app.js';

const starters: Record<string, StartExample> = { koa: startKoa, fastify: startFastify, fetch: startFetch };

async function sendEveryFixture(url: string, sender: (typeof senders)[number]): Promise<void> {
  for (const fixture of Object.keys(sender.fixtures)) {
    const argv = [
      'send',
      sender.name,
      fixture,
      '--secret',
      sender.secret.demo,
      '--url',
      `${url}${sender.path}`,
    ];
    const sent = await runCli(argv);
    expect(sent.code, `hookguard ${argv.join(' ')}\n${sent.stdout}${sent.stderr}`).toBe(0);
  }
}

describe.each(Object.entries(starters))('examples/%s and hookguard send', (_, start) => {
  let server: Listening;
  beforeAll(async () => {
    server = await start(createReceivers({ ...configFromEnv({}).config, quiet: true }));
  });
  afterAll(() => server.close());

  it.each(senders.map((sender) => [sender.name, sender] as const))(
    'send %s <every fixture> --secret <demo secret>: delivered',
    async (_name, sender) => {
      expect(Object.keys(sender.fixtures).length).toBeGreaterThan(0);
      await sendEveryFixture(server.url, sender);
    },
  );

  it('send hmac with --scheme (the Acme CI scheme spelled out) takes the fixtures too', async () => {
    const url = `${server.url}/hmac`;
    const scheme = JSON.stringify(ACME_CI);
    const secret = configFromEnv({}).config.hmacSecret;
    const sent = await runCli([
      'send',
      'hmac',
      'build.finished',
      '--scheme',
      scheme,
      '--secret',
      secret,
      '--url',
      url,
    ]);
    expect(sent.code, sent.stdout + sent.stderr).toBe(0);
  });
});

describe('examples/express and hookguard send', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = createExpressApp({ ...expressConfig({}), quiet: true });
    server = await listen(app as unknown as Parameters<typeof listen>[0]);
  });
  afterAll(() => server.close());

  it('send onebot <every fixture> --secret <demo secret>: delivered', async () => {
    await sendEveryFixture(server.url, senders.find((sender) => sender.name === 'onebot')!);
  });
});
