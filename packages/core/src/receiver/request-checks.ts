import { isJsonContentType } from '../body/content-type.js';
import { WebhookError } from '../errors.js';
import { headerValue } from '../http/headers.js';
import type { WebhookHeaders } from '../http/types.js';
import type { Provider } from '../provider.js';

/** Checks that need only the request line and headers, done before a byte of body is read. */
export function checkRequestHead(
  provider: Provider<never, unknown> | Provider,
  method: string,
  headers: WebhookHeaders,
): void {
  if (method !== 'POST' && method.toUpperCase() !== 'POST') {
    throw new WebhookError(405, 'METHOD_NOT_ALLOWED', 'Webhooks are delivered with POST', {
      headers: { allow: 'POST' },
    });
  }
  const contentType = headerValue(headers, 'content-type');
  const accepted = provider.acceptsContentType
    ? provider.acceptsContentType(contentType)
    : isJsonContentType(contentType);
  if (!accepted) {
    throw new WebhookError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type "${(contentType ?? '').slice(0, 60)}" is not accepted here; send application/json`,
    );
  }
}
