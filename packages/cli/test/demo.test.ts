import { runDemo, senders } from '@hookguard/cli';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli, spawnCommand } from './support/cli.js';

const ADAPTERS = ['express', 'koa', 'fastify', 'fetch'];

describe('pnpm demo', () => {
  it('runs hookguard demo from source, exits 0, and its table covers every provider on every adapter', async () => {
    const run = await spawnCommand('pnpm', ['--silent', 'demo']);
    expect(run.code, run.stderr).toBe(0);
    // Piped: plain text, no colour escapes, no progress line.
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stderr).toBe('');
    const rows = run.stdout
      .split('\n')
      .filter((line) => senders.some((sender) => line.startsWith(`${sender.name} `)));
    for (const sender of senders) {
      const showcase = rows.filter(
        (line) => line.startsWith(`${sender.name} `) && line.includes(` ${sender.demo.showcase} `),
      );
      // The authentic delivery and each tampering, each answered by all four adapters.
      expect(showcase, sender.name).toHaveLength(1 + sender.tamperings.length);
      for (const line of showcase) {
        for (const adapter of ADAPTERS) expect(line, sender.name).toContain(adapter);
        expect(line).toContain('✓');
      }
    }
    expect(run.stdout).toMatch(new RegExp(`^\\d+ deliveries: ${senders.length} providers × 4 adapters`, 'm'));
    expect(run.stdout).toContain('✓ every answer as expected');
  }, 60_000);
});

describe('hookguard demo --json', () => {
  it('the binary writes all of it to a pipe before exiting (hundreds of kilobytes)', async () => {
    const run = await spawnCli(['demo', '--json']);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, failures: 0 });
  }, 60_000);

  it('sends every fixture of every provider to every adapter, authentic and tampered, all as expected', async () => {
    const run = await runCli(['demo', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      failures: number;
      rows: {
        provider: string;
        event: string;
        adapter: string;
        tampering: string | null;
        status: number;
        ok: boolean;
      }[];
    };
    expect(result).toMatchObject({ ok: true, failures: 0 });
    for (const sender of senders) {
      for (const adapter of ADAPTERS) {
        const rows = result.rows.filter((row) => row.provider === sender.name && row.adapter === adapter);
        const authentic = rows.filter((row) => row.tampering === undefined || row.tampering === null);
        expect(authentic.map((row) => row.event).sort()).toEqual(Object.keys(sender.fixtures).sort());
        // Every fixture is also sent tampered, and every tampering is tried.
        const tampered = rows.filter((row) => typeof row.tampering === 'string');
        expect(new Set(tampered.map((row) => row.event)).size).toBe(Object.keys(sender.fixtures).length);
        expect(new Set(tampered.map((row) => row.tampering)).size).toBe(sender.tamperings.length);
      }
    }
    // A signature over the body notices one added space; Tencent's Sign and a token do not cover it
    // (Telegram's demo answers a message or a button with a method call: 200, the rest 204).
    const spaced = result.rows.filter((row) => row.tampering?.startsWith('body + 1 space'));
    const unsigned: Record<string, number[]> = {
      'tencent-chat': [200],
      token: [204],
      telegram: [200, 204],
      matrix: [200],
      // DingTalk's robot sign covers the timestamp only.
      'dingtalk-robot': [200],
    };
    for (const row of spaced) expect(unsigned[row.provider] ?? [401], row.provider).toContain(row.status);
  }, 60_000);

  it('an answer other than the expected one fails the run', async () => {
    // The real NapCat receiver, judged against an expectation it does not meet.
    const onebotSender = senders.find((sender) => sender.name === 'onebot')!;
    const strict = {
      ...onebotSender,
      demo: { ...onebotSender.demo, expect: () => ({ status: 200, body: '{"reply":"hi"}' }) },
    };
    const result = await runDemo([strict]);
    const group = result.rows.find(
      (row) => row.event === 'message.group.normal' && row.tampering === undefined,
    );
    expect(group).toMatchObject({ ok: false, status: 200, body: '{"reply":"pong","at_sender":true}' });
    const heartbeat = result.rows.find(
      (row) => row.event === 'meta_event.heartbeat' && row.tampering === undefined,
    );
    expect(heartbeat).toMatchObject({ ok: false, status: 204 });
  }, 60_000);
});

describe('colour', () => {
  it('a terminal gets colour and a progress line; NO_COLOR turns colour off', async () => {
    const tty = await runCli(['demo'], { tty: true });
    expect(tty.stdout).toContain('\u001b[32m✓\u001b[39m');
    // The progress line: carriage return, erase line, the count.
    expect(tty.stderr).toContain('\r\u001b[2K');
    expect(tty.stderr).toMatch(/ {2}\d+\/\d+ deliveries/);
    const noColour = await runCli(['fixtures', 'onebot'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColour.stdout).not.toContain('\u001b[');
    const coloured = await runCli(['fixtures', 'onebot'], { tty: true });
    expect(coloured.stdout).toContain('\u001b[1monebot\u001b[22m');
  }, 60_000);
});
