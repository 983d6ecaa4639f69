import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { usageError } from '../cli-error.js';
import { readInput } from '../io/read-input.js';
import { resolveFixture, unknownFixture } from './fixtures.js';
import type { SenderProfile } from './sender-profile.js';

export interface BodySource {
  readonly body: Uint8Array;
  /** The event name when the source says (a fixture name, or --event). */
  readonly event: string | undefined;
  /** `onebot:message.group.normal`, a path, or `stdin`. */
  readonly label: string;
  /** The file the bytes came from unchanged, for a `curl --data-binary @file` line. */
  readonly file: string | undefined;
}

export interface BodyOptions {
  /**
   * `sender`: a file is parsed and re-encoded as the sender's own encoder writes it (GOWA sorts
   * keys, NapCat writes compact JSON). `as-is`: the file's bytes are used unchanged.
   */
  readonly encoding: 'sender' | 'as-is';
  readonly event: string | undefined;
  readonly stdin: Readable;
}

/** A fixture name, a file path or `-` (stdin) → the body bytes to sign or send. */
export async function loadBody(
  reference: string,
  sender: SenderProfile,
  options: BodyOptions,
): Promise<BodySource> {
  const source = await readSource(reference, sender, options);
  const outside = sender.eventOutsideBody;
  if (outside !== undefined && source.event === undefined) {
    throw usageError(
      `${sender.name} needs the event name for ${source.label}: ${outside.where}: pass --event (e.g. --event ${outside.example})`,
    );
  }
  return source;
}

async function readSource(
  reference: string,
  sender: SenderProfile,
  options: BodyOptions,
): Promise<BodySource> {
  const fixture = existsSync(reference) ? undefined : resolveFixture(reference, sender);
  if (fixture) {
    return {
      body: sender.encode(fixture.payload),
      event: options.event ?? fixture.event,
      label: `${sender.name}:${fixture.event}`,
      file: undefined,
    };
  }
  if (reference !== '-' && !existsSync(reference) && looksLikeFixtureName(reference)) {
    unknownFixture(reference, sender, reference);
  }
  const bytes = await readInput(reference, options.stdin);
  const label = reference === '-' ? 'stdin' : reference;
  if (options.encoding === 'as-is') {
    return { body: bytes, event: options.event, label, file: reference === '-' ? undefined : reference };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw usageError(
      `${label} is not JSON (${(error as Error).message}); use --raw to send the bytes unchanged`,
    );
  }
  return { body: sender.encode(payload), event: options.event, label, file: undefined };
}

/** `message.group.normal` or `C2C.CallbackBeforeSendMsg`, but not `./body.json` or `body.json`. */
function looksLikeFixtureName(reference: string): boolean {
  return !reference.includes('/') && !reference.includes('\\') && !/\.json5?$/i.test(reference);
}
