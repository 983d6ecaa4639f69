import { createReceiver, github, standardWebhooks } from '@hookguard/core';
import { githubEventSchemas } from '@hookguard/core/schemas';
import { GITHUB_SECRET, STANDARD_SECRET } from '../payloads.js';

/** Handlers do nothing in every variant, so only the receiving machinery is compared. */
const noop = (): void => {};

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
