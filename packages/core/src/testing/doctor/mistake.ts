import type { WebhookRequest } from '../../http/types.js';
import type { Provider } from '../../provider.js';
import type { SenderKit } from '../sender-kit.js';

/** A delivery that failed verification, and what the doctor may try on it. */
export interface DoctorCase {
  readonly kit: SenderKit;
  /** The request exactly as it was saved: method, url, headers, raw body. */
  readonly request: WebhookRequest;
  /** The secrets the user gave; never printed, never returned. */
  readonly secrets: readonly string[];
  /**
   * The sender's real verifier for a secret (or public key); undefined when the provider
   * refuses that value (a Standard Webhooks key without `whsec_`).
   */
  verifierFor(secret: string): Provider | undefined;
}

/** One guess: the real verifier on a changed request or with a changed secret. */
export interface Attempt {
  readonly provider: Provider;
  readonly request: WebhookRequest;
  /** What went wrong and how to fix it, in one sentence, naming no secret. */
  readonly explanation: string;
}

/**
 * A known way to get a signature check wrong. Its attempts re-run the sender's own provider on
 * a request or secret changed the way the mistake changes it: when one verifies, the mistake
 * explains the failure. A mistake never computes a signature itself.
 */
export interface Mistake {
  /** A stable name (`body-reserialised`), for scripts and tests. */
  readonly name: string;
  attempts(failed: DoctorCase): Iterable<Attempt>;
}

/** The verifiers for every secret given, or the unsigned one where the sender may send unsigned. */
export function givenVerifiers(failed: DoctorCase): Provider[] {
  if (failed.secrets.length === 0) {
    const unsigned = tryProvider(() => failed.kit.provider(undefined));
    return unsigned === undefined ? [] : [unsigned];
  }
  return failed.secrets.flatMap((secret) => {
    const provider = failed.verifierFor(secret);
    return provider === undefined ? [] : [provider];
  });
}

/** A provider, or undefined when its factory refuses the configuration (a TypeError). */
export function tryProvider(build: () => Provider): Provider | undefined {
  try {
    return build();
  } catch {
    return undefined;
  }
}

/** The same request with other body bytes. */
export function withBody(request: WebhookRequest, body: Uint8Array): WebhookRequest {
  return { ...request, body };
}
