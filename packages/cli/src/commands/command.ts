import type { CliIo } from '../io/cli-io.js';

/** One `hookguard <name>` command: its help text and what it runs. Returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
