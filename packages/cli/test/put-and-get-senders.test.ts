import { afterEach, describe, expect, it } from 'vitest';
import { type Background, jsonLines, runCli, startCli } from './support/cli.js';

let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

async function listenJson(argv: readonly string[]): Promise<string> {
  listener = startCli(['listen', ...argv, '--port', '0', '--json']);
  const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
  return url!;
}

/**
 * The two senders that do not simply POST: Meta checks the endpoint with a GET and Matrix PUTs
 * transactions below the registration's URL. `sign`, `send` and `listen` speak both.
 */
describe('whatsapp-cloud through the CLI', () => {
  it("listen answers Meta's GET check with the challenge, and refuses a wrong verify token without it", async () => {
    const url = await listenJson(['whatsapp-cloud', '--secret', 'app-secret']);
    const check = (token: string) =>
      fetch(`${url}/whatsapp-cloud?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`);
    const answered = await check('app-secret');
    expect(answered.status).toBe(200);
    expect(await answered.text()).toBe('1158201444');
    const refused = await check('guess');
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('1158201444');
  });

  it('send signs a fixture as Meta does and listen verifies it as its event', async () => {
    const url = await listenJson(['whatsapp-cloud', '--secret', 'app-secret']);
    const sent = await runCli([
      'send',
      'whatsapp-cloud',
      'messages.text',
      '--url',
      `${url}/whatsapp-cloud`,
      '--secret',
      'app-secret',
    ]);
    expect(sent.code).toBe(0);
    await listener!.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener!.stdout.text);
    expect(delivery).toMatchObject({
      method: 'POST',
      verified: true,
      event: 'messages.text',
      response: { status: 200 },
    });
  });
});

describe('matrix through the CLI', () => {
  it('send PUTs a transaction below the URL; listen verifies the hs_token and answers 200 {}', async () => {
    const url = await listenJson(['matrix', '--secret', 'hs-token']);
    const sent = await runCli([
      'send',
      'matrix',
      'm.room.message.m.text',
      '--url',
      `${url}/matrix`,
      '--secret',
      'hs-token',
      '--json',
    ]);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toMatchObject({
      request: {
        method: 'PUT',
        url: expect.stringMatching(/\/matrix\/_matrix\/app\/v1\/transactions\/[0-9a-f]+$/),
      },
      response: { status: 200, body: '{}' },
    });
    await listener!.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener!.stdout.text);
    expect(delivery).toMatchObject({ method: 'PUT', verified: true, event: 'm.room.message.m.text' });
  });

  it('listen answers a wrong hs_token 403 M_FORBIDDEN and reports that code', async () => {
    const url = await listenJson(['matrix', '--secret', 'hs-token']);
    const sent = await runCli([
      'send',
      'matrix',
      'm.room.member',
      '--url',
      `${url}/matrix`,
      '--secret',
      'other',
    ]);
    expect(sent.code).toBe(1);
    await listener!.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener!.stdout.text);
    expect(delivery).toMatchObject({ response: { status: 403 }, error: { code: 'M_FORBIDDEN' } });
  });

  it('sign prints the PUT and the transaction path in its curl line', async () => {
    const run = await runCli(['sign', 'matrix', 'm.room.message.m.text', '--secret', 'hs-token', '--json']);
    expect(run.code).toBe(0);
    const signed = JSON.parse(run.stdout);
    expect(signed.method).toBe('PUT');
    expect(signed.url).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/matrix\/_matrix\/app\/v1\/transactions\/[0-9a-f]+$/,
    );
    expect(signed.headers).toMatchObject({ Authorization: 'Bearer hs-token' });
    expect(signed.curl).toMatch(/^curl -X PUT /);
  });
});
