import type { Variant } from '../variants.js';

export type Side = 'before' | 'after';

export interface Slot {
  readonly variant: Variant;
  readonly side: Side;
}

/**
 * The runs of one round, for one framework and size: each variant's before and after back to
 * back, so a drift in the shared machine's load hits both sides of a pair alike. Which side goes
 * first alternates from pair to pair and from round to round (before, after, after, before; then
 * after, before, before, after), so neither side is always the one that runs second.
 */
export function roundPlan(round: number, variants: readonly Variant[]): Slot[] {
  return variants.flatMap((variant, index) => {
    const sides: Side[] = (round + index) % 2 === 1 ? ['before', 'after'] : ['after', 'before'];
    return sides.map((side) => ({ variant, side }));
  });
}
