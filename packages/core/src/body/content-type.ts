/**
 * A JSON sender's request is accepted when its Content-Type is JSON or absent (Tencent Cloud Chat
 * documents none). Anything clearly not JSON (form posts, text/plain, multipart) is refused.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  // What nearly every sender sends, answered without splitting and lower-casing (every request).
  if (contentType === 'application/json') return true;
  const media = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (media === '') return true;
  return (
    media === 'application/json' ||
    media === 'text/json' ||
    (media.startsWith('application/') && media.endsWith('+json'))
  );
}
