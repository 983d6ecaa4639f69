import { isJsonContentType } from '../body/content-type.js';
import { WebhookError } from '../errors.js';
import { headerValue } from '../http/headers.js';
import type { WebhookHeaders } from '../http/types.js';
import type { Provider } from '../provider.js';
import { DEFAULT_METHODS, isBodilessMethod } from '../verify-input.js';

/** Checks that need only the request line and headers, done before a byte of body is read. */
export function checkRequestHead(
  provider: Provider<never, unknown> | Provider,
  method: string,
  headers: WebhookHeaders,
): void {
  const methods = provider.methods ?? DEFAULT_METHODS;
  // POST to a POST-only sender is nearly every request: one comparison decides it.
  const upper = method === 'POST' ? method : method.toUpperCase();
  if (!methods.includes(upper)) {
    throw new WebhookError(405, 'METHOD_NOT_ALLOWED', `This endpoint takes ${methods.join(' or ')}`, {
      headers: { allow: methods.join(', ') },
    });
  }
  if (isBodilessMethod(upper)) return;
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
