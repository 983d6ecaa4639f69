/**
 * The path of a path-only or absolute request URL, percent-encoding kept as sent: a sender that
 * puts an id in the path (Matrix's `/transactions/{txnId}`) decodes its own segment, once.
 */
export function pathOf(url: string): string {
  let start = 0;
  if (url.charCodeAt(0) !== 0x2f /* "/" */) {
    const scheme = url.indexOf('://');
    if (scheme !== -1) {
      start = url.indexOf('/', scheme + 3);
      if (start === -1) return '/';
    }
  }
  let end = url.length;
  for (let at = start; at < url.length; at++) {
    const code = url.charCodeAt(at);
    if (code === 0x3f /* "?" */ || code === 0x23 /* "#" */) {
      end = at;
      break;
    }
  }
  // An absolute URL with nothing after the host ("https://host?x") has the root path.
  return end === start ? '/' : url.slice(start, end);
}
