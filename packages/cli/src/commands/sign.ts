import { parseCommandArgs } from '../args.js';
import { usageError } from '../cli-error.js';
import { targetUrl } from '../http/transmit.js';
import { createOutput } from '../io/output.js';
import { loadBody } from '../senders/body-source.js';
import { curlLine } from '../senders/curl-line.js';
import { senderNamed } from '../senders/registry.js';
import { resolveSecret } from '../senders/secret.js';
import type { Command } from './command.js';

const options = {
  secret: { type: 'string' },
  scheme: { type: 'string' },
  url: { type: 'string' },
  event: { type: 'string' },
} as const;

export const signCommand: Command = {
  name: 'sign',
  summary: 'print the headers or query string a sender attaches to a body, and a curl line',
  help: `Usage: hookguard sign <provider> [fixture | file | -] [options]

Prints what <provider>'s real sender attaches to this body (headers, or Tencent's query
string) and a ready curl command that sends the same request. A file or stdin is signed
byte for byte as given; a fixture (e.g. message.group.normal) is encoded as the sender
encodes it. With no body argument, stdin is read when it is not a terminal.

Options:
  --secret <s>   the sender's secret (or set HOOKGUARD_SECRET)
  --scheme <json>
                 hmac, token: the sender described as JSON: hmac() options
                 (signature, algorithm, signed, timestamp, id, event) or token()
                 options (header or query, prefix, event, id); default: the Acme CI
                 example (hmac), GitLab's X-Gitlab-Token (token)
  --url <url>    receiver URL for the curl line (default http://127.0.0.1:8080/<provider path>)
  --event <name> event name, for senders that send it outside the body
  --json         print {headers, query, url, body, curl} as JSON
  -h, --help     this text`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('sign', argv, options);
    const sender = senderNamed(positionals[0], { scheme: values.scheme });
    if (positionals.length > 2) throw usageError(`sign: unexpected argument "${positionals[2]}"`);
    const reference = positionals[1] ?? ((io.stdin as { isTTY?: boolean }).isTTY ? undefined : '-');
    if (reference === undefined) {
      throw usageError('sign: a body is required: a fixture name, a file, or - for stdin');
    }
    const { secret, note } = resolveSecret(sender, values.secret, io.env);
    const source = await loadBody(reference, sender, {
      encoding: 'as-is',
      event: values.event,
      stdin: io.stdin,
    });
    const request = sender.sign({ body: source.body, secret, now: Date.now(), event: source.event });
    const url = targetUrl(values.url ?? `http://127.0.0.1:8080${sender.path}`, request);
    const curl = curlLine(url, request, source.file);
    const out = createOutput(io, values.json);
    if (note) out.note(note);
    if (values.json) {
      out.json({
        provider: sender.name,
        method: request.method ?? 'POST',
        url,
        query: Object.fromEntries(request.query),
        headers: Object.fromEntries(request.headers),
        chunked: request.chunked,
        body: Buffer.from(request.body).toString('utf8'),
        curl,
      });
      return 0;
    }
    const { paint } = out;
    out.line(paint.dim(`# ${sender.sender}: ${sender.wire}`));
    if (request.query.length > 0) {
      out.line(paint.bold('query'));
      for (const [name, value] of request.query) out.line(`  ${name}=${value}`);
    }
    out.line(paint.bold('headers'));
    for (const [name, value] of request.headers) out.line(`  ${paint.cyan(name)}: ${value}`);
    out.line(
      `  ${paint.dim(request.chunked ? '(Transfer-Encoding: chunked, no Content-Length)' : `(Content-Length: ${request.body.length})`)}`,
    );
    out.line();
    out.line(curl);
    return 0;
  },
};
