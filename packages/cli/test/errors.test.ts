import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commands } from '@hookguard/cli';
import { afterEach, describe, expect, it } from 'vitest';
import { type Run, runCli, spawnCli } from './support/cli.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function bound(handler: Parameters<typeof createServer>[1] = () => {}): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One clear line on stderr, nothing on stdout, no stack trace. */
function expectOneLine(run: Run, code: number, message: string | RegExp): void {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr.startsWith('hookguard: ')).toBe(true);
  if (typeof message === 'string') expect(run.stderr).toContain(message);
  else expect(run.stderr).toMatch(message);
}

describe('errors are one line on stderr and a non-zero exit code', () => {
  it('unreachable URL: exit 1', async () => {
    const port = await closedPort();
    const run = await runCli([
      'send',
      'onebot',
      'message.group.normal',
      '--url',
      `http://127.0.0.1:${port}/onebot`,
    ]);
    expectOneLine(
      run,
      1,
      `hookguard: cannot reach 127.0.0.1:${port}: connection refused (is the receiver running?)`,
    );
  });

  it('a receiver that never answers: exit 1 after --timeout', async () => {
    const port = await bound(() => {});
    const run = await runCli([
      'send',
      'whatsapp',
      'message',
      '--url',
      `http://127.0.0.1:${port}/`,
      '--timeout',
      '200',
    ]);
    expectOneLine(run, 1, `no answer from 127.0.0.1:${port} within 0.2 s`);
  });

  it('an invalid URL: exit 2', async () => {
    expectOneLine(
      await runCli(['send', 'onebot', 'meta_event.heartbeat', '--url', 'localhost:8080']),
      2,
      'invalid --url',
    );
  });

  it('bad secret: a Standard Webhooks key that is not whsec_<base64>, exit 2', async () => {
    const run = await runCli(['send', 'standard-webhooks', 'contact.created', '--secret', 'not base64!']);
    expectOneLine(
      run,
      2,
      'hookguard: bad secret for standard-webhooks: secret #1 is not a "whsec_<base64>" signing secret',
    );
  });

  it('bad secret: an empty --secret, exit 2', async () => {
    expectOneLine(
      await runCli(['sign', 'onebot', 'meta_event.heartbeat', '--secret', '']),
      2,
      'bad secret: --secret is empty',
    );
  });

  it('a missing secret the sender always has: exit 2, saying where to find it', async () => {
    const run = await runCli(['listen', 'github', '--port', '0']);
    expectOneLine(
      run,
      2,
      'github needs --secret (the webhook\'s "Secret" in the repository settings on GitHub)',
    );
  });

  it('unknown fixture: exit 2, with near names and how to list them', async () => {
    const run = await runCli(['send', 'onebot', 'onebot:message.group.nope', '--secret', 's']);
    expectOneLine(
      run,
      2,
      /unknown fixture "onebot:message\.group\.nope"; did you mean onebot:message\.group\.normal/,
    );
    expect(run.stderr).toContain('`hookguard fixtures onebot`');
  });

  it("another provider's fixture: exit 2", async () => {
    const run = await runCli(['send', 'onebot', 'whatsapp:message']);
    expectOneLine(run, 2, 'fixture "whatsapp:message" belongs to whatsapp, not onebot');
  });

  it('unknown provider: exit 2, listing the known ones', async () => {
    const run = await runCli(['sign', 'mattermost', 'x.json']);
    expectOneLine(
      run,
      2,
      'hookguard: unknown provider "mattermost"; known providers: onebot, whatsapp, tencent-chat, github, standard-webhooks, hmac, token',
    );
  });

  it('port in use: exit 1', async () => {
    const port = await bound();
    const run = await runCli(['listen', 'onebot', '--port', String(port), '--secret', 's']);
    expectOneLine(run, 1, `hookguard: port ${port} is already in use; choose another with --port`);
  });

  it('a file that does not exist, and a GitHub body with no event name: exit 2', async () => {
    expectOneLine(await runCli(['send', 'onebot', './nowhere.json']), 2, 'no such file: ./nowhere.json');
    const run = await runCli(['sign', 'github', '-', '--secret', 's'], { stdin: '{"zen":"x"}' });
    expectOneLine(run, 2, 'github needs the event name for stdin');
  });

  it('unknown command, unknown option, bad --port, bad --scheme: exit 2', async () => {
    expectOneLine(
      await runCli(['recieve']),
      2,
      'unknown command "recieve"; commands: demo, send, listen, sign, fixtures',
    );
    expectOneLine(
      await runCli(['send', 'onebot', 'x', '--secert', 's']),
      2,
      /unknown option '--secert'.*hookguard send --help/,
    );
    expectOneLine(
      await runCli(['listen', 'onebot', '--port', '99999']),
      2,
      '--port must be a whole number from 0 to 65535',
    );
    expectOneLine(
      await runCli([
        'sign',
        'hmac',
        '-',
        '--secret',
        's',
        '--scheme',
        '{"signature":{"header":"x"},"algorithm":"md5"}',
      ]),
      2,
      'bad --scheme: algorithm must be sha1, sha256 or sha512',
    );
  });

  it('the real binary: exit codes and one line, no stack trace', async () => {
    const port = await closedPort();
    const [unknown, unreachable] = await Promise.all([
      spawnCli(['send', 'nosuch', 'x']),
      spawnCli(['send', 'onebot', 'meta_event.heartbeat', '--url', `http://127.0.0.1:${port}/`]),
    ]);
    expectOneLine(unknown, 2, 'unknown provider "nosuch"');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toBe('');
    // The "unsigned" note, then the error: still no stack.
    expect(unreachable.stderr).toContain(`hookguard: cannot reach 127.0.0.1:${port}: connection refused`);
    expect(unreachable.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--help', () => {
  it.each(commands.map((command) => command.name))(
    'hookguard %s --help prints its usage and exits 0',
    async (name) => {
      const run = await runCli([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: hookguard ${name}`));
      expect(run.stdout).toContain('--json');
    },
  );

  it('hookguard with no command is a wrong command line: the usage on stderr, exit 2', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: hookguard <command>/);
    for (const command of commands) expect(run.stderr).toMatch(new RegExp(`^ {2}${command.name} +\\S`, 'm'));
  });

  it.each(['--help', 'help', '-h'])('hookguard %s prints the usage on stdout and exits 0', async (flag) => {
    const run = await runCli([flag]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Usage: hookguard <command>/);
  });

  it('the real binary: no command exits 2 with the usage on stderr; --help exits 0', async () => {
    const [bare, help] = await Promise.all([spawnCli([]), spawnCli(['--help'])]);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toMatch(/^Usage: hookguard <command>/);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: hookguard <command>/);
  });

  it('hookguard --help lists every command', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^ {2}${command.name} +\\S`, 'm'));
  });
});
