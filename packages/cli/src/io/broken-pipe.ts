import type { Writable } from 'node:stream';
import { EXIT_FAILURE } from '../cli-error.js';

/** What a shell reports for a program that SIGPIPE ended: 128 + signal 13. */
export const EXIT_BROKEN_PIPE = 141;

/**
 * `hookguard demo --all | head -1`: once `head` has its line it goes away, and the next write
 * fails with EPIPE. `cat` or `seq` die of SIGPIPE there without a word; Node ignores SIGPIPE, so
 * the failed write becomes an unhandled 'error' event and a stack trace. This ends the process
 * quietly instead, with the exit code the shell shows for those tools, so `set -o pipefail`
 * treats hookguard like any other producer, and a cut-off run is never reported as a finished one.
 * Any other write error on stdout is one line on stderr and exit 1, like every CLI error.
 */
export function endQuietlyOnBrokenPipe(
  streams: { readonly stdout: Writable; readonly stderr: Writable },
  exit: (code: number) => void,
): void {
  streams.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(EXIT_BROKEN_PIPE);
    streams.stderr.write(`hookguard: cannot write to stdout: ${error.code ?? error.message}\n`);
    exit(EXIT_FAILURE);
  });
  // Nowhere left to report a failure of stderr itself.
  streams.stderr.on('error', (error: NodeJS.ErrnoException) =>
    exit(error.code === 'EPIPE' ? EXIT_BROKEN_PIPE : EXIT_FAILURE),
  );
}
