import type { Selectors } from '../anchoring/selectors';

/** What identifies a passage of a page: its quote and where it sits (the anchoring selectors). */
export interface ClippingTarget {
  quote: string;
  selectors: Selectors;
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * True when two clippings keep the same passage of a page: the same quote (whitespace aside)
 * at the same place, or, when one of them has no position (a page edited since), the same
 * quote with the same context. Saving a passage again edits its clipping instead of adding
 * a second, identical one. Callers compare clippings of one page only (same page key).
 */
export function isSameTarget(a: ClippingTarget, b: ClippingTarget): boolean {
  const [quoteA, positionA] = a.selectors;
  const [quoteB, positionB] = b.selectors;
  if (flat(a.quote) !== flat(b.quote) || flat(quoteA.exact) !== flat(quoteB.exact)) return false;
  if (positionA && positionB && positionA.start === positionB.start && positionA.end === positionB.end) return true;
  return flat(quoteA.prefix ?? '') === flat(quoteB.prefix ?? '') && flat(quoteA.suffix ?? '') === flat(quoteB.suffix ?? '');
}

/** The clipping among `candidates` that keeps the same passage as `target`, if any. */
export function findSameTarget<T extends ClippingTarget>(candidates: readonly T[], target: ClippingTarget): T | undefined {
  return candidates.find((candidate) => isSameTarget(candidate, target));
}
