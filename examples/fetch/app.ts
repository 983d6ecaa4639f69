import type { Mount } from '../common/receivers.js';

/**
 * A plain Web-standard handler, `Request → Response`, with no framework: the same function runs
 * on Node (see server.ts), Bun (`Bun.serve({ fetch: handle })`) and Deno (`Deno.serve(handle)`).
 */
export function createHandler(mounts: readonly Mount[]): (request: Request) => Promise<Response> {
  const byPath = new Map(mounts.map(({ path, receiver }) => [path, receiver]));
  const prefixes = mounts.filter((mount) => mount.prefix);
  return async (request) => {
    const { pathname } = new URL(request.url);
    // A prefix mount (Matrix) answers every path below its own.
    const receiver =
      byPath.get(pathname) ?? prefixes.find((mount) => pathname.startsWith(`${mount.path}/`))?.receiver;
    if (receiver) return receiver.fetch(request);
    if (pathname === '/healthz') return Response.json({ ok: true });
    return Response.json({ error: { code: 'NOT_FOUND', message: 'No webhook here' } }, { status: 404 });
  };
}
