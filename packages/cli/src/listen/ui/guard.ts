import type { IncomingMessage } from 'node:http';

/** Why the inspector refuses a request, or undefined when the request may go on. */
export type Refusal = { readonly status: 403 | 415; readonly message: string } | undefined;

/**
 * The inspector answers its own page only. A page on another site in the user's browser can
 * reach 127.0.0.1 too, so:
 * - the Host must be the inspector's own (`127.0.0.1:<port>` or `localhost:<port>`): a site
 *   whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name and is refused;
 * - an Origin or Sec-Fetch-Site, when the browser sends one, must say the request comes from the
 *   inspector's page; a POST must carry the Origin (browsers always do) and a JSON content type,
 *   which a cross-site form cannot send without a preflight this server never grants.
 */
export function refuseForeign(req: IncomingMessage, port: number): Refusal {
  const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const host = req.headers.host;
  if (host === undefined || !own.has(host.toLowerCase())) {
    return { status: 403, message: 'this inspector answers only at its own address (http://127.0.0.1)' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !own.has(originHost(origin))) {
    return { status: 403, message: 'requests from other sites are refused' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'requests from other sites are refused' };
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    if (origin === undefined)
      return { status: 403, message: 'a request that changes something needs an Origin' };
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json') return { status: 415, message: 'send application/json' };
  }
  return undefined;
}

/** `host:port` of an http Origin; '' for anything else (`null`, another scheme), which never matches. */
function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? `${url.hostname}:${url.port || '80'}`.toLowerCase() : '';
  } catch {
    return '';
  }
}
