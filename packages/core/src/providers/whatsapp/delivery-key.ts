import { createHash } from 'node:crypto';

type Body = Readonly<Record<string, unknown>>;

/**
 * GOWA retries a delivery up to 5 times (any non-2xx, timeout or transport error), so the same
 * event can arrive again after the handler already ran. The key names the real event, so the
 * receiver's dedupe runs the handler once per event, not once per attempt:
 * - message events: the WhatsApp message key (device, chat, message id) and the event name;
 * - receipts: who acknowledged which ids, and how (each group member's read is its own event);
 * - calls: the call id; deletions: the deleted message id;
 * - events with no id of their own (presence, group, label and newsletter changes): a digest of
 *   the exact bytes. A retry resends the very same bytes (GOWA marshals once and rewinds the
 *   body); two real events with identical bytes (the same typing state within one second) hold
 *   nothing a handler could tell apart.
 */
export function whatsappDeliveryKey(name: string, body: Body, raw: Uint8Array): string {
  return semanticKey(name, body) ?? join([name, createHash('sha256').update(raw).digest('hex')])!;
}

function semanticKey(name: string, body: Body): string | undefined {
  const payload = asRecord(body['payload']);
  const device = text(body['device_id']) ?? '';
  switch (name) {
    case 'message':
    case 'message.reaction':
    case 'message.revoked':
    case 'message.edited':
      return join([name, device, text(payload['chat_id']), text(payload['id'])]);
    case 'message.ack': {
      const ids = Array.isArray(payload['ids']) ? payload['ids'].map(text) : [];
      if (ids.length === 0) return undefined;
      return join([
        name,
        device,
        text(payload['chat_id']),
        text(payload['from']),
        text(payload['receipt_type']),
        ...ids,
      ]);
    }
    case 'message.deleted':
      return join([name, device, text(payload['chat_id']), text(payload['deleted_message_id'])]);
    case 'call.offer':
      return join([name, device, text(payload['call_id'])]);
    case 'legacy.message':
    case 'legacy.message.reaction':
    case 'legacy.message.revoked':
    case 'legacy.message.edited':
      return join([name, device, text(body['chat_id']), text(asRecord(body['message'])['id'])]);
    default:
      return undefined;
  }
}

/** `|`-joined, with `%` and `|` escaped so parts can never run into each other; undefined if a part is missing. */
function join(parts: readonly (string | undefined)[]): string | undefined {
  if (parts.some((part) => part === undefined)) return undefined;
  return parts.map((part) => part!.replaceAll('%', '%25').replaceAll('|', '%7C')).join('|');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function asRecord(value: unknown): Body {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : {};
}
