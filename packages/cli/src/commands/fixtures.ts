import { parseCommandArgs } from '../args.js';
import { usageError } from '../cli-error.js';
import { createOutput } from '../io/output.js';
import { resolveFixture } from '../senders/fixtures.js';
import { senderNamed, senders } from '../senders/registry.js';
import type { Command } from './command.js';

export const fixturesCommand: Command = {
  name: 'fixtures',
  summary: 'list the built-in fixtures, or print one as its sender encodes it',
  help: `Usage: hookguard fixtures [provider] [fixture]

Lists the example body of every event each provider types (from @hookguard/core/testing),
or prints one fixture's body exactly as its sender would encode it.

Options:
  --json       print names (or the body) as JSON
  -h, --help   this text`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('fixtures', argv, {});
    const out = createOutput(io, values.json);
    const chosen = positionals[0] === undefined ? senders : [senderNamed(positionals[0])];
    if (positionals[1] !== undefined) {
      const sender = chosen[0]!;
      const fixture =
        resolveFixture(positionals[1], sender) ?? resolveFixture(`${sender.name}:${positionals[1]}`, sender);
      if (!fixture) throw usageError(`unknown fixture "${positionals[1]}"`);
      io.stdout.write(Buffer.from(sender.encode(fixture.payload)));
      io.stdout.write('\n');
      return 0;
    }
    if (values.json) {
      out.json(Object.fromEntries(chosen.map((sender) => [sender.name, Object.keys(sender.fixtures)])));
      return 0;
    }
    for (const sender of chosen) {
      out.line(
        `${out.paint.bold(sender.name)} ${out.paint.dim(`${sender.sender}, ${Object.keys(sender.fixtures).length} fixtures`)}`,
      );
      for (const name of Object.keys(sender.fixtures)) out.line(`  ${sender.name}:${name}`);
    }
    return 0;
  },
};
