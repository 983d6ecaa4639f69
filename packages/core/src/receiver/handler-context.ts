import type { HandlerContext } from '../event-map.js';
import type { WebhookHeaders } from '../http/types.js';

/** The event a handler receives: the typed payload, or the `UnknownEvent` wrapper. */
export function handlerEventOf(event: {
  readonly name: string;
  readonly known: boolean;
  readonly payload: unknown;
  readonly issues: readonly unknown[];
}): unknown {
  return event.known
    ? event.payload
    : {
        name: event.name === 'unknown' ? undefined : event.name,
        payload: event.payload,
        issues: event.issues,
      };
}

export function handlerContextOf<Meta>(
  provider: string,
  event: {
    readonly name: string;
    readonly known: boolean;
    readonly deliveryKey?: string | undefined;
    readonly meta: Meta;
  },
  request: {
    readonly headers: WebhookHeaders;
    readonly query: URLSearchParams;
    readonly receivedAt: number;
    readonly secretIndex?: number | undefined;
  },
  abort: { readonly signal: AbortSignal },
): HandlerContext<Meta> {
  return {
    name: event.known ? event.name : 'unknown',
    provider,
    deliveryKey: event.deliveryKey,
    secretIndex: request.secretIndex,
    headers: request.headers,
    query: request.query,
    meta: event.meta,
    receivedAt: request.receivedAt,
    // Read through, so a LazyAbortController makes its signal only for handlers that use it.
    get signal() {
      return abort.signal;
    },
  };
}
