import type { ReplyReading, SenderAnswer } from './sender-kit.js';

/**
 * How a sender that reads only the status takes an answer: any 2xx is delivered, anything else
 * a failure handled as `failed` says.
 */
export function statusReading(delivered: string, failed: string): (answer: SenderAnswer) => ReplyReading {
  return ({ status }) =>
    status >= 200 && status < 300
      ? { delivered: true, summary: delivered }
      : { delivered: false, summary: failed };
}
