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

/**
 * The context object handlers receive. `signal` is read through to the delivery's abort
 * controller, so a lazy one is made only for handlers that read it.
 */
class DeliveryContext<Meta> implements HandlerContext<Meta> {
  readonly name: string;
  readonly provider: string;
  readonly deliveryKey: string | undefined;
  readonly secretIndex: number | undefined;
  readonly headers: WebhookHeaders;
  readonly query: URLSearchParams;
  readonly meta: Meta;
  readonly receivedAt: number;
  readonly #abort: { readonly signal: AbortSignal };

  constructor(
    provider: string,
    event: EventFacts<Meta>,
    request: RequestFacts,
    abort: { readonly signal: AbortSignal },
  ) {
    this.name = event.known ? event.name : 'unknown';
    this.provider = provider;
    this.deliveryKey = event.deliveryKey;
    this.secretIndex = request.secretIndex;
    this.headers = request.headers;
    this.query = request.query;
    this.meta = event.meta;
    this.receivedAt = request.receivedAt;
    this.#abort = abort;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }
}

interface EventFacts<Meta> {
  readonly name: string;
  readonly known: boolean;
  readonly deliveryKey?: string | undefined;
  readonly meta: Meta;
}

interface RequestFacts {
  readonly headers: WebhookHeaders;
  readonly query: URLSearchParams;
  readonly receivedAt: number;
  readonly secretIndex?: number | undefined;
}

export function handlerContextOf<Meta>(
  provider: string,
  event: EventFacts<Meta>,
  request: RequestFacts,
  abort: { readonly signal: AbortSignal },
): HandlerContext<Meta> {
  return new DeliveryContext(provider, event, request, abort);
}
