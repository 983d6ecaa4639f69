import { request as httpRequest, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Provider } from '@hookguard/core';
import { usageError } from '../cli-error.js';
import { type ReplyReading, readReply, type SenderProfile } from '../senders/sender-profile.js';
import type { Delivery } from './delivery.js';

/**
 * How long an app may take when its sender states no deadline: long enough for a slow handler
 * on a developer's machine, short enough that a hung app is reported.
 */
export const FORWARD_TIMEOUT_MS = 10_000;

/** Connection-level headers (RFC 9110 §7.6.1): they describe one hop, never the message. */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/** What the sender got back when `listen` forwarded its delivery. */
export interface ForwardedAnswer {
  readonly status: number;
  /** Header pairs in the app's case and order, hop-by-hop ones left out. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}

/** The forward's outcome, as `listen` reports it under the delivery. */
export interface ForwardReport {
  readonly url: string;
  /** `answered`: the app's answer went back as it was; otherwise `answer` is listen's stand-in. */
  readonly outcome: 'answered' | 'unreachable' | 'timeout';
  readonly ms: number;
  /** Why the app gave no answer (the connection error), for people. */
  readonly reason?: string;
}

export interface ForwardSetup {
  readonly target: URL;
  readonly sender: SenderProfile;
  readonly provider: Provider;
}

/** The app's URL for a delivery: the target's path with the delivery's path and query appended. */
export function forwardUrl(target: URL, deliveryUrl: string): URL {
  const url = new URL(target.href);
  const incoming = new URL(deliveryUrl, 'http://listen.invalid');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${incoming.pathname}`;
  url.search = incoming.search;
  return url;
}

/**
 * Sends the delivery's exact bytes and headers to the app and returns the answer the sender
 * gets: the app's own, byte for byte; or, when the app is unreachable or misses the sender's
 * deadline, what that sender's deadline rules give. A sender with a deadline gets the answer
 * the provider gives when no handler replied in time (listen's own receiver answer) for a
 * delivery it accepted; everyone else gets 502 (unreachable) or 504 (too slow).
 */
export async function forwardDelivery(
  delivery: Delivery,
  setup: ForwardSetup,
): Promise<{ answer: ForwardedAnswer; report: ForwardReport; reading: ReplyReading }> {
  const url = forwardUrl(setup.target, delivery.url);
  const deadline = setup.provider.deadlineMs;
  const budget = Math.max(0, (deadline ?? FORWARD_TIMEOUT_MS) - (Date.now() - delivery.at.getTime()));
  const started = Date.now();
  const result = await sendDelivery(url, delivery, budget);
  const ms = Date.now() - started;
  const event = delivery.event;
  if ('status' in result) {
    const answer = result;
    const reading = readReply(setup.sender, {
      status: answer.status,
      body: answer.body.toString('utf8'),
      event,
    });
    return { answer, report: { url: url.href, outcome: 'answered', ms }, reading };
  }
  const accepted = delivery.verified || delivery.unverified !== undefined;
  const answer: ForwardedAnswer =
    deadline !== undefined && accepted
      ? {
          status: delivery.response.status,
          headers: Object.entries(delivery.response.headers),
          body: Buffer.from(delivery.response.body, 'utf8'),
        }
      : stand(result.outcome);
  const reading = readReply(setup.sender, {
    status: answer.status,
    body: answer.body.toString('utf8'),
    event,
  });
  return { answer, report: { url: url.href, outcome: result.outcome, ms, reason: result.reason }, reading };
}

function stand(outcome: 'unreachable' | 'timeout'): ForwardedAnswer {
  const [status, code, message] =
    outcome === 'unreachable'
      ? [502, 'FORWARD_UNREACHABLE', 'The app behind hookguard listen did not answer']
      : [504, 'FORWARD_TIMEOUT', "The app behind hookguard listen missed the sender's deadline"];
  return {
    status,
    headers: [['content-type', 'application/json']],
    body: Buffer.from(JSON.stringify({ error: { code, message } })),
  };
}

export type SendResult =
  | ForwardedAnswer
  | { readonly outcome: 'unreachable' | 'timeout'; readonly reason: string };

/** The delivery's headers as the sender wrote them, less those that describe one connection. */
export function messageHeaders(delivery: Delivery): (readonly [string, string])[] {
  return delivery.rawHeaders.filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase()));
}

/**
 * The delivery's exact bytes and headers, chunked if it came chunked, to `url`: the answer as it
 * came, or why none came in time.
 */
export function sendDelivery(url: URL, delivery: Delivery, budgetMs: number): Promise<SendResult> {
  const body = Buffer.from(delivery.bodyBase64, 'base64');
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: delivery.method,
    });
    for (const [name, value] of messageHeaders(delivery)) {
      const existing = request.getHeader(name);
      request.setHeader(name, existing === undefined ? value : [...[existing].flat().map(String), value]);
    }
    // As it came: a chunked original (NapCat's) goes on chunked, so a replay meets the same body
    // reader; anything else with its length.
    if (delivery.chunked) request.setHeader('transfer-encoding', 'chunked');
    else request.setHeader('content-length', body.length);
    const timer = setTimeout(() => {
      resolve({ outcome: 'timeout', reason: `no answer within ${budgetMs} ms` });
      request.destroy();
    }, budgetMs);
    request.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ outcome: 'unreachable', reason: error.code ?? error.message });
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ outcome: 'unreachable', reason: error.code ?? error.message });
      });
      response.once('end', () => {
        clearTimeout(timer);
        const headers: [string, string][] = [];
        const raw = response.rawHeaders;
        for (let index = 0; index + 1 < raw.length; index += 2) {
          if (!HOP_BY_HOP.has(raw[index]!.toLowerCase())) headers.push([raw[index]!, raw[index + 1]!]);
        }
        resolve({ status: response.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
      });
    });
    request.end(body);
  });
}

/** `--forward-to`, checked: an http or https URL. */
export function parseForwardTo(text: string | undefined): URL | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--forward-to must be a URL such as http://127.0.0.1:3000, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--forward-to must be an http or https URL, not "${text}"`);
  }
  return url;
}

/** The app's answer as it came: status, header pairs in its case and order, the exact body. */
export function writeForwardedAnswer(res: ServerResponse, answer: ForwardedAnswer): void {
  res.statusCode = answer.status;
  for (const [name, value] of answer.headers) {
    const existing = res.getHeader(name);
    res.setHeader(name, existing === undefined ? value : [...[existing].flat().map(String), value]);
  }
  res.end(answer.body);
}
