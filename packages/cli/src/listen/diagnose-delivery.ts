import { diagnose } from '@hookguard/core/testing';
import { requestFromListen } from '../doctor/saved-request.js';
import type { SenderProfile } from '../senders/sender-profile.js';
import type { Delivery, DeliveryDiagnosis } from './delivery.js';

/** What `listen` verifies with, for the doctor to try its mistakes on; never printed. */
export interface DoctorSetup {
  readonly secrets: readonly string[];
  /** The secrets are public keys (`--public-key`). */
  readonly publicKey: boolean;
}

/**
 * For a refused delivery whose proof does not verify, the doctor's reading of why, the way
 * `hookguard doctor` reads the same line saved from `--json`; undefined for any other delivery.
 */
export async function diagnoseDelivery(
  delivery: Delivery,
  sender: SenderProfile,
  doctor: DoctorSetup,
): Promise<DeliveryDiagnosis | undefined> {
  // Keyed on the verdict, not the status: with --forward-to the status is the app's.
  if (delivery.verified || delivery.unverified !== undefined || delivery.error === undefined)
    return undefined;
  const { method, url, rawHeaders, bodyBase64 } = delivery;
  const diagnosis = await diagnose({
    kit: sender,
    request: requestFromListen({ method, url, rawHeaders, bodyBase64 }),
    secrets: doctor.secrets,
    publicKey: doctor.publicKey,
    receivedAt: delivery.at.getTime(),
  });
  if (diagnosis.verdict === 'verified') return undefined;
  return {
    verdict: diagnosis.verdict,
    ...(diagnosis.mistake === undefined ? {} : { mistake: diagnosis.mistake }),
    message: diagnosis.message,
  };
}
