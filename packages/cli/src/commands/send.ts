import { integerOption, parseCommandArgs } from '../args.js';
import { usageError } from '../cli-error.js';
import { transmit } from '../http/transmit.js';
import { createOutput } from '../io/output.js';
import { loadBody } from '../senders/body-source.js';
import { senderNamed } from '../senders/registry.js';
import { resolveSecret } from '../senders/secret.js';
import { readReply, shortName } from '../senders/sender-profile.js';
import type { Command } from './command.js';

const options = {
  secret: { type: 'string' },
  scheme: { type: 'string' },
  url: { type: 'string' },
  event: { type: 'string' },
  raw: { type: 'boolean' },
  timeout: { type: 'string' },
} as const;

export const sendCommand: Command = {
  name: 'send',
  summary: 'send a fixture or file exactly as the real sender does, and read the answer as it does',
  help: `Usage: hookguard send <provider> <fixture | file | -> [options]

Sends one delivery the way <provider>'s real sender builds it, then prints the status, the
latency and the answer decoded as that sender reads it. Exit code 0 when the sender would
count the delivery as done, 1 when not.

  onebot        NapCat: JSON.stringify body, chunked (no Content-Length), x-self-id,
                x-signature: sha1=...; the answer is read with JSON5
  whatsapp      GOWA: Go encoding/json bytes (sorted keys, \\u003c escapes), Content-Length,
                X-Hub-Signature-256; any 2xx counts, the body is never read
  tencent-chat  Tencent Cloud Chat: SdkAppid, CallbackCommand, contenttype, ClientIP,
                OptPlatform, Sign, RequestTime in the query; 200 with JSON counts
  github        GitHub: X-GitHub-Event (from the fixture, or --event), X-GitHub-Delivery,
                X-Hub-Signature and X-Hub-Signature-256; any 2xx counts
  standard-webhooks
                webhook-id, webhook-timestamp, webhook-signature (v1,<base64>); whsec_ secret
  hmac          any HMAC sender, described with --scheme (default: the Acme CI example)
  token         a shared token in a header or query (default: GitLab X-Gitlab-Token)

A fixture is a name such as message.group.normal (\`hookguard fixtures <provider>\` lists
them). A file is parsed and re-encoded as the sender encodes JSON; --raw sends its bytes
unchanged.

Options:
  --url <url>      receiver URL (default http://127.0.0.1:8080/<provider path>)
  --secret <s>     the sender's secret (or set HOOKGUARD_SECRET)
  --scheme <json>  hmac, token: the sender described as JSON: hmac() options
                   (signature, algorithm, signed, timestamp, id, event) or token()
                   options (header or query, prefix, event, id); default: the Acme CI
                   example (hmac), GitLab's X-Gitlab-Token (token)
  --event <name>   event name, for senders that send it outside the body
  --raw            send the file's bytes unchanged
  --timeout <ms>   give up after this long (default 10000)
  --json           print the request, the answer and the reading as JSON
  -h, --help       this text`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('send', argv, options);
    const sender = senderNamed(positionals[0], { scheme: values.scheme });
    const reference = positionals[1];
    if (reference === undefined) throw usageError('send: a fixture name, a file, or - for stdin is required');
    if (positionals.length > 2) throw usageError(`send: unexpected argument "${positionals[2]}"`);
    const timeoutMs = integerOption('timeout', values.timeout, { fallback: 10_000, min: 1 });
    const { secret, note } = resolveSecret(sender, values.secret, io.env);
    const source = await loadBody(reference, sender, {
      encoding: values.raw ? 'as-is' : 'sender',
      event: values.event,
      stdin: io.stdin,
    });
    const request = sender.sign({ body: source.body, secret, now: Date.now(), event: source.event });
    const out = createOutput(io, values.json);
    const answer = await transmit(values.url ?? `http://127.0.0.1:8080${sender.path}`, request, {
      timeoutMs,
    });
    // Only once it worked: on a failure the error line is all the user needs.
    if (note) out.note(note);
    const reading = readReply(sender, {
      status: answer.status,
      body: answer.body,
      event: source.event,
      sent: source.body,
    });
    if (values.json) {
      out.json({
        provider: sender.name,
        request: {
          method: request.method ?? 'POST',
          url: answer.url,
          headers: Object.fromEntries(request.headers),
          chunked: request.chunked,
          bytes: request.body.length,
          body: Buffer.from(request.body).toString('utf8'),
        },
        response: {
          status: answer.status,
          latencyMs: round(answer.latencyMs),
          headers: answer.headers,
          body: answer.body,
        },
        reading,
      });
      return reading.delivered ? 0 : 1;
    }
    const { paint } = out;
    out.line(
      `${paint.bold(request.method ?? 'POST')} ${answer.url}  ${paint.dim(`${source.label} as ${sender.sender}`)}`,
    );
    for (const [name, value] of request.headers) out.line(`  ${paint.cyan(name)}: ${value}`);
    out.line(
      `  ${paint.dim(`${request.chunked ? 'chunked, no Content-Length' : 'Content-Length'}, ${request.body.length} bytes`)}`,
    );
    const ok = answer.status >= 200 && answer.status < 300;
    const status = `${answer.status} ${answer.statusText}`.trim();
    out.line(
      `${ok ? paint.green(status) : paint.red(status)}  ${paint.dim(`${round(answer.latencyMs)} ms`)}`,
    );
    if (answer.body !== '') out.line(`  ${answer.body}`);
    const verdict = reading.delivered ? paint.green('✓') : paint.red('✗');
    out.line(`${verdict} ${shortName(sender)}: ${reading.summary}`);
    return reading.delivered ? 0 : 1;
  },
};

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
