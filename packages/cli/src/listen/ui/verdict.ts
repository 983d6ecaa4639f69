import type { Delivery } from '../delivery.js';

/** What the page files a delivery under; its filter offers exactly these. */
export type Verdict = 'verified' | 'refused' | 'unverified' | 'handshake';

export const VERDICTS: readonly Verdict[] = ['verified', 'refused', 'unverified', 'handshake'];

/**
 * The verdict `listen` prints (`formatDelivery` reads it here), as one word: refused is anything
 * neither verified nor let through without a secret; an accepted handshake is its own kind.
 */
export function verdictOf(delivery: Delivery): Verdict {
  const refused = !delivery.verified && delivery.unverified === undefined;
  if (refused) return 'refused';
  if (delivery.handshake) return 'handshake';
  return delivery.verified ? 'verified' : 'unverified';
}
