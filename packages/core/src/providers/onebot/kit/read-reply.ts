import type { ReplyDecoders, ReplyReading, SenderAnswer } from '../../../testing/sender-kit.js';

/** The quick-operation fields NapCat's `handleQuickOperation` reads; the rest it accepts and ignores. */
const HONOURED = ['reply', 'auto_escape', 'at_sender', 'approve', 'reason'];

/** As NapCat's `emitEventAsync`: any 2xx body is parsed with json5, an empty one means "nothing". */
export function readNapcatReply({ status, body }: SenderAnswer, decoders: ReplyDecoders): ReplyReading {
  if ([301, 302, 307, 308].includes(status)) {
    return { delivered: false, summary: 're-posts the same body to the Location (up to 5 redirects)' };
  }
  if (status < 200 || status >= 300) {
    return { delivered: false, summary: `logs "Unexpected status code: ${status}"; no retry` };
  }
  if (body === '') return { delivered: true, summary: 'no quick operation', decoded: {} };
  let decoded: unknown;
  try {
    decoded = decoders.json5(body);
  } catch (error) {
    return {
      delivered: false,
      summary: `json5 cannot parse it (${(error as Error).message}); logs an error`,
    };
  }
  if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) {
    return { delivered: true, summary: 'not an object: no quick operation', decoded };
  }
  const fields = Object.entries(decoded as Record<string, unknown>);
  const acted = fields
    .filter(([key]) => HONOURED.includes(key))
    .map(([key, value]) => describeField(key, value));
  const ignored = fields.filter(([key]) => !HONOURED.includes(key)).map(([key]) => key);
  const parts = [acted.length > 0 ? acted.join(', ') : 'no quick operation'];
  if (ignored.length > 0) parts.push(`(ignores ${ignored.join(', ')})`);
  return { delivered: true, summary: parts.join(' '), decoded };
}

function describeField(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? key : `${key}: false`;
  return `${key} ${JSON.stringify(value)}`;
}
