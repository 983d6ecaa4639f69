import { matchHmac } from '../../crypto/hmac.js';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import { checkTimestamp, compileTimestampRule } from '../../sender-toolkit/timestamp-window.js';

export const DINGTALK_ROBOT_SIGN_HEADER = 'sign';
export const DINGTALK_ROBOT_TIMESTAMP_HEADER = 'timestamp';
/** "相差1小时以上，则认为是非法的请求": the one window DingTalk documents. */
export const DINGTALK_ROBOT_WINDOW_MS = 60 * 60_000;
const TIMESTAMP = compileTimestampRule({
  header: DINGTALK_ROBOT_TIMESTAMP_HEADER,
  unit: 'milliseconds',
  toleranceSeconds: DINGTALK_ROBOT_WINDOW_MS / 1000,
});

/**
 * DingTalk's robot callback proof: `sign = base64(HMAC-SHA256(appSecret, timestamp + "\n" +
 * appSecret))` with `timestamp` in milliseconds, both headers, within an hour of this server's
 * clock. It covers **no byte of the body** (SECURITY.md). Each configured secret is tried with the
 * message it makes, since the secret is part of what is signed.
 */
export function verifyDingtalkRobot(secrets: readonly string[], input: VerifyInput): VerifyOutcome {
  const sign = headerValue(input.headers, DINGTALK_ROBOT_SIGN_HEADER);
  if (!sign)
    return refused('SIGNATURE_MISSING', "The sign header is missing; is this the robot's HTTP message URL?");
  const time = checkTimestamp(TIMESTAMP, input);
  if (!time.ok) return time;
  const timestamp = time.text;
  const signature = decodeSignature(sign, 'base64', 32);
  if (!signature) return refused('SIGNATURE_MALFORMED', 'sign must be the base64 of a 32-byte HMAC-SHA256');
  for (const [index, secret] of secrets.entries()) {
    if (matchHmac('sha256', [secret], [`${timestamp}\n${secret}`], signature) === 0) {
      return { ok: true, secretIndex: index };
    }
  }
  return refused('SIGNATURE_MISMATCH', 'sign does not match the timestamp');
}
