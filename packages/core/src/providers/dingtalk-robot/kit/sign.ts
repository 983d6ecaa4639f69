import { createHmac } from 'node:crypto';

/**
 * The headers DingTalk puts on a robot callback: `timestamp` (Unix milliseconds) and
 * `sign = base64(HMAC-SHA256(appSecret, timestamp + "\n" + appSecret))`. Nothing of the body.
 */
export function signDingtalkRobot(options: {
  readonly appSecret: string;
  /** Unix milliseconds as text; default now. */
  readonly timestamp?: string;
}): { readonly timestamp: string; readonly sign: string } {
  const timestamp = options.timestamp ?? String(Date.now());
  const sign = createHmac('sha256', options.appSecret)
    .update(`${timestamp}\n${options.appSecret}`, 'utf8')
    .digest('base64');
  return { timestamp, sign };
}
