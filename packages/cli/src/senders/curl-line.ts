import { shellQuote } from '../io/shell-quote.js';
import type { OutgoingRequest } from './sender-profile.js';

/**
 * A `curl` command that puts the same request on the wire: the sender's headers, none of curl's
 * own (an empty `-H 'Accept:'` removes one), chunked when the sender sends chunked, and the body
 * bytes unchanged (`--data-binary`, never `-d`, which strips newlines).
 */
export function curlLine(url: string, request: OutgoingRequest, file: string | undefined): string {
  const method = request.method ?? 'POST';
  const words = ['curl', '-X', method, shellQuote(url)];
  const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
  for (const [name, value] of request.headers) words.push('-H', shellQuote(`${name}: ${value}`));
  // curl adds these unless told otherwise; a real sender may not send them.
  if (!names.has('user-agent')) words.push('-H', shellQuote('User-Agent:'));
  if (!names.has('accept')) words.push('-H', shellQuote('Accept:'));
  // curl's default Content-Type for --data-binary is a form type; send none when the sender sends none.
  if (!names.has('content-type') && method !== 'GET') words.push('-H', shellQuote('Content-Type:'));
  if (request.chunked) words.push('-H', shellQuote('Transfer-Encoding: chunked'));
  // Meta's subscription check is a GET with everything in the query.
  if (method === 'GET') return words.join(' ');
  words.push(
    '--data-binary',
    file === undefined ? shellQuote(Buffer.from(request.body).toString('utf8')) : shellQuote(`@${file}`),
  );
  return words.join(' ');
}
