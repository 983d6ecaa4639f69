import type { WebhookRequest } from '@hookguard/core';
import { usageError } from '../cli-error.js';

/** A request saved for `hookguard doctor`, and when it arrived when the file says so. */
export interface SavedRequest {
  readonly request: WebhookRequest;
  /** Ms since the epoch: the `at` of a `listen --json` line. */
  readonly receivedAt: number | undefined;
}

const HEADER_END = [Buffer.from('\r\n\r\n'), Buffer.from('\n\n')];

/**
 * Reads a saved request: a line `hookguard listen --json` printed (method, url, rawHeaders, the
 * body as `bodyBase64`, at), or a raw HTTP/1.1 request (request line, headers, blank line, body
 * bytes) as `nc -l` or a proxy saves it. The body is kept byte for byte: it is what was signed.
 */
export function parseSavedRequest(bytes: Uint8Array): SavedRequest {
  const data = Buffer.from(bytes);
  const text = data.toString('utf8').trimStart();
  return text.startsWith('{') ? fromListenLine(text) : fromRawHttp(data);
}

function fromListenLine(text: string): SavedRequest {
  const line = text.split('\n').find((candidate) => candidate.includes('"bodyBase64"')) ?? text;
  let saved: Record<string, unknown>;
  try {
    saved = JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw usageError('the request file is neither a `hookguard listen --json` line nor a raw HTTP request');
  }
  const receivedAt = typeof saved['at'] === 'string' ? Date.parse(saved['at']) : Number.NaN;
  return {
    request: requestFromListen(saved),
    receivedAt: Number.isNaN(receivedAt) ? undefined : receivedAt,
  };
}

/** The request a `listen` delivery report describes: what doctor re-verifies. */
export function requestFromListen(saved: Readonly<Record<string, unknown>>): WebhookRequest {
  const { method, url, rawHeaders, bodyBase64 } = saved;
  if (typeof url !== 'string' || typeof bodyBase64 !== 'string' || !Array.isArray(rawHeaders)) {
    throw usageError(
      'the JSON request needs url, rawHeaders and bodyBase64, as `hookguard listen --json` prints',
    );
  }
  const headers: Record<string, string> = {};
  for (const pair of rawHeaders) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw usageError('rawHeaders must be [name, value] pairs');
    }
    addHeader(headers, pair[0], pair[1]);
  }
  return {
    method: typeof method === 'string' ? method : 'POST',
    url,
    headers,
    body: Buffer.from(bodyBase64, 'base64'),
  };
}

function fromRawHttp(data: Buffer): SavedRequest {
  const ends = HEADER_END.map((end) => ({ at: data.indexOf(end), length: end.length })).filter(
    (end) => end.at >= 0,
  );
  const end = ends.sort((a, b) => a.at - b.at)[0];
  if (end === undefined) throw usageError('the raw HTTP request has no blank line after its headers');
  const [requestLine = '', ...lines] = data.subarray(0, end.at).toString('latin1').split(/\r?\n/);
  const match = /^([A-Z]+) (\S+) HTTP\/\d(?:\.\d)?$/.exec(requestLine.trim());
  if (!match) throw usageError(`the raw HTTP request does not start with "POST /path HTTP/1.1"`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw usageError('a header line in the raw HTTP request has no "name: value"');
    addHeader(headers, line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    throw usageError('the raw HTTP request is chunked: save the decoded body (hookguard listen --json does)');
  }
  return {
    request: { method: match[1]!, url: match[2]!, headers, body: data.subarray(end.at + end.length) },
    receivedAt: undefined,
  };
}

/** Repeated headers joined with ", ", as Node joins them for a receiver. */
function addHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.toLowerCase();
  headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
}
