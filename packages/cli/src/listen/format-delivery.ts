import type { Paint } from '../io/colour.js';
import { type SenderProfile, shortName } from '../senders/sender-profile.js';
import type { Delivery } from './delivery.js';
import type { ForwardReport } from './forward.js';
import { verdictOf } from './ui/verdict.js';

/** One delivery for people: what arrived, whether it is authentic, what it is, what went back. */
export function formatDelivery(delivery: Delivery, sender: SenderProfile, paint: Paint): string {
  const lines: string[] = [];
  const time = delivery.at.toTimeString().slice(0, 8);
  const refused = verdictOf(delivery) === 'refused';
  const verdict = delivery.verified
    ? paint.green('✓ verified')
    : refused
      ? paint.red(`✗ refused ${delivery.error?.code ?? delivery.response.status}`)
      : paint.yellow(`unverified (${delivery.unverified})`);
  const name = delivery.handshake
    ? `${paint.bold('handshake')} ${paint.dim('(answered by the provider; no handler runs)')}`
    : delivery.event === undefined
      ? ''
      : delivery.known === false
        ? paint.yellow(
            `unknown event${delivery.event === 'unknown' ? '' : ` "${delivery.event}"`} (no schema matched)`,
          )
        : paint.bold(delivery.event);
  lines.push(`${paint.dim(time)} ${delivery.method} ${delivery.url}  ${verdict}  ${name}`.trimEnd());
  if (refused && delivery.error) lines.push(`  ${paint.red(delivery.error.message)}`);
  if (delivery.diagnosis) lines.push(`  ${paint.yellow('doctor:')} ${delivery.diagnosis.message}`);
  for (const [header, value] of delivery.rawHeaders) lines.push(`  ${paint.cyan(header)}: ${value}`);
  lines.push(
    `  ${paint.dim(`${delivery.chunked ? 'chunked, no Content-Length' : 'Content-Length'}, ${delivery.bytes} bytes`)}`,
  );
  if (delivery.payload !== undefined) {
    lines.push(`  ${paint.bold('payload')} ${indent(JSON.stringify(delivery.payload, null, 2))}`);
  }
  for (const issue of delivery.issues) lines.push(`  ${paint.yellow('schema:')} ${describeIssue(issue)}`);
  const { response, reading } = delivery;
  const status =
    response.status < 300 ? paint.green(String(response.status)) : paint.red(String(response.status));
  if (delivery.forwarded) lines.push(`  ${describeForward(delivery.forwarded, paint)}`);
  lines.push(`  ${paint.bold('reply')} ${status} ${response.body}`.trimEnd());
  if (!refused && delivery.error)
    lines.push(`  ${paint.red(`${delivery.error.code}: ${delivery.error.message}`)}`);
  lines.push(`  ${paint.dim(`${shortName(sender)}: ${reading.summary}`)}`);
  return lines.join('\n');
}

function indent(text: string): string {
  return text.split('\n').join('\n  ');
}

function describeIssue(issue: unknown): string {
  if (typeof issue !== 'object' || issue === null) return String(issue);
  const { path, message } = issue as { path?: unknown; message?: unknown };
  const where = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
  return `${where}${String(message ?? JSON.stringify(issue))}`;
}

function describeForward(forwarded: ForwardReport, paint: Paint): string {
  const where = `${paint.bold('forwarded')} to ${forwarded.url}`;
  if (forwarded.outcome === 'answered') return `${where}: the app answered in ${forwarded.ms} ms`;
  const what = forwarded.outcome === 'timeout' ? 'too slow' : 'unreachable';
  return `${where}: ${paint.red(`${what} (${forwarded.reason ?? ''})`)}; the sender got the answer below`;
}
