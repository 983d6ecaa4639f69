import { readFileSync } from 'node:fs';
import { CliError, EXIT_FAILURE, EXIT_USAGE, usageError } from './cli-error.js';
import type { Command } from './commands/command.js';
import { demoCommand } from './commands/demo.js';
import { doctorCommand } from './commands/doctor.js';
import { fixturesCommand } from './commands/fixtures.js';
import { listenCommand } from './commands/listen.js';
import { sendCommand } from './commands/send.js';
import { signCommand } from './commands/sign.js';
import type { CliIo } from './io/cli-io.js';
import { colourEnabled, createPaint } from './io/colour.js';
import { senders } from './senders/registry.js';

export const commands: readonly Command[] = [
  demoCommand,
  sendCommand,
  listenCommand,
  signCommand,
  fixturesCommand,
  doctorCommand,
];

function generalHelp(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: hookguard <command> [options]

Speaks every sender's wire format exactly, to debug webhooks you cannot see.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Providers: ${senders.map((sender) => sender.name).join(', ')}

\`hookguard <command> --help\` shows a command's options.`;
}

/**
 * Runs one command line and returns the exit code. Never throws: a CliError becomes one line on
 * stderr; anything else is reported as one line too, since a stack trace helps nobody at a prompt
 * (HOOKGUARD_DEBUG=1 shows it).
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    // A bare `hookguard` is a wrong command line, so a script that forgot its arguments fails.
    if (name === undefined) {
      io.stderr.write(`${generalHelp()}\n`);
      return EXIT_USAGE;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.stdout.write(`${topic === undefined ? generalHelp() : commandNamed(topic).help}\n`);
      return 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write(`${version()}\n`);
      return 0;
    }
    const command = commandNamed(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${command.help}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    const paint = createPaint(colourEnabled(io.stderr, io.env));
    if (error instanceof CliError) {
      io.stderr.write(`${paint.red('hookguard:')} ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(
      `${paint.red('hookguard:')} unexpected error: ${(error as Error)?.message ?? String(error)}\n`,
    );
    if (io.env['HOOKGUARD_DEBUG']) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_FAILURE;
  }
}

function commandNamed(name: string): Command {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    throw usageError(`unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}`);
  }
  return command;
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
