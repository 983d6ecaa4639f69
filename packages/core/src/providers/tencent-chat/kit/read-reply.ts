import { fieldOf, tryParseJson } from '../../../testing/json-fields.js';
import type { ReplyReading, SenderAnswer } from '../../../testing/sender-kit.js';
import { BEFORE_CALLBACKS } from '../before-callbacks.js';

function isBeforeCallback(command: string | undefined): boolean {
  return (
    command !== undefined &&
    (Object.hasOwn(BEFORE_CALLBACKS, command) || /\.Callback(Before|Prev)/.test(command))
  );
}

/** The callback's command: the delivery's event name, else the `CallbackCommand` of the body sent. */
function commandOf(answer: SenderAnswer): string | undefined {
  if (answer.event !== undefined) return answer.event;
  const command =
    answer.sent === undefined ? undefined : fieldOf(tryParseJson(answer.sent), 'CallbackCommand');
  return typeof command === 'string' ? command : undefined;
}

/** Tencent counts anything but a 200 with a JSON body as a failure (§4.4). */
export function readTencentReply(answer: SenderAnswer): ReplyReading {
  const { status, body } = answer;
  const before = isBeforeCallback(commandOf(answer));
  const onFailure = before ? 'the action goes ahead (default timeout policy)' : 'no retry by default';
  if (status !== 200) return { delivered: false, summary: `failure (status ${status}): ${onFailure}` };
  let decoded: unknown;
  try {
    decoded = JSON.parse(body);
  } catch {
    return { delivered: false, summary: `failure (body is not JSON): ${onFailure}` };
  }
  if (!before)
    return { delivered: true, summary: 'acknowledged (Tencent ignores after-callback answers)', decoded };
  return { delivered: true, summary: describeDecision(decoded), decoded };
}

function describeDecision(decoded: unknown): string {
  const code = fieldOf(decoded, 'ErrorCode');
  const info = fieldOf(decoded, 'ErrorInfo');
  if (code === 1) return 'reject';
  if (code === 2) return 'discard silently (the sender sees success)';
  if (typeof code === 'number' && code !== 0)
    return `reject with code ${code}${info ? ` "${String(info)}"` : ''}`;
  if (code !== 0) return 'ErrorCode missing: Tencent cannot read a decision';
  const changes = ['MsgBody', 'CloudCustomData', 'RefusedMembers_Account', 'ResultItem'].filter(
    (key) => fieldOf(decoded, key) !== undefined,
  );
  const results = fieldOf(decoded, 'ResultItem');
  if (Array.isArray(results)) {
    const refused = results.filter((item) => fieldOf(item, 'ResultCode') !== 0).length;
    return `friend verdicts: ${results.length - refused} allowed, ${refused} refused`;
  }
  return changes.length > 0 ? `allow, with new ${changes.join(' and ')}` : 'allow';
}
