import { createHash } from 'node:crypto';
import { createReceiver, token } from '@hookguard/core';
import { type Delivery, type ProviderRow, widen } from '../row.js';

const TOKEN = 'conformance-gitlab';
const push = {
  name: 'push',
  payload: { object_kind: 'push', ref: 'refs/heads/main', checkout_sha: 'da1560886d4f' },
};

/** GitLab sends its "Secret token" verbatim in X-Gitlab-Token, names the event in the body and ids it in a header. */
function delivery(body: string, secret: string | undefined): Delivery {
  return {
    headers: {
      'content-type': 'application/json',
      'x-gitlab-event': 'Push Hook',
      // One id per event: a retry of the same bytes carries the same one.
      'x-gitlab-event-uuid': createHash('sha256').update(body).digest('hex').slice(0, 32),
      ...(secret === undefined ? {} : { 'x-gitlab-token': secret }),
    },
    body,
  };
}

export const tokenRow: ProviderRow = {
  name: 'token',
  path: '/gitlab',
  receiver: (options) =>
    widen(
      createReceiver(
        token({
          name: 'gitlab',
          secret: TOKEN,
          header: 'x-gitlab-token',
          event: { body: 'object_kind' },
          id: { header: 'x-gitlab-event-uuid' },
        }),
        options,
      ),
    ),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body) => delivery(body, TOKEN),
  forged: { deliver: (body) => delivery(body, 'guessed-token'), code: 'SIGNATURE_MISMATCH' },
  unsigned: { deliver: (body) => delivery(body, undefined), code: 'SIGNATURE_MISSING' },
  sample: push,
  // No object_kind: nothing names it, so it goes to `unknown` handlers.
  unknownEvent: { name: '', payload: { ref: 'refs/heads/main' } },
  noReply: { status: 204 },
  replies: [{ name: 'acknowledged', event: push, on: 'push', reply: undefined, expect: { status: 204 } }],
};
