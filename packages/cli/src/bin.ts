#!/usr/bin/env node
import { endQuietlyOnBrokenPipe } from './io/broken-pipe.js';
import { processIo } from './io/cli-io.js';
import { main } from './main.js';

endQuietlyOnBrokenPipe(process, (code) => process.exit(code));

// Ctrl-C (or a supervisor's SIGTERM) ends `listen` cleanly: servers close, the exit code is 0.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => stop.abort());
}
const code = await main(process.argv.slice(2), processIo(stop.signal));
// Writes to a pipe are asynchronous: wait until both streams have flushed (`demo --json` is
// hundreds of kilobytes), then exit at once so no keep-alive socket holds the process open.
await Promise.all(
  [process.stdout, process.stderr].map(
    (stream) => new Promise<void>((resolve) => stream.write('', () => resolve())),
  ),
);
process.exit(code);
