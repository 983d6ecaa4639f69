import type { WebhookRequest } from '../../../http/types.js';
import { tencentChatSign } from '../verify.js';
import type { TencentChatBody } from './fixtures.js';

/** `Sign` as Tencent computes it: `hex(sha256(token + RequestTime))`. */
export function signTencentChat(token: string, requestTime: number | string): string {
  return tencentChatSign(token, String(requestTime)).toString('hex');
}

export interface TencentChatCallOptions {
  /** Signs the URL (`Sign`, `RequestTime`) when given: callback authentication on. */
  readonly token?: string;
  /** Unix seconds; default now. */
  readonly requestTime?: number;
  readonly sdkAppId?: string | number;
  /** Default: the body's `CallbackCommand`. */
  readonly command?: string;
  readonly clientIp?: string;
  /** Default `RESTAPI`. */
  readonly optPlatform?: string;
  /** The configured callback URL's path (and query, if it has one). Default `/tencent`. */
  readonly path?: string;
}

/**
 * The callback URL as Tencent builds it: the configured URL, then `SdkAppid`, `CallbackCommand`,
 * `contenttype=json`, `ClientIP`, `OptPlatform`, and with authentication on `Sign` and `RequestTime`.
 */
export function tencentChatUrl(command: string, options: TencentChatCallOptions = {}): string {
  const path = options.path ?? '/tencent';
  const params = new URLSearchParams({
    SdkAppid: String(options.sdkAppId ?? 1400000000),
    CallbackCommand: options.command ?? command,
    contenttype: 'json',
    ClientIP: options.clientIp ?? '127.0.0.1',
    OptPlatform: options.optPlatform ?? 'RESTAPI',
  });
  if (options.token !== undefined) {
    const requestTime = options.requestTime ?? Math.floor(Date.now() / 1000);
    params.append('Sign', signTencentChat(options.token, requestTime));
    params.append('RequestTime', String(requestTime));
  }
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}`;
}

/**
 * A callback exactly as Tencent sends it: POST, the proof in the query string, a compact JSON
 * body, and no Content-Type (Tencent documents none).
 */
export function tencentChatRequest(
  body: TencentChatBody | Readonly<Record<string, unknown>>,
  options: TencentChatCallOptions = {},
): WebhookRequest {
  const text = JSON.stringify(body);
  const command = typeof body['CallbackCommand'] === 'string' ? body['CallbackCommand'] : '';
  return {
    method: 'POST',
    url: tencentChatUrl(command, options),
    headers: { 'content-length': String(Buffer.byteLength(text)) },
    body: Buffer.from(text),
  };
}
