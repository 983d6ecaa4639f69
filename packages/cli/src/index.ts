/**
 * `@hookguard/cli`: the `hookguard` command (sign, send, listen, demo, fixtures) as functions,
 * for scripts and tests that want the commands without a child process.
 */
export { CliError, EXIT_FAILURE, EXIT_USAGE } from './cli-error.js';
export { type DemoResult, type DemoRow, runDemo } from './demo/run-demo.js';
export type { CliIo } from './io/cli-io.js';
export { commands, main } from './main.js';
export { findSender, senders } from './senders/registry.js';
export type { OutgoingRequest, ReplyReading, SenderProfile } from './senders/sender-profile.js';
