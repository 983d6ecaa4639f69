import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createReceiver, github, githubEventSchemas, standardWebhooks } from '@hookguard/core';
import { createNodeMiddleware, Webhooks } from '@octokit/webhooks';
import { Webhook } from 'standardwebhooks';
import { GITHUB_SECRET, STANDARD_SECRET } from '../payloads.js';

/** Every server mounts its one route here. */
export const PATH = '/hook';

/** Handlers do nothing in every variant, so only the receiving machinery is compared. */
const noop = (): void => {};

/**
 * (b): what a careful developer writes by hand: prefix check, strict hex, HMAC-SHA256 over the
 * raw bytes, constant-time compare with a length check, then `JSON.parse`. No schema.
 */
export function handWrittenVerifyAndParse(body: Buffer, header: string | string[] | undefined): unknown {
  if (typeof header !== 'string' || !header.startsWith('sha256=') || header.length !== 71) return undefined;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', GITHUB_SECRET).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return JSON.parse(body.toString('utf8'));
}

/**
 * (c) for GitHub payloads: the whole pipeline (head checks, bounded read, verify, zod parse,
 * dispatch under the ack deadline, reply). Dedupe is off because the load generator repeats one
 * delivery id, and neither peer dedupes; with it on, repeats would skip the handlers.
 */
export function githubReceiver() {
  return createReceiver(github({ secret: GITHUB_SECRET }), { dedupe: false })
    .on('issues.opened', noop)
    .on('push', noop);
}

/** (c) for Standard Webhooks payloads: the same zod schemas as GitHub's, keyed by `type`. */
export function standardReceiver() {
  const events = { 'issues.opened': githubEventSchemas['issues.opened'], push: githubEventSchemas.push };
  return createReceiver(standardWebhooks({ secret: STANDARD_SECRET, events }), { dedupe: false })
    .on('issues.opened', noop)
    .on('push', noop);
}

/** (d): `@octokit/webhooks`' own Node middleware with handlers on the same two events. */
export function octokitMiddleware() {
  const webhooks = new Webhooks({ secret: GITHUB_SECRET });
  webhooks.on(['issues.opened', 'push'], noop);
  return createNodeMiddleware(webhooks, { path: PATH });
}

/** (e): the `standardwebhooks` package's verify (which also JSON-parses) on the captured bytes. */
export function standardWebhooksVerifier(): (body: Buffer, request: IncomingMessage) => boolean {
  const webhook = new Webhook(STANDARD_SECRET);
  return (body, request) => {
    try {
      webhook.verify(body, request.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  };
}

/** (a) on bare node:http and Koa, which have no raw-body capture of their own. */
export function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
