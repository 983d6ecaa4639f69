import { tryParseJson } from '../json-fields.js';
import { shortName } from '../sender-kit.js';
import { type Attempt, type DoctorCase, givenVerifiers, type Mistake, withBody } from './mistake.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A body mistake: the signature matches these other bytes, so the body changed between signing
 * and verifying. `variant` returns undefined where the mistake cannot apply (not JSON, no BOM).
 */
function bodyMistake(
  name: string,
  explanation: string,
  variant: (body: Buffer, failed: DoctorCase) => Uint8Array | undefined,
): Mistake {
  return {
    name,
    *attempts(failed) {
      if (!failed.kit.proof.coversBody) return;
      const body = Buffer.from(failed.request.body);
      const changed = variant(body, failed);
      if (changed === undefined || body.equals(changed)) return;
      for (const provider of givenVerifiers(failed)) {
        yield { provider, request: withBody(failed.request, changed), explanation } satisfies Attempt;
      }
    },
  };
}

function reencoded(body: Buffer, write: (value: unknown) => string | Uint8Array): Uint8Array | undefined {
  const value = tryParseJson(body);
  if (value === undefined) return undefined;
  const written = write(value);
  return typeof written === 'string' ? Buffer.from(written, 'utf8') : written;
}

/**
 * Byte-level changes first: a newline or BOM also survives JSON.parse, and would otherwise be
 * reported as a re-serialisation.
 */
export const bodyMistakes: readonly Mistake[] = [
  bodyMistake(
    'body-newline-removed',
    'The signature matches this body with a trailing newline, which the bytes given lack: something removed ' +
      'it after signing (a shell $(…), an editor, a logger); send and verify the bytes exactly as signed.',
    (body) => Buffer.concat([body, Buffer.from('\n')]),
  ),
  bodyMistake(
    'body-newline-added',
    'The signature matches this body without its trailing newline: one was added after signing (echo, ' +
      'an editor saving the file); send exactly the signed bytes (printf, curl --data-binary @file).',
    (body) => {
      if (body.at(-1) !== 0x0a) return undefined;
      return body.subarray(0, body.at(-2) === 0x0d ? -2 : -1);
    },
  ),
  bodyMistake(
    'body-bom-added',
    'The signature matches this body without its leading UTF-8 byte order mark: a BOM was added after ' +
      'signing (a file saved "UTF-8 with BOM"); save and send the body without one.',
    (body) => (body.subarray(0, 3).equals(BOM) ? body.subarray(3) : undefined),
  ),
  bodyMistake(
    'body-bom-removed',
    'The signature covers a UTF-8 byte order mark that this body lacks: something stripped the BOM before ' +
      'verification (a text decoder or body parser); verify the exact raw bytes.',
    (body) => (body.subarray(0, 3).equals(BOM) ? undefined : Buffer.concat([BOM, body])),
  ),
  bodyMistake(
    'body-reserialised',
    'The signature matches this body re-serialised with JSON.stringify(JSON.parse(…)), not the bytes given: ' +
      'the JSON was parsed and written again between signing and verifying (a body parser ran first); ' +
      'verify the exact raw bytes, before any JSON body parser.',
    (body) => reencoded(body, (value) => JSON.stringify(value)),
  ),
  bodyMistake(
    'body-reencoded',
    "The signature matches this body written again by the sender's own JSON encoder, not the bytes given: " +
      'the JSON was parsed and re-serialised before verification (a body parser ran first); ' +
      'verify the exact raw bytes, before any JSON body parser.',
    (body, failed) => reencoded(body, (value) => failed.kit.encode(value)),
  ),
  bodyMistake(
    'body-pretty-printed',
    'The signature matches this body pretty-printed (JSON.stringify(…, null, 2)): the sender signed indented ' +
      'JSON and it was re-serialised compactly before verification (a body parser ran first); ' +
      'verify the exact raw bytes, before any JSON body parser.',
    (body) => reencoded(body, (value) => JSON.stringify(value, null, 2)),
  ),
];

/**
 * The signature belongs to one of the sender's example bodies (the ones hookguard's kit ships),
 * copied from an example or a test vector onto another body.
 */
export const exampleBodyMistake: Mistake = {
  name: 'example-body',
  *attempts(failed) {
    if (!failed.kit.proof.coversBody) return;
    const body = Buffer.from(failed.request.body);
    for (const [event, payload] of Object.entries(failed.kit.fixtures)) {
      const example = failed.kit.encode(payload);
      if (body.equals(example)) continue;
      const explanation =
        `The signature is for ${shortName(failed.kit)}'s example body "${event}", not for this body: ` +
        'it was copied from an example or test vector; sign the exact body you send.';
      for (const provider of givenVerifiers(failed)) {
        yield { provider, request: withBody(failed.request, example), explanation };
      }
    }
  },
};
