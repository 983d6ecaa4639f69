import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit, Tampering } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded } from '../../../testing/tamperings.js';
import { matrixErrorBody } from '../error-body.js';
import { matrix, sectionsOf } from '../index.js';
import { matrixFixtures, matrixPing, matrixTransaction } from './fixtures.js';
import { MATRIX_PING_PATH, matrixJson, matrixTransactionPath, matrixTxnId } from './sign.js';

const DEMO_TOKEN = 'hookguard-demo-matrix';
/** The event name the kit's `sign` sends as the homeserver's ping rather than as a transaction. */
export const MATRIX_PING_EVENT = 'ping';
const text = { name: 'm.room.message.m.text', payload: matrixFixtures['m.room.message.m.text'] };
const [textEvent] = matrixFixtures['m.room.message.m.text'].events;

/** A transaction's events in the order the provider dispatches them: `events`, then `ephemeral`. */
function eventsOf(delivery: unknown): readonly unknown[] | undefined {
  const sections = sectionsOf(delivery);
  return sections === undefined ? undefined : [...sections.events, ...sections.ephemeral];
}

/** Signed with a wrong hs_token: Matrix answers that 403 `M_FORBIDDEN`, not 401. */
const wrongToken: Tampering = {
  name: 'wrong hs_token',
  expectStatus: 403,
  alter: (_request, resign) => resign({ secret: 'not-the-hs-token' }),
};

/**
 * A homeserver's application service API (Synapse, Conduit, Dendrite): transactions PUT below
 * the registration's `url`, the hs_token as a bearer token.
 */
export const matrixKit: SenderKit = {
  name: 'matrix',
  aliases: ['matrix-as', 'synapse'],
  sender: 'Matrix homeserver (application service API)',
  wire: 'PUT <url>/_matrix/app/v1/transactions/{txnId}, JSON { events, ephemeral? }; Authorization: Bearer <hs_token> (no signature)',
  path: '/matrix',
  mount: 'prefix',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where: "the hs_token of the application service's registration file",
  },
  fixtures: matrixFixtures,
  encode: (payload) => utf8(matrixJson(payload)),
  sign({ body, secret, event }) {
    const ping = event === MATRIX_PING_EVENT;
    return {
      method: ping ? 'POST' : 'PUT',
      path: ping ? MATRIX_PING_PATH : matrixTransactionPath(matrixTxnId(body)),
      query: [],
      headers: [
        ['Content-Type', 'application/json'],
        ...(secret === undefined ? [] : [['Authorization', `Bearer ${secret}`] as const]),
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => matrix({ hsToken: secret ?? '' }),
  proof: {
    header: 'authorization',
    relatedHeaders: [],
    coversBody: false,
    // A homeserver sends every event inside `events`: any other value arrives as one event of a transaction.
    shape: (value) => (eventsOf(value) === undefined ? matrixTransaction([value as object]) : value),
  },
  tamperings: [bodySpaceAdded(200, ', not signed'), wrongToken],
  readReply: statusReading(
    'transaction done (the homeserver sends the next one)',
    'retried with the same txnId, backing off; later transactions wait behind it',
  ),
  answers: {
    sample: text,
    unknownEvent: {
      name: 'com.example.hologram',
      payload: matrixTransaction([
        { ...textEvent, event_id: '$unknown-event:example.org', type: 'com.example.hologram', content: {} },
      ]),
    },
    noReply: { status: 200, json: {} },
    replies: [
      {
        name: 'acknowledged',
        event: text,
        on: 'm.room.message.m.text',
        reply: undefined,
        expect: { status: 200, json: {} },
      },
      {
        name: 'handlers cannot reply',
        event: text,
        on: 'm.room.message',
        reply: { body: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'POST /_matrix/app/v1/ping',
        event: { name: MATRIX_PING_EVENT, payload: matrixPing },
        expect: { status: 200, json: {} },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    forgedStatus: 403,
    unsignedCode: 'SIGNATURE_MISSING',
  },
  batch: {
    combine: (deliveries) =>
      matrixTransaction(
        deliveries.flatMap((delivery) => (sectionsOf(delivery)?.events ?? []) as object[]),
        deliveries.flatMap((delivery) => (sectionsOf(delivery)?.ephemeral ?? []) as object[]),
      ),
    eventsOf,
  },
  errorForm: { body: matrixErrorBody },
  demo: {
    showcase: 'm.room.message.m.text',
    createReceiver: (options) => createReceiver(matrix({ hsToken: DEMO_TOKEN }), options).on('*', () => {}),
    expect: () => ({ status: 200, body: '{}' }),
  },
};
