/** The query string of a path-only or absolute request URL. */
export function queryOf(url: string): URLSearchParams {
  const mark = url.indexOf('?');
  if (mark === -1) return new URLSearchParams();
  const hash = url.indexOf('#', mark);
  return new URLSearchParams(url.slice(mark + 1, hash === -1 ? undefined : hash));
}
