#!/usr/bin/env node
import { processIo } from './io/cli-io.js';
import { main } from './main.js';

// Ctrl-C (or a supervisor's SIGTERM) ends `listen` cleanly: servers close, the exit code is 0.
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => stop.abort());
}
const code = await main(process.argv.slice(2), processIo(stop.signal));
// Exit at once: the demo's and send's keep-alive sockets must not hold the process open.
process.exit(code);
