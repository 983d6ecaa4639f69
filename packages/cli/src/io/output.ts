import type { CliIo } from './cli-io.js';
import { colourEnabled, createPaint, type Paint } from './colour.js';

export interface Output {
  /** Colours for stdout (off for a pipe, a file, NO_COLOR, and always under --json). */
  readonly paint: Paint;
  /** Colours for stderr, decided separately: stdout may be piped while stderr is a terminal. */
  readonly paintErr: Paint;
  line(text?: string): void;
  /** Notes for people (what was assumed, where things are); never part of a result a script reads. */
  note(text: string): void;
  json(value: unknown): void;
}

export function createOutput(io: CliIo, json = false): Output {
  const paint = createPaint(!json && colourEnabled(io.stdout, io.env));
  const paintErr = createPaint(colourEnabled(io.stderr, io.env));
  return {
    paint,
    paintErr,
    line: (text = '') => io.stdout.write(`${text}\n`),
    note: (text) => io.stderr.write(`${paintErr.dim(text)}\n`),
    json: (value) => io.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}
