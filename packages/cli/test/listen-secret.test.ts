import { afterEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../src/io/shell-quote.js';
import {
  type Background,
  binPath,
  jsonLines,
  runCli,
  spawnCommand,
  startCli,
  tsxPath,
} from './support/cli.js';

let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

async function listen(argv: readonly string[], env: Record<string, string> = {}): Promise<string> {
  listener = startCli(['listen', ...argv, '--port', '0'], env);
  const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
  return url!;
}

describe('listen without a secret says nothing was verified', () => {
  it.each([
    ['onebot', 'message.group.normal', '/onebot'],
    ['tencent-chat', 'C2C.CallbackBeforeSendMsg', '/tencent'],
  ])(
    '%s: an unsigned delivery is "unverified (no secret)", never "✓ verified"',
    async (name, fixture, path) => {
      const url = await listen([name]);
      expect(listener!.stderr.text).toContain('no --secret: unsigned');
      const sent = await runCli(['send', name, fixture, '--url', `${url}${path}`]);
      expect(sent.code).toBe(0);
      await listener!.waitFor(/reply 20\d/);
      expect(listener!.stdout.text).toContain(`unverified (no secret)  ${fixture}`);
      expect(listener!.stdout.text).not.toContain('verified  ');
      expect(listener!.stdout.text).not.toContain('✓');
    },
  );

  it('a delivery signed with a secret is still unverified: without one, listen checks nothing', async () => {
    const url = await listen(['onebot']);
    await runCli(['send', 'onebot', 'message.group.normal', '--url', `${url}/onebot`, '--secret', 's']);
    await listener!.waitFor(/reply 204/);
    expect(listener!.stdout.text).toMatch(/unverified \(no secret\) {2}message\.group\.normal/);
    expect(listener!.stdout.text).toMatch(/^ {2}x-signature: sha1=[0-9a-f]{40}$/m);
  });

  it('--json: verified is false and unverified says why, while the event is still typed', async () => {
    listener = startCli(['listen', 'onebot', '--port', '0', '--json']);
    const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
    await runCli(['send', 'onebot', 'message.private.friend', '--url', `${url}/onebot`]);
    await listener.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener.stdout.text);
    expect(delivery).toMatchObject({
      verified: false,
      unverified: 'no secret',
      event: 'message.private.friend',
      known: true,
      response: { status: 204 },
    });
  });

  it('with a secret, a verified delivery carries no "unverified" reason', async () => {
    listener = startCli(['listen', 'onebot', '--port', '0', '--json', '--secret', 's']);
    const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
    await runCli(['send', 'onebot', 'message.private.friend', '--url', `${url}/onebot`, '--secret', 's']);
    await listener.waitFor(/"reading"/);
    const [, delivery] = jsonLines(listener.stdout.text);
    expect(delivery).toMatchObject({ verified: true });
    expect(delivery).not.toHaveProperty('unverified');
  });

  it('an unsigned delivery whose reply the event cannot carry: unverified, and the 500 with its reason', async () => {
    const url = await listen(['onebot', '--reply', '{"approve":true}']);
    await runCli(['send', 'onebot', 'message.private.friend', '--url', `${url}/onebot`]);
    await listener!.waitFor(/INVALID_REPLY: /);
    expect(listener!.stdout.text).toMatch(/unverified \(no secret\) {2}message\.private\.friend/);
    expect(listener!.stdout.text).toMatch(/reply 500 \{"error":\{"code":"INVALID_REPLY"/);
  });
});

/** The `hookguard send …` line listen suggests, pasted into a shell, with the real binary as `hookguard`. */
async function paste(example: string, env: Record<string, string> = {}) {
  expect(example.startsWith('hookguard send ')).toBe(true);
  const line = `${shellQuote(tsxPath)} ${shellQuote(binPath)}${example.slice('hookguard'.length)}`;
  return spawnCommand('sh', ['-c', line], env);
}

describe("listen's example command works as printed", () => {
  it('--secret typed on the command line: printed shell-quoted, and the pasted line is verified', async () => {
    const secret = `it's a "secret" $HOME`;
    const url = await listen(['onebot', '--secret', secret]);
    const [example] = await listener!.waitFor(/hookguard send .*/);
    expect(example).toContain(`--secret ${shellQuote(secret)}`);
    const sent = await paste(example);
    expect(sent.code, sent.stderr).toBe(0);
    await listener!.waitFor(/✓ verified {2}message\.group\.normal/);
    expect(example).toContain(`--url ${url}/onebot`);
  });

  it('a secret that starts with a dash is passed as --secret=…, which parseArgs accepts', async () => {
    await listen(['github', '--secret=-starts-with-a-dash']);
    const [example] = await listener!.waitFor(/hookguard send .*/);
    expect(example).toContain('--secret=-starts-with-a-dash');
    const sent = await paste(example);
    expect(sent.code, sent.stderr).toBe(0);
    await listener!.waitFor(/✓ verified {2}issues\.opened/);
  });

  it('HOOKGUARD_SECRET: the example names the variable and never prints its value', async () => {
    const env = { HOOKGUARD_SECRET: 'from-the-environment' };
    await listen(['whatsapp'], env);
    const [example] = await listener!.waitFor(/hookguard send .*/);
    expect(example).toContain('--secret "$HOOKGUARD_SECRET"');
    expect(listener!.stdout.text + listener!.stderr.text).not.toContain('from-the-environment');
    const sent = await paste(example, env);
    expect(sent.code, sent.stderr).toBe(0);
    await listener!.waitFor(/✓ verified {2}message/);
  });

  it('no secret, or the sender default: no --secret, and send signs as the listener expects', async () => {
    await listen(['whatsapp']);
    const [example] = await listener!.waitFor(/hookguard send .*/);
    expect(example).not.toContain('--secret');
    const sent = await paste(example);
    expect(sent.code, sent.stderr).toBe(0);
    await listener!.waitFor(/✓ verified {2}message/);
  });

  it('--scheme: the example describes the same sender, and pasted it is verified', async () => {
    const scheme = '{"name":"acme","signature":{"header":"X-Sig","prefix":"sha256="}}';
    await listen(['hmac', '--scheme', scheme, '--secret', 's']);
    const [example] = await listener!.waitFor(/hookguard send .*/);
    expect(example).toContain(`--scheme ${shellQuote(scheme)}`);
    const sent = await paste(example);
    expect(sent.code, sent.stderr).toBe(0);
    await listener!.waitFor(/✓ verified/);
  });
});
