import { deflateSync, gzipSync } from 'node:zlib';
import type { ReceiverOptions } from '@hookguard/core';
import type { Delivery, ExpectedAnswer, NamedEvent, ProviderRow } from './row.js';

/** A request as it goes on the wire. */
export interface WireRequest extends Delivery {
  readonly method?: string;
  /** No Content-Length, body sent with Transfer-Encoding: chunked (NapCat, old GOWA). */
  readonly chunked?: boolean;
}

export type ScenarioHandler = (event: unknown) => unknown;

export interface Scenario {
  readonly title: string;
  readonly row: ProviderRow;
  readonly options?: ReceiverOptions;
  /** Registered in order; the runner counts how many of their calls started. */
  readonly handlers: readonly (readonly [string, ScenarioHandler])[];
  readonly request: WireRequest;
  /** Send the same delivery this many times (duplicates); every answer must be the expected one. */
  readonly sends?: number;
  readonly expect: ExpectedAnswer & { readonly headers?: Readonly<Record<string, string>> };
  /** Handler calls expected once every answer is in: 0 for anything refused. */
  readonly handlerCalls: number;
}

const nothing: ScenarioHandler = () => undefined;
const SMALL_LIMIT = 1024;

/** What every sender must get right, whatever its proof and reply format. */
export function senderScenarios(row: ProviderRow): Scenario[] {
  const deliver = (event: NamedEvent) => row.deliver(row.serialise(event.payload), event.name);
  const authentic = deliver(row.sample);
  const named = (name: string) => `${row.name}: ${name}`;
  // The first reply form's event carries a delivery key, so dedupe (on by default) recognises it.
  const duplicate = row.replies[0]!;
  const handshakes = (row.handshakes ?? []).flatMap((handshake): Scenario[] => [
    {
      title: named(`handshake: ${handshake.name}`),
      row,
      handlers: [
        ['*', nothing],
        ['unknown', nothing],
      ],
      request: deliver(handshake.event),
      // Sent twice: a handshake keeps no dedupe record, and each gets its own answer.
      sends: 2,
      expect: handshake.expect,
      handlerCalls: 0,
    },
    {
      title: named(`handshake with a forged proof: ${handshake.name}`),
      row,
      handlers: [['unknown', nothing]],
      request: row.forged.deliver(row.serialise(handshake.event.payload), handshake.event.name),
      expect: handshake.forged ?? { status: row.forged.status, code: row.forged.code },
      handlerCalls: 0,
    },
  ]);
  return [
    ...handshakes,
    {
      title: named('authentic'),
      row,
      handlers: [['*', nothing]],
      request: authentic,
      expect: row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('tampered proof'),
      row,
      handlers: [['*', nothing]],
      request: row.forged.deliver(row.serialise(row.sample.payload), row.sample.name),
      expect: { status: row.forged.status, code: row.forged.code },
      handlerCalls: 0,
    },
    {
      title: named('missing proof'),
      row,
      handlers: [['*', nothing]],
      request: row.unsigned.deliver(row.serialise(row.sample.payload), row.sample.name),
      expect: { status: 401, code: row.unsigned.code },
      handlerCalls: 0,
    },
    {
      title: named('authentic body that is not JSON'),
      row,
      handlers: [['*', nothing]],
      request: row.deliver('{"post_type": "message", oops', row.sample.name),
      expect: { status: 400, code: row.malformedCode ?? 'INVALID_JSON' },
      handlerCalls: 0,
    },
    {
      title: named('unknown event'),
      row,
      handlers: [['unknown', nothing]],
      request: deliver(row.unknownEvent),
      expect: row.unknownAnswer ?? row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('handler throws'),
      row,
      handlers: [
        [
          '*',
          () => {
            throw new Error('secret database password');
          },
        ],
      ],
      request: authentic,
      expect: {
        status: 500,
        json: row.errorBody('HANDLER_FAILED', 'The webhook handler failed'),
      },
      handlerCalls: 1,
    },
    {
      title: named('slow handler passes the deadline'),
      row,
      options: { deadlineMs: 50 },
      handlers: [['*', () => new Promise((resolve) => setTimeout(resolve, 400))]],
      request: authentic,
      expect: row.deadlineFallback ?? row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('duplicate delivery'),
      row,
      handlers: [[duplicate.on, () => duplicate.reply]],
      request: deliver(duplicate.event),
      sends: 2,
      expect: duplicate.expect,
      handlerCalls: 1,
    },
    ...row.replies.map(
      (form): Scenario => ({
        title: named(`reply: ${form.name}`),
        row,
        handlers: [[form.on, () => form.reply]],
        request: deliver(form.event),
        expect: form.expect,
        handlerCalls: 1,
      }),
    ),
  ];
}

/** Body, method and media-type handling: the same for every sender, so driven with one. */
export function transportScenarios(row: ProviderRow): Scenario[] {
  const body = row.serialise(row.sample.payload);
  const authentic = row.deliver(body, row.sample.name);
  const padded = { ...(row.sample.payload as object), padding: 'x'.repeat(4 * SMALL_LIMIT) };
  const oversize = row.deliver(row.serialise(padded), row.sample.name);
  const tooLarge = {
    status: 413,
    json: row.errorBody('BODY_TOO_LARGE', `Request body is larger than the ${SMALL_LIMIT}-byte limit`),
  };
  const encoded = (encoding: string, bytes: Uint8Array): WireRequest => ({
    ...authentic,
    headers: { ...authentic.headers, 'content-encoding': encoding },
    body: bytes,
  });
  const named = (name: string) => `transport (${row.name}): ${name}`;
  return [
    {
      title: named('oversize by Content-Length'),
      row,
      options: { bodyLimit: SMALL_LIMIT },
      handlers: [['*', nothing]],
      request: oversize,
      expect: tooLarge,
      handlerCalls: 0,
    },
    {
      title: named('oversize chunked (no Content-Length)'),
      row,
      options: { bodyLimit: SMALL_LIMIT },
      handlers: [['*', nothing]],
      request: { ...oversize, chunked: true },
      expect: tooLarge,
      handlerCalls: 0,
    },
    {
      title: named('chunked (NapCat)'),
      row,
      handlers: [['*', nothing]],
      request: { ...authentic, chunked: true },
      expect: row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('gzip, signed over the decoded bytes'),
      row,
      handlers: [['*', nothing]],
      request: encoded('gzip', gzipSync(body)),
      expect: row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('deflate'),
      row,
      handlers: [['*', nothing]],
      request: encoded('deflate', deflateSync(body)),
      expect: row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('gzip bomb stops at the decoded limit'),
      row,
      options: { bodyLimit: SMALL_LIMIT },
      handlers: [['*', nothing]],
      request: encoded('gzip', gzipSync(Buffer.alloc(1024 * 1024, 0x20))),
      expect: tooLarge,
      handlerCalls: 0,
    },
    {
      title: named('br is refused'),
      row,
      handlers: [['*', nothing]],
      request: encoded('br', Buffer.from(body)),
      expect: { status: 415, code: 'UNSUPPORTED_ENCODING' },
      handlerCalls: 0,
    },
    {
      title: named('GET'),
      row,
      handlers: [['*', nothing]],
      request: { method: 'GET', headers: {}, body: '' },
      expect: { status: 405, code: 'METHOD_NOT_ALLOWED', headers: { allow: 'POST' } },
      handlerCalls: 0,
    },
    {
      title: named('empty Content-Type header, read as absent'),
      row,
      handlers: [['*', nothing]],
      request: { ...authentic, headers: { ...authentic.headers, 'content-type': '' } },
      expect: row.noReply,
      handlerCalls: 1,
    },
    {
      title: named('malformed Content-Type'),
      row,
      handlers: [['*', nothing]],
      request: { ...authentic, headers: { ...authentic.headers, 'content-type': 'json' } },
      expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      handlerCalls: 0,
    },
    {
      title: named('text/plain'),
      row,
      handlers: [['*', nothing]],
      request: { ...authentic, headers: { ...authentic.headers, 'content-type': 'text/plain' } },
      expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      handlerCalls: 0,
    },
  ];
}
