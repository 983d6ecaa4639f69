import { describe, expect, it } from 'vitest';
import { runCli, spawnCliIntoHangUp } from './support/cli.js';

/** What the shell shows for `cat` or `seq` ended by SIGPIPE: the code hookguard ends with too. */
const BROKEN_PIPE = 141;

/** Quiet: not a word on stderr (certainly no stack trace), and the broken-pipe exit code. */
function expectQuietEnd(ended: { code: number | null; signal: NodeJS.Signals | null; stderr: string }) {
  expect(ended.stderr).not.toMatch(/\n\s+at /);
  expect(ended.stderr).not.toContain('EPIPE');
  expect(ended.stderr).toBe('');
  expect(ended).toMatchObject({ code: BROKEN_PIPE, signal: null });
}

// Each case starts the real bin through tsx in a child process (the demo starts four servers):
// seconds on a quiet machine, far more on a loaded CI runner, so a generous per-test limit.
const CHILD_PROCESS_MS = 90_000;

describe('output into a pipe whose reader has gone away', { timeout: CHILD_PROCESS_MS }, () => {
  // Each command's first write fails: the reader hung up before the binary had started.
  it.each(['fixtures', 'fixtures --json', 'fixtures onebot message.group.normal'])(
    'hookguard %s ends quietly with exit 141',
    async (line) => {
      expectQuietEnd(await spawnCliIntoHangUp(line.split(' '), 'start').exit);
    },
  );

  it('hookguard demo --json | head -1: the first line arrives, the rest ends quietly with exit 141', async () => {
    // Hundreds of kilobytes: far more than a pipe holds, so writes are still going when the reader leaves.
    const run = spawnCliIntoHangUp(['demo', '--json'], 'first line');
    expect(await run.firstLine).toBe('{');
    expectQuietEnd(await run.exit);
  });

  it('hookguard demo --all ends quietly with exit 141', async () => {
    expectQuietEnd(await spawnCliIntoHangUp(['demo', '--all'], 'start').exit);
  });

  it('hookguard listen | head -1: the next delivery after the reader left ends it quietly, exit 141', async () => {
    const run = spawnCliIntoHangUp(['listen', 'onebot', '--port', '0', '--secret', 's'], 'first line');
    const [, url] = (await run.firstLine).match(/listening on (http:\/\/\S+)/) ?? [];
    expect(url).toBeDefined();
    const sent = await runCli([
      'send',
      'onebot',
      'message.group.normal',
      '--url',
      `${url}/onebot`,
      '--secret',
      's',
    ]);
    // The receiver answered before it printed the delivery: the sender saw a normal delivery.
    expect(sent.code).toBe(0);
    expectQuietEnd(await run.exit);
  });
});
