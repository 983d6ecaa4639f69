/** Header names are lower-case, as Node's `IncomingMessage.headers` and the Fetch `Headers` give them. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What every adapter turns its framework's request into. The body is the exact bytes received. */
export interface WebhookRequest {
  readonly method: string;
  /** Path and query (`/onebot?x=1`) or an absolute URL; only the query string is read. */
  readonly url: string;
  readonly headers: WebhookHeaders;
  readonly body: Uint8Array;
  /** The client address as the framework sees it (trust-proxy aware where the framework is). */
  readonly remoteAddress?: string | undefined;
}

/** A request before its body is read: what an adapter hands over with the body stream. */
export type RequestHead = Omit<WebhookRequest, 'body'>;

/** What the pipeline answers; adapters write it back unchanged. */
export interface WebhookResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Already serialised; empty for 204. */
  readonly body: string;
}
