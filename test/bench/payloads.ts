import { githubFixtures, signGithub, signStandardWebhooks } from '@hookguard/core/testing';

/** Fixed secrets: the bench's servers and its load generator must agree, nothing else. */
export const GITHUB_SECRET = 'bench-github-secret';
export const STANDARD_SECRET = 'whsec_YmVuY2gtc3RhbmRhcmQtd2ViaG9va3Mtc2VjcmV0';

/** Both sizes the load runs use; each is matched to the byte. */
export const SIZES = { '1k': 1024, '64k': 64 * 1024 } as const;
export type SizeName = keyof typeof SIZES;

/**
 * Which event each size carries. 1 KiB: an `issues.opened`, the typical bot event. 64 KiB: a
 * `push` with many commits, so the large body is also the one with the most for zod to check
 * (tens of objects), not one long string.
 */
export const EVENT_OF_SIZE: Readonly<Record<SizeName, { readonly header: string; readonly name: string }>> = {
  '1k': { header: 'issues', name: 'issues.opened' },
  '64k': { header: 'push', name: 'push' },
};

/** The JSON body for a size, exactly `SIZES[size]` bytes. `type` is set for Standard Webhooks. */
export function payloadText(size: SizeName, type?: string): string {
  const target = SIZES[size];
  const base = structuredClone(githubFixtures[EVENT_OF_SIZE[size].name as 'push']) as Record<string, unknown>;
  const object: Record<string, unknown> = type === undefined ? base : { type, ...base };
  if (size === '64k') growCommits(object, target);
  return padTo(object, target);
}

/** Adds copies of the push's commit (each with its own id) while the body stays under the target. */
function growCommits(push: Record<string, unknown>, target: number): void {
  const commits = push['commits'] as Record<string, unknown>[];
  const template = commits[0]!;
  for (let index = 1; ; index++) {
    commits.push({ ...template, id: String(template['id']).slice(0, 32) + String(index).padStart(8, '0') });
    if (Buffer.byteLength(JSON.stringify(push)) > target) {
      commits.pop();
      return;
    }
  }
}

/** Pads a string field (the issue body, or the last commit's message) to hit the size exactly. */
function padTo(object: Record<string, unknown>, target: number): string {
  const holder = (
    object['issue'] ? object['issue'] : (object['commits'] as Record<string, unknown>[]).at(-1)
  ) as Record<string, unknown>;
  const field = object['issue'] ? 'body' : 'message';
  const original = String(holder[field]);
  const missing = target - Buffer.byteLength(JSON.stringify(object));
  if (missing < 0) throw new Error(`bench payload is already ${-missing} bytes over ${target}`);
  holder[field] = original + ' '.repeat(missing);
  const text = JSON.stringify(object);
  if (Buffer.byteLength(text) !== target) throw new Error('bench payload size is off');
  return text;
}

export interface SignedRequest {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** A delivery exactly as GitHub sends it (both signature headers, event and delivery ids). */
export function githubRequest(size: SizeName): SignedRequest {
  const body = Buffer.from(payloadText(size));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/bench',
      'x-github-event': EVENT_OF_SIZE[size].header,
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-github-hook-id': '123456789',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '35129377',
      ...signGithub(body, GITHUB_SECRET),
    },
  };
}

/**
 * A Standard Webhooks delivery signed now: the timestamp must stay inside the 5-minute window,
 * so the load generator signs again before every run. The body is the same GitHub-shaped event
 * with a top-level `type`, so hookguard validates it with the same zod schema as in `githubRequest`.
 */
export function standardRequest(size: SizeName, now = Date.now()): SignedRequest {
  const body = Buffer.from(payloadText(size, EVENT_OF_SIZE[size].name));
  return {
    body,
    headers: signStandardWebhooks(body, STANDARD_SECRET, {
      id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      timestamp: Math.floor(now / 1000),
    }),
  };
}
