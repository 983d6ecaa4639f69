/** Exit codes: 1 = the run worked but the outcome was bad (a refused delivery, a demo mismatch, an
 * unreachable URL, a busy port); 2 = the command line itself is wrong (unknown name, bad option, no
 * command at all); 141 = whoever read stdout stopped reading (see io/broken-pipe.ts). */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/**
 * A failure the user can act on. `main` prints its message as one line on stderr, never a stack
 * trace: webhook debugging already has enough noise.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_USAGE) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * A provider's configuration error without its `hookguard onebot():` prefix, so the CLI's own
 * one-line message can say where it came from.
 */
export function providerMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^hookguard(\s+\w+\(\))?:?\s*/, '');
}

export function usageError(message: string): CliError {
  return new CliError(message, EXIT_USAGE);
}

export function runtimeError(message: string): CliError {
  return new CliError(message, EXIT_FAILURE);
}
