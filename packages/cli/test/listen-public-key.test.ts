import { discordPing, discordPublicKeyOf, discordRequest } from '@hookguard/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Background, jsonLines, runCli, startCli } from './support/cli.js';

// RFC 8032 §7.1 TEST 1: the demo's Discord seed and the public key it makes.
const SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUBLIC_KEY = discordPublicKeyOf(SEED);

let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

/** `hookguard send discord application_command`, signed with this seed. */
const sendCommand = (url: string, seed: string) =>
  runCli(['send', 'discord', 'application_command', '--url', `${url}/discord`, '--secret', seed]);

/** Discord's PING, signed now with the demo seed, as Discord sends it when the URL is saved. */
function postPing(url: string): Promise<Response> {
  const ping = discordRequest(discordPing, { privateKey: SEED, timestamp: Math.floor(Date.now() / 1000) });
  return fetch(`${url}/discord`, {
    method: 'POST',
    headers: ping.headers as Record<string, string>,
    body: Buffer.from(ping.body),
  });
}

describe('listen discord --public-key: the key a Discord app owner has', () => {
  it('verifies what the matching private key signs, and says send cannot sign for it', async () => {
    listener = startCli(['listen', 'discord', '--port', '0', '--public-key', PUBLIC_KEY]);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    expect(listener.stdout.text).toContain('hookguard send cannot sign for this public key');
    expect(listener.stdout.text).not.toContain('e.g. hookguard send');
    const sent = await sendCommand(url!, SEED);
    expect(sent.code, sent.stdout).toBe(0);
    await listener.waitFor(/✓ verified {2}application_command/);
  });

  it('refuses what another key signed', async () => {
    const other = 'ab'.repeat(32);
    listener = startCli(['listen', 'discord', '--port', '0', '--public-key', PUBLIC_KEY]);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    const sent = await sendCommand(url!, other);
    expect(sent.code).toBe(1);
    await listener.waitFor(/✗ refused SIGNATURE_MISMATCH/);
  });

  it('shows a PING as a handshake the provider answered, with no event and no handler', async () => {
    listener = startCli(['listen', 'discord', '--port', '0', '--public-key', PUBLIC_KEY, '--json']);
    const [, url] = await listener.waitFor(/"listening":"([^"]+)"/);
    const response = await postPing(url!);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"type":1}');
    await listener.stop();
    const [delivery] = jsonLines(listener.stdout.text).slice(1);
    expect(delivery).toMatchObject({
      verified: true,
      handshake: true,
      response: { status: 200, body: '{"type":1}' },
      payload: { type: 1 },
    });
    expect(delivery?.['event']).toBeUndefined();
  });

  it('prints a handshake as one, in the human-readable form too', async () => {
    listener = startCli(['listen', 'discord', '--port', '0', '--public-key', PUBLIC_KEY]);
    const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
    await postPing(url!);
    await listener.waitFor(/✓ verified {2}handshake \(answered by the provider; no handler runs\)/);
  });
});

describe('listen: which key where', () => {
  it('discord without a key says which one to give, exit 2', async () => {
    const run = await runCli(['listen', 'discord', '--port', '0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/discord needs --public-key \(the Public Key under General Information/);
  });

  it('a malformed public key is a usage error that does not repeat it', async () => {
    const run = await runCli(['listen', 'discord', '--port', '0', '--public-key', 'my-bot-token-abc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad public key for discord/);
    expect(run.stderr).not.toContain('my-bot-token-abc');
  });

  it('--public-key and --secret together are refused', async () => {
    const run = await runCli([
      'listen',
      'discord',
      '--port',
      '0',
      '--public-key',
      PUBLIC_KEY,
      '--secret',
      SEED,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not both');
  });

  it('a shared-secret sender refuses --public-key', async () => {
    const run = await runCli(['listen', 'github', '--port', '0', '--public-key', PUBLIC_KEY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('github verifies with a shared secret, not a public key');
  });
});
