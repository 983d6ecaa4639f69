import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReceiver, type Provider, silentLogger } from '@hookguard/core';
import { writeNodeResponse } from '@hookguard/core/adapter';
import { integerOption, parseCommandArgs } from '../args.js';
import { runtimeError, usageError } from '../cli-error.js';
import type { CliIo } from '../io/cli-io.js';
import { createOutput, type Output } from '../io/output.js';
import { type Delivery, receiveDelivery } from '../listen/delivery.js';
import { type DoctorSetup, diagnoseDelivery } from '../listen/diagnose-delivery.js';
import { exampleSendCommand, secretOrigin } from '../listen/example-send.js';
import { formatDelivery } from '../listen/format-delivery.js';
import {
  type ForwardSetup,
  forwardDelivery,
  parseForwardTo,
  writeForwardedAnswer,
} from '../listen/forward.js';
import { listeningProvider } from '../listen/listening-provider.js';
import { type Inspector, startInspector } from '../listen/ui/server.js';
import { createDeliveryStore } from '../listen/ui/store.js';
import { senderNamed } from '../senders/registry.js';
import { type SenderProfile, shortName } from '../senders/sender-profile.js';
import type { Command } from './command.js';

const options = {
  secret: { type: 'string' },
  'public-key': { type: 'string' },
  scheme: { type: 'string' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  reply: { type: 'string' },
  'forward-to': { type: 'string' },
  ui: { type: 'boolean' },
  'ui-port': { type: 'string' },
  keep: { type: 'string' },
} as const;

/** Deliveries the inspector keeps by default, and at most: each may hold a body up to the body limit. */
const KEEP_DEFAULT = 500;
const KEEP_MAX = 5000;

export const listenCommand: Command = {
  name: 'listen',
  summary: 'run a local receiver that verifies and prints every delivery',
  help: `Usage: hookguard listen <provider> [options]

Starts a receiver for <provider> on every path of http://<host>:<port> and prints each
delivery as it arrives: the headers exactly as the sender wrote them, whether the proof
verified (or why not; "unverified (no secret)" when listening without a secret), the event
name, the typed payload, and the reply sent back, as the sender reads it. Point the real
sender at it to learn what it really sends. Ctrl-C stops.

Options:
  --secret <s>    the secret the sender is configured with (or set HOOKGUARD_SECRET)
  --public-key <k> discord: the application's Public Key, which verifies what Discord
                  signs (--secret takes the signing seed instead, as hookguard send does)
  --scheme <json> hmac, token: the sender described as JSON: hmac() options
                  (signature, algorithm, signed, timestamp, id, event) or token()
                  options (header or query, prefix, event, id); default: the Acme CI
                  example (hmac), GitLab's X-Gitlab-Token (token)
  -p, --port <n>  port (default 8080, NapCat's default URL; 0 picks a free one)
  --host <h>      interface (default 127.0.0.1; 0.0.0.0 to accept other machines)
  --reply <json>  answer every event with this reply, e.g. '{"reply":"pong"}' (onebot)
                  or '{"decision":"reject","code":1,"info":""}' (tencent-chat)
  --forward-to <url>
                  also send each delivery's exact bytes and headers to your app (the
                  path and query appended to <url>'s path; refused ones too, so your
                  receiver refuses them as in production) and return the app's answer
                  to the sender; an app that is down or misses the sender's deadline:
                  see the CLI README
  --ui            also serve an inspector page on http://127.0.0.1 (never another
                  interface, whatever --host says): every delivery live, its verdict and
                  the doctor's diagnosis, headers, raw and pretty body, the answer; filter,
                  copy as curl or hookguard send, replay
  --ui-port <n>   the inspector's port (default 0: a free one, printed at start)
  --keep <n>      deliveries the inspector keeps, oldest dropped first (default ${KEEP_DEFAULT},
                  at most ${KEEP_MAX})
  --json          one JSON object per delivery (NDJSON); save a refused one to a file
                  for \`hookguard doctor\`
  -h, --help      this text`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('listen', argv, options);
    const sender = senderNamed(positionals[0], { scheme: values.scheme });
    if (positionals.length > 1) throw usageError(`listen: unexpected argument "${positionals[1]}"`);
    const port = integerOption('port', values.port, { fallback: 8080, min: 0, max: 65535 });
    const host = values.host ?? '127.0.0.1';
    const reply = parseReply(values.reply);
    const target = parseForwardTo(values['forward-to']);
    if (!values.ui && (values.keep !== undefined || values['ui-port'] !== undefined)) {
      throw usageError('--keep and --ui-port go with --ui');
    }
    const keep = integerOption('keep', values.keep, { fallback: KEEP_DEFAULT, min: 1, max: KEEP_MAX });
    const uiPort = integerOption('ui-port', values['ui-port'], { fallback: 0, min: 0, max: 65535 });
    const store = values.ui ? createDeliveryStore(keep) : undefined;
    const { provider, note, secretForExample, doctor } = listeningProvider(sender, values, io.env);
    const out = createOutput(io, values.json);
    const server = await startServer(
      {
        sender,
        provider,
        reply,
        out,
        json: values.json === true,
        doctor,
        forward: target === undefined ? undefined : { target, sender, provider },
        record: store === undefined ? undefined : (delivery, ms) => store.add(delivery, ms),
      },
      { port, host },
    );
    const { port: bound } = server.address() as AddressInfo;
    if (note) out.note(note);
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    let inspector: Inspector | undefined;
    try {
      inspector =
        store === undefined
          ? undefined
          : await startInspector(
              {
                store,
                sender,
                listener: loopbackUrl(host, bound),
                secret: !secretForExample
                  ? 'public-key'
                  : secretOrigin(values.secret, io.env) === 'none'
                    ? 'none'
                    : 'variable',
                scheme: values.scheme,
              },
              uiPort,
            );
    } catch (error) {
      server.closeAllConnections();
      server.close();
      throw error;
    }
    if (values.json) {
      const ui = inspector === undefined ? {} : { ui: inspector.url };
      io.stdout.write(`${JSON.stringify({ listening: url, provider: sender.name, ...ui })}\n`);
    } else {
      const listening = `${out.paint.bold(`listening on ${url}`)} for ${sender.sender} ${out.paint.dim('(any path; Ctrl-C stops)')}`;
      const hint = secretForExample
        ? `  e.g. ${exampleSendCommand({
            sender,
            url,
            secret: { origin: secretOrigin(values.secret, io.env), value: values.secret },
            scheme: values.scheme,
          })}`
        : `  ${shortName(sender)} signs with a private key; hookguard send cannot sign for this public key`;
      // One write: a reader that takes only the first line (`| head -1`) then leaves must not end
      // the listener on the second, before any delivery has arrived.
      const inspect = inspector === undefined ? '' : `\n${out.paint.bold(`inspect at ${inspector.url}`)}`;
      out.line(`${listening}\n${out.paint.dim(hint)}${inspect}`);
    }
    await waitForStop(io);
    await inspector?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return 0;
  },
};

function parseReply(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`--reply is not JSON: ${(error as Error).message}`);
  }
}

/** What the listening server needs to answer and print each delivery. */
interface ListenSetup {
  readonly sender: SenderProfile;
  readonly provider: Provider;
  /** `--reply`, answered to every event; undefined: the handler returns nothing. */
  readonly reply: unknown;
  readonly out: Output;
  readonly json: boolean;
  readonly doctor: DoctorSetup;
  /** `--forward-to`: the app the deliveries go to, whose answers the sender gets. */
  readonly forward: ForwardSetup | undefined;
  /** `--ui`: each delivery as printed, and how long its answer took, for the inspector. */
  readonly record: ((delivery: Delivery, ms: number) => void) | undefined;
}

async function startServer(
  { sender, provider, reply, out, json, doctor, forward, record }: ListenSetup,
  where: { port: number; host: string },
): Promise<Server> {
  // Every delivery, refused or not, is printed below; the default stderr warnings would repeat it.
  const receiver = createReceiver(provider, { logger: silentLogger });
  if (reply !== undefined) receiver.on('*', () => reply);
  const server = createServer((req, res) => {
    const started = performance.now();
    receiveDelivery(req, sender, provider, receiver)
      .then(async (received) => {
        if (forward === undefined) return { delivery: received, answer: undefined };
        const { answer, report, reading } = await forwardDelivery(received, forward);
        const response = {
          status: answer.status,
          headers: Object.fromEntries(answer.headers),
          body: answer.body.toString('utf8'),
        };
        return { delivery: { ...received, response, reading, forwarded: report }, answer };
      })
      .then(
        ({ delivery, answer }) => {
          // Printed once the answer is on its way: a closed stdout ends the process (exit 141), and
          // the sender must still get its answer first. The doctor runs then too: it never
          // delays the sender.
          res.once('finish', () => {
            const ms = Math.round(performance.now() - started);
            const print = (shown: Delivery) => {
              record?.(shown, ms);
              if (json) out.line(JSON.stringify(shown));
              else out.line(`${formatDelivery(shown, sender, out.paint)}\n`);
            };
            diagnoseDelivery(delivery, sender, doctor).then(
              (diagnosis) => print(diagnosis === undefined ? delivery : { ...delivery, diagnosis }),
              () => print(delivery),
            );
          });
          if (answer === undefined) writeNodeResponse(res, delivery.response);
          else writeForwardedAnswer(res, answer);
        },
        (error: unknown) => {
          res.statusCode = 500;
          res.end();
          out.note(`hookguard listen: ${(error as Error).message}`);
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(runtimeError(`port ${where.port} is already in use; choose another with --port`));
      else if (error.code === 'EACCES')
        reject(runtimeError(`no permission to listen on port ${where.port}; use a port above 1023`));
      else if (error.code === 'EADDRNOTAVAIL')
        reject(runtimeError(`cannot listen on ${where.host}: no such local address`));
      else reject(runtimeError(`cannot listen on ${where.host}:${where.port}: ${error.message}`));
    });
    server.listen(where.port, where.host, () => resolve());
  });
  return server;
}

/** Where this machine reaches the listener: loopback when it listens on every interface. */
function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0') return `http://127.0.0.1:${port}`;
  if (host === '::') return `http://[::1]:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function waitForStop(io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    if (!io.signal) return;
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
