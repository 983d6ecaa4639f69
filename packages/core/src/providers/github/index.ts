import { type Secret, secretList } from '../../crypto/secrets.js';
import type { EventDef } from '../../event-map.js';
import { headerValue } from '../../http/headers.js';
import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { checkSource, compileAllowlist } from '../../sender-toolkit/allowlist.js';
import { verifyHubSignature } from '../../sender-toolkit/body-signature.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { acceptsGitHubContentType, decodeGitHubBody } from './decode.js';
import { type GitHubEventName, type GitHubEventOf, githubEventSchemas } from './events.js';

export interface GitHubOptions {
  /** The webhook's secret as entered in GitHub's settings, or several during a rotation. */
  readonly secret: Secret;
  /**
   * Accept deliveries only from these addresses or CIDR ranges (GitHub publishes its `hooks`
   * ranges at https://api.github.com/meta), checked before the signature.
   */
  readonly allowFrom?: readonly string[];
}

/** GitHub handlers answer nothing: GitHub reads only the status. */
export type GitHubEvents = { readonly [N in GitHubEventName]: EventDef<GitHubEventOf<N>, never> };

/** Delivery facts GitHub sends as headers. */
export interface GitHubMeta {
  /** `X-GitHub-Event`, as sent (`issues`). */
  readonly event: string | undefined;
  /** `X-GitHub-Hook-ID`: which hook configuration sent it. */
  readonly hookId: string | undefined;
  /** `X-GitHub-Hook-Installation-Target-Type` (`repository`, `organization`, `integration`) and its ID. */
  readonly targetType: string | undefined;
  readonly targetId: string | undefined;
}

export interface GitHubProvider extends Provider<GitHubEvents, GitHubMeta> {
  readonly eventNames: readonly GitHubEventName[];
}

const eventNames = Object.keys(githubEventSchemas) as GitHubEventName[];
const MISSING_HINT = 'set a secret in the webhook settings on GitHub (the same value as here)';
// GitHub gives up after 10 s and marks the delivery failed: answer 202 before that, work goes on.
const DEADLINE_MS = 9_000;

/** GitHub repository, organization and app webhooks (`X-Hub-Signature-256`). */
export function github(options: GitHubOptions): GitHubProvider {
  const secrets = secretList(options?.secret, 'github(): secret');
  if (secrets.length === 0) {
    throw new TypeError(
      'hookguard github(): a secret is required; set the same one in the webhook settings on GitHub',
    );
  }
  const allowed = options.allowFrom === undefined ? undefined : compileAllowlist(options.allowFrom);
  return {
    name: 'github',
    // GitHub sends the older SHA-1 signature alongside the SHA-256 one that is checked.
    proofNames: { headers: ['x-hub-signature-256', 'x-hub-signature'], query: [] },
    eventNames,
    deadlineMs: DEADLINE_MS,
    acceptsContentType: acceptsGitHubContentType,
    verify(input) {
      const refused = allowed ? checkSource(allowed, input) : undefined;
      return refused ?? verifyHubSignature(secrets, input, MISSING_HINT);
    },
    decode: decodeGitHubBody,
    parse(payload, input): ParsedEvent<GitHubMeta> {
      const event = headerValue(input.headers, 'x-github-event');
      const action = (payload as { action?: unknown } | null)?.action;
      const name = event && typeof action === 'string' && action !== '' ? `${event}.${action}` : event;
      return parsedEvent(
        resolveEvent(githubEventSchemas, [name], payload),
        headerValue(input.headers, 'x-github-delivery'),
        {
          event,
          hookId: headerValue(input.headers, 'x-github-hook-id'),
          targetType: headerValue(input.headers, 'x-github-hook-installation-target-type'),
          targetId: headerValue(input.headers, 'x-github-hook-installation-target-id'),
        },
      );
    },
    respond(reply, event) {
      if (reply !== undefined && reply !== null)
        throw new TypeError('github: handlers cannot reply; GitHub reads only the status');
      // The ping's answer is shown under "Recent Deliveries": say the hook reached a receiver that verified it.
      return event.name === 'ping' ? jsonResponse(200, { ok: true }) : emptyResponse(204);
    },
    fallback: () => emptyResponse(202),
  };
}
