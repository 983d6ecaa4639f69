import { Readable } from 'node:stream';
import { github, type VerifyInput } from '@hookguard/core';
import { readBody } from '@hookguard/core/adapter';
import { githubEventSchemas } from '@hookguard/core/schemas';
// parseJsonBody is internal (no entry point exports it): timed from its source.
import { parseJsonBody } from '../../../packages/core/src/body/parse-json.js';
import { EVENT_OF_SIZE, githubRequest, type SizeName } from '../payloads.js';
import { githubReceiver } from '../servers/hookguard.js';
import { handWrittenVerify, handWrittenVerifyAndParse, readAll } from '../servers/raw.js';
import { type Timed, timeAlternating, timeAlternatingAsync } from './timing.js';

export interface PipelineRow {
  readonly size: SizeName;
  /** Whole requests, in process, from a stream of 16 KiB chunks to the answer. */
  readonly whole: { readonly b: Timed; readonly c: Timed };
  /** Each stage of (c) next to what (b) does for it, so the difference can be charged to a feature. */
  readonly stages: readonly { readonly stage: string; readonly b: Timed | undefined; readonly c: Timed }[];
}

/**
 * Where hookguard's time per request goes, next to the hand-written receiver, without HTTP:
 * reading the stream, verifying, decoding + parsing, the zod schema, and dispatching.
 */
export async function pipelineCost(
  sizes: readonly SizeName[],
  rounds: number,
  batchMs: number,
): Promise<PipelineRow[]> {
  const provider = github({ secret: 'bench-github-secret' });
  const receiver = githubReceiver();
  const rows: PipelineRow[] = [];
  for (const size of sizes) {
    const request = githubRequest(size);
    const chunks: Buffer[] = [];
    for (let at = 0; at < request.body.length; at += 16 * 1024)
      chunks.push(request.body.subarray(at, at + 16 * 1024));
    const headers = { ...request.headers, 'content-length': String(request.body.length) };
    const head = { method: 'POST', url: '/hook', headers };
    const stream = () => Readable.from(chunks);
    const signature = request.headers['x-hub-signature-256'];
    const input: VerifyInput = {
      method: 'POST',
      path: '/hook',
      headers,
      query: new URLSearchParams(),
      body: request.body,
      now: Date.now(),
      remoteAddress: undefined,
    };
    const object = JSON.parse(request.body.toString('utf8'));
    const schema = githubEventSchemas[EVENT_OF_SIZE[size].name as 'push'];
    const [b, c] = await timeAlternatingAsync(
      [
        {
          name: '(b) read + verify + JSON.parse',
          run: async () => handWrittenVerifyAndParse(await readAll(stream() as never), signature),
        },
        { name: '(c) receiver.handleStream', run: () => receiver.handleStream(head, stream()) },
      ],
      rounds,
      batchMs,
    );
    const [readB, readC] = await timeAlternatingAsync(
      [
        { name: 'read: chunks + Buffer.concat', run: () => readAll(stream() as never) },
        {
          name: 'read: readBody (limit, timeout)',
          run: () => readBody(stream(), { contentLength: headers['content-length'] }),
        },
      ],
      rounds,
      batchMs,
    );
    const [handle] = await timeAlternatingAsync(
      [
        {
          name: 'receiver.handle (body already read)',
          run: () => receiver.handle({ ...head, body: request.body }),
        },
      ],
      rounds,
      batchMs,
    );
    const [verifyB, verifyC, parseB, parseC, zod, decodeParse] = timeAlternating(
      [
        { name: 'verify: hand-written', run: () => handWrittenVerify(request.body, signature) },
        { name: 'verify: provider.verify', run: () => provider.verify(input) },
        { name: 'parse: toString + JSON.parse', run: () => JSON.parse(request.body.toString('utf8')) },
        { name: 'parse: parseJsonBody', run: () => parseJsonBody(request.body) },
        { name: 'zod safeParse', run: () => schema.safeParse(object) },
        {
          name: 'provider.decode + provider.parse',
          run: () => provider.parse(provider.decode!(input), input),
        },
      ],
      rounds,
      batchMs,
    ) as Timed[];
    rows.push({
      size,
      whole: { b: b!, c: c! },
      stages: [
        { stage: 'read the body', b: readB, c: readC! },
        { stage: 'verify', b: verifyB, c: verifyC! },
        { stage: 'UTF-8 + depth guard + JSON.parse', b: parseB, c: parseC! },
        { stage: 'zod schema', b: undefined, c: zod! },
        { stage: 'decode + parse (name, zod, meta)', b: parseB, c: decodeParse! },
        { stage: 'handle: verify … reply, no read', b: undefined, c: handle! },
      ],
    });
  }
  return rows;
}
