import type { ReplyReading, SenderAnswer, SenderKit } from '@hookguard/core/testing';
import JSON5 from 'json5';

/** The CLI speaks every sender through its kit in `@hookguard/core/testing`. */
export type {
  DemoExpectation,
  OutgoingRequest,
  ReplyReading,
  SenderKit as SenderProfile,
  SignInput,
} from '@hookguard/core/testing';
export { shortName } from '@hookguard/core/testing';

/** The sender's reading of an answer, with the parsers core leaves to the caller (NapCat's json5). */
export function readReply(sender: SenderKit, answer: SenderAnswer): ReplyReading {
  return sender.readReply(answer, { json5: JSON5.parse });
}
