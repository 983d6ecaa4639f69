import { randomUUID } from 'node:crypto';
import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';
import type { GitHubEventName } from '../events.js';

export interface GithubDelivery {
  /** `X-GitHub-Delivery`. Default: a fresh GUID. */
  readonly delivery?: string;
  /** `X-GitHub-Hook-ID`. Default `123456789`. */
  readonly hookId?: string;
  /** Post as GitHub's "application/x-www-form-urlencoded" content type: `payload=<json>`. */
  readonly form?: boolean;
}

/** `X-Hub-Signature-256` for exactly these bytes (GitHub also sends the legacy SHA-1 header). */
export function signGithub(body: string | Uint8Array, secret: string): Record<string, string> {
  return {
    'x-hub-signature': `sha1=${hmacDigest('sha1', secret, [body]).toString('hex')}`,
    'x-hub-signature-256': `sha256=${hmacDigest('sha256', secret, [body]).toString('hex')}`,
  };
}

/**
 * A delivery as GitHub builds it: the event header is the name's first part (`issues` for
 * `issues.opened`), the body `JSON.stringify(payload)` (or the form encoding of it), signed.
 */
export function githubRequest(
  name: GitHubEventName | (string & {}),
  payload: unknown,
  secret: string,
  delivery: GithubDelivery = {},
): WebhookRequest {
  const json = JSON.stringify(payload);
  const text = delivery.form ? new URLSearchParams({ payload: json }).toString() : json;
  return {
    method: 'POST',
    url: '/github',
    headers: {
      'content-type': delivery.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': name.split('.', 1)[0]!,
      'x-github-delivery': delivery.delivery ?? randomUUID(),
      'x-github-hook-id': delivery.hookId ?? '123456789',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '35129377',
      ...signGithub(text, secret),
    },
    body: Buffer.from(text),
  };
}
