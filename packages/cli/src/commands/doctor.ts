import { diagnose } from '@hookguard/core/testing';
import { parseCommandArgs } from '../args.js';
import { EXIT_FAILURE, usageError } from '../cli-error.js';
import { parseSavedRequest } from '../doctor/saved-request.js';
import { createOutput } from '../io/output.js';
import { readInput } from '../io/read-input.js';
import { senderNamed } from '../senders/registry.js';
import type { Command } from './command.js';

const options = {
  secret: { type: 'string', multiple: true },
  'public-key': { type: 'string', multiple: true },
  scheme: { type: 'string' },
  at: { type: 'string' },
} as const;

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'say which known mistake makes a saved request fail verification',
  help: `Usage: hookguard doctor <provider> <request-file | -> [options]

Re-runs <provider>'s own verification on a saved request that failed, changed the way each
known mistake changes it (a body parser re-serialised the JSON, a newline or BOM added or
removed, the secret with whitespace or in another encoding, another signature encoding or
prefix or hash, a clock outside the window, a copied example signature, Tencent's documentation
token), and names the one that explains the failure, with its fix. The secret is never printed.

The request file is a line \`hookguard listen --json\` printed (it carries the exact body), or a
raw HTTP request: request line, headers, a blank line, the body bytes.

Options:
  --secret <s>     the secret the receiver verifies with (or set HOOKGUARD_SECRET); repeat it
                   for a rotation
  --public-key <k> discord: the Public Key the receiver verifies with
  --scheme <json>  hmac, token: the sender described as JSON, as for listen
  --at <time>      when the request arrived (ISO time, or Unix seconds); default: the file's
                   "at", else now
  --json           {verdict, mistake, message, refusal}
  -h, --help       this text

Exit codes: 0 the request verifies or a mistake explains it; 1 no known mistake explains it;
2 the command line or the file is wrong.`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('doctor', argv, options);
    const kit = senderNamed(positionals[0], { scheme: values.scheme });
    if (positionals[1] === undefined) throw usageError('doctor: a request file (or - for stdin) is required');
    if (positionals.length > 2) throw usageError(`doctor: unexpected argument "${positionals[2]}"`);
    const publicKeys = values['public-key'] ?? [];
    if (publicKeys.length > 0 && kit.verifyKey === undefined) {
      throw usageError(`${kit.name} verifies with a shared secret, not a public key: use --secret`);
    }
    const fromEnv = io.env['HOOKGUARD_SECRET'];
    const secrets = publicKeys.length > 0 ? publicKeys : (values.secret ?? (fromEnv ? [fromEnv] : []));
    if (secrets.length === 0 && !kit.secret.optional) {
      throw usageError(`${kit.name} needs --secret (${kit.secret.where})`);
    }
    const saved = parseSavedRequest(await readInput(positionals[1], io.stdin));
    const diagnosis = await diagnose({
      kit,
      request: saved.request,
      secrets,
      publicKey: publicKeys.length > 0,
      receivedAt: parseTime(values.at) ?? saved.receivedAt ?? Date.now(),
    });
    const out = createOutput(io, values.json);
    if (values.json) out.json(diagnosis);
    else {
      const { paint } = out;
      if (diagnosis.refusal) {
        out.line(`${paint.red(`✗ refused ${diagnosis.refusal.code}`)}  ${diagnosis.refusal.message}`);
      }
      const mark =
        diagnosis.verdict === 'verified'
          ? paint.green('✓')
          : diagnosis.verdict === 'explained'
            ? paint.yellow('→')
            : paint.red('?');
      out.line(`${mark} ${diagnosis.message}`);
    }
    return diagnosis.verdict === 'unexplained' ? EXIT_FAILURE : 0;
  },
};

function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d{9,10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) throw usageError(`--at must be an ISO time or Unix seconds, not "${text}"`);
  return parsed;
}
