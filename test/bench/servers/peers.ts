import type { IncomingMessage } from 'node:http';
import { createNodeMiddleware, Webhooks } from '@octokit/webhooks';
import { Webhook } from 'standardwebhooks';
import { GITHUB_SECRET, STANDARD_SECRET } from '../payloads.js';
import { PATH } from './raw.js';

/** Handlers do nothing in every variant, so only the receiving machinery is compared. */
const noop = (): void => {};

/** (d): `@octokit/webhooks`' own Node middleware with handlers on the same two events. */
export function octokitMiddleware() {
  const webhooks = new Webhooks({ secret: GITHUB_SECRET });
  webhooks.on(['issues.opened', 'push'], noop);
  // Silent, like hookguard's default logger; on the success path octokit only calls debug, a no-op.
  const log = { debug: noop, info: noop, warn: noop, error: noop };
  return createNodeMiddleware(webhooks, { path: PATH, log });
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
