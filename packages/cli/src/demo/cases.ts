import type {
  DemoExpectation,
  OutgoingRequest,
  SenderProfile,
  SignInput,
} from '../senders/sender-profile.js';

/** One request the demo sends to every adapter. */
export interface DemoCase {
  readonly sender: SenderProfile;
  readonly event: string;
  /** The tampering applied, or undefined for the authentic delivery. */
  readonly tampering: string | undefined;
  readonly request: OutgoingRequest;
  readonly expect: DemoExpectation;
  /** Shown in the table by default (the showcase event, authentic and tampered). */
  readonly showcase: boolean;
}

/**
 * Every fixture of every sender, authentic and tampered: the showcase event with each of the
 * sender's tamperings, every other fixture with one of them in turn, so every tampering meets
 * many bodies while the run stays at a few seconds.
 */
export function buildDemoCases(senders: readonly SenderProfile[], now: number): DemoCase[] {
  const cases: DemoCase[] = [];
  for (const sender of senders) {
    const { demo } = sender;
    Object.entries(sender.fixtures).forEach(([event, payload], index) => {
      const input: SignInput = { body: sender.encode(payload), secret: sender.secret.demo, now, event };
      const authentic = sender.sign(input);
      const showcase = event === demo.showcase;
      cases.push({
        sender,
        event,
        tampering: undefined,
        request: authentic,
        expect: demo.expect(event),
        showcase,
      });
      const { tamperings: all } = sender;
      const tamperings = showcase ? all : [all[index % all.length]!];
      for (const tampering of tamperings) {
        const request = tampering.alter(authentic, (changes) => sender.sign({ ...input, ...changes }));
        cases.push({
          sender,
          event,
          tampering: tampering.name,
          request,
          // A change the proof cannot notice (an unsigned body) is answered as the delivery itself,
          // reply included (Telegram's demo answers a message with a method call).
          expect: {
            status: tampering.expectStatus < 300 ? demo.expect(event).status : tampering.expectStatus,
          },
          showcase,
        });
      }
    });
  }
  return cases;
}
