import { parseCommandArgs } from '../args.js';
import { usageError } from '../cli-error.js';
import { ADAPTERS } from '../demo/adapters.js';
import { renderDemoTable } from '../demo/demo-table.js';
import { runDemo } from '../demo/run-demo.js';
import { createOutput } from '../io/output.js';
import { createProgress } from '../io/progress.js';
import { senders } from '../senders/registry.js';
import type { Command } from './command.js';

const options = { all: { type: 'boolean' } } as const;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run every sender against Express, Koa, Fastify and fetch receivers, authentic and tampered',
  help: `Usage: hookguard demo [options]

Needs no setup. Starts a receiver for every provider on Express, Koa, Fastify and a bare
fetch handler, each on a free loopback port; sends every fixture of every provider to each,
once as the real sender sends it and once per tampering (a space added to the body, a wrong
secret, a replay); then prints what came back. The table shows each provider's showcase
event; every other delivery is counted below it, and listed when it went wrong.
Exit code 0 only if every answer is the expected one.

Options:
  --all        list every delivery, not just the showcase rows
  --json       print every row and the totals as JSON
  -h, --help   this text`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('demo', argv, options);
    if (positionals.length > 0) throw usageError(`demo: unexpected argument "${positionals[0]}"`);
    const out = createOutput(io, values.json);
    const progress = createProgress(io.stderr, io.stderr.isTTY === true && !values.json);
    const result = await runDemo(senders, (done, total) => {
      if (done % 25 === 0 || done === total) progress.update(done, total, 'deliveries');
    });
    progress.clear();
    const failures = result.rows.filter((row) => !row.ok);
    if (values.json) {
      out.json({
        ok: failures.length === 0,
        deliveries: result.rows.length,
        failures: failures.length,
        elapsedMs: Math.round(result.elapsedMs),
        rows: result.rows,
      });
      return failures.length === 0 ? 0 : 1;
    }
    const shown = values.all ? result.rows : result.rows.filter((row) => row.showcase || !row.ok);
    // On a terminal the reply column is cut to fit; a pipe gets it whole.
    const replyWidth = io.stdout.columns ? Math.max(30, io.stdout.columns - 110) : Number.POSITIVE_INFINITY;
    const providers = senders.map((sender) => sender.name);
    out.line(renderDemoTable(shown, providers, out.paint, replyWidth));
    out.line();
    const summary = `${result.rows.length} deliveries: ${senders.length} providers × ${ADAPTERS.length} adapters (${ADAPTERS.join(', ')}), every fixture authentic and tampered, in ${(result.elapsedMs / 1000).toFixed(1)} s`;
    out.line(summary);
    out.line(
      failures.length === 0
        ? out.paint.green('✓ every answer as expected')
        : out.paint.red(`✗ ${failures.length} unexpected answer(s), listed above`),
    );
    return failures.length === 0 ? 0 : 1;
  },
};
