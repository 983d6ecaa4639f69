import type { WebhookRequest } from '../../http/types.js';
import type { Provider } from '../../provider.js';
import { verify } from '../../verify.js';
import type { SenderKit } from '../sender-kit.js';
import { bodyMistakes, exampleBodyMistake } from './body-mistakes.js';
import { describeSkew, statedTimes } from './clock.js';
import { type Attempt, type DoctorCase, givenVerifiers, type Mistake, tryProvider } from './mistake.js';
import { demoSecretMistake, secretMistakes } from './secret-mistakes.js';
import { signatureMistakes } from './signature-mistakes.js';

export interface DiagnoseOptions {
  readonly kit: SenderKit;
  /** The request as it was saved: method, url (path and query), headers, the exact body bytes. */
  readonly request: WebhookRequest;
  /** The secret (or several); none for a sender that may send unsigned. Never part of the result. */
  readonly secrets?: string | readonly string[];
  /** The secrets are public keys (`kit.verifyKey`, Discord), not signing secrets. */
  readonly publicKey?: boolean;
  /** When the request was received, ms since the epoch; default now. */
  readonly receivedAt?: number;
}

export interface Diagnosis {
  /** `verified`: nothing wrong; `explained`: a known mistake; `unexplained`: none explains it. */
  readonly verdict: 'verified' | 'explained' | 'unexplained';
  /** The mistake that explains the failure (`body-reserialised`, `timestamp-window`, ...). */
  readonly mistake?: string;
  /** One sentence for people: the mistake and its fix. Names no secret. */
  readonly message: string;
  /** Why the request as given is refused: the verifier's code and message. */
  readonly refusal?: { readonly code: string; readonly message: string };
}

/** Every sender's mistakes first, then the ones its kit knows, then the unlikely ones. */
function mistakesFor(kit: SenderKit): Mistake[] {
  return [
    ...bodyMistakes,
    ...secretMistakes,
    ...signatureMistakes,
    ...(kit.mistakes ?? []),
    exampleBodyMistake,
    demoSecretMistake,
  ];
}

/**
 * Why did this request fail verification? Re-runs the sender's own verification on the request
 * and secret changed the way each known mistake changes them, and names the first that verifies.
 * Development tooling (`hookguard doctor`, `listen`, tests): it runs many verifications, and
 * belongs nowhere near a receiver's answer to a sender.
 */
export async function diagnose(options: DiagnoseOptions): Promise<Diagnosis> {
  const { kit, request } = options;
  const secrets = typeof options.secrets === 'string' ? [options.secrets] : [...(options.secrets ?? [])];
  const receivedAt = options.receivedAt ?? Date.now();
  const verifyKey = kit.verifyKey;
  const failed: DoctorCase = {
    kit,
    request,
    secrets,
    verifierFor: (secret) =>
      tryProvider(() => (options.publicKey && verifyKey ? verifyKey.provider(secret) : kit.provider(secret))),
  };
  const given = givenVerifiers(failed);
  let refusal: Diagnosis['refusal'];
  for (const provider of given) {
    const checked = await verify(provider, request, { now: () => receivedAt });
    if (checked.ok) return { verdict: 'verified', message: 'The request verifies: nothing to diagnose.' };
    refusal ??= { code: checked.error.code, message: checked.error.message };
  }
  if (given.length === 0) {
    refusal = { code: 'BAD_SECRET', message: `The secret given is not one ${kit.name} accepts.` };
  }
  const found = await firstExplained(failed, receivedAt, refusal);
  return (
    found ?? {
      verdict: 'unexplained',
      message:
        'No known mistake explains this: the signature was made with another secret or over other bytes.',
      ...(refusal ? { refusal } : {}),
    }
  );
}

async function firstExplained(
  failed: DoctorCase,
  receivedAt: number,
  refusal: Diagnosis['refusal'],
): Promise<Diagnosis | undefined> {
  const mistakes = mistakesFor(failed.kit);
  const explained = (mistake: string, message: string): Diagnosis => ({
    verdict: 'explained',
    mistake,
    message,
    ...(refusal ? { refusal } : {}),
  });
  for (const mistake of mistakes) {
    for (const attempt of mistake.attempts(failed)) {
      if (await verifies(attempt, receivedAt)) return explained(mistake.name, attempt.explanation);
    }
  }
  // Verified at the time the request states, the proof is right and only the clock is off.
  const times = statedTimes(failed);
  const window = failed.kit.proof.windowMs;
  for (const stated of times) {
    for (const provider of givenVerifiers(failed)) {
      if (!(await verifies({ provider, request: failed.request, explanation: '' }, stated))) continue;
      return explained(
        'timestamp-window',
        `The timestamp is ${describeSkew(stated, receivedAt, window)}: the proof is right, but the request ` +
          'is outside the freshness window; sync both clocks (NTP), and never replay or resend saved requests.',
      );
    }
  }
  // A saved request is often stale as well as wrong: look for the mistake at its own time.
  for (const stated of times) {
    for (const mistake of mistakes) {
      for (const attempt of mistake.attempts(failed)) {
        if (!(await verifies(attempt, stated))) continue;
        return explained(
          mistake.name,
          `${attempt.explanation} (Its timestamp is also ${describeSkew(stated, receivedAt, window)}.)`,
        );
      }
    }
  }
  return undefined;
}

async function verifies(attempt: Attempt, now: number): Promise<boolean> {
  const checked = await verify(attempt.provider as Provider, attempt.request, { now: () => now });
  return checked.ok;
}
