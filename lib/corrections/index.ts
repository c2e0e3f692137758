import type { ScanResult } from '../pipeline/types';
import type { Stance } from '../pack/schema';
import type { Correction } from './schema';

/**
 * The reader's corrections of what the lens found, kept per page and thesis and applied to
 * every scan of that page: a sentence that is not a claim, a wrong stance, a wrong item.
 * Each carries the sentence's text and language, the thesis and the items, so that it can be
 * handed to a linker as an example (`{ text, lang, itemId, stance | 'not-claim' }`). Pure.
 */
export type { Correction, CorrectionRequest } from './schema';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The scan results with the reader's corrections applied (later corrections win). */
export function applyCorrections(results: readonly ScanResult[], corrections: readonly Correction[]): ScanResult[] {
  if (corrections.length === 0) return results.slice();
  return results.map((result) => {
    const mine = corrections.filter((correction) => correction.thesisId === result.thesisId);
    if (mine.length === 0) return result;
    const claims = result.claims.flatMap((claim) => {
      const text = normalize(claim.text);
      let items = claim.items.slice();
      for (const correction of mine) {
        if (normalize(correction.text) !== text) continue;
        if (correction.kind === 'not-claim') return [];
        if (correction.kind === 'stance' && correction.stance) {
          items = items.map((link) => (link.id === correction.itemId || !correction.itemId ? { ...link, stance: correction.stance! } : link));
        }
        if (correction.kind === 'item' && correction.toItemId) {
          const wrong = items.find((link) => link.id === correction.itemId);
          const stance = correction.stance ?? wrong?.stance ?? 'neutral';
          items = items.filter((link) => link.id !== correction.itemId && link.id !== correction.toItemId);
          items.unshift({ id: correction.toItemId, stance });
        }
      }
      return items.length > 0 ? [{ ...claim, items, checks: claim.checks.filter((check) => items.some((link) => link.id === check.itemId)) }] : [];
    });
    return { ...result, claims };
  });
}

/** A linker example (lib/model's `withExamples` takes these): a link with its stance, or "not a claim". */
export type LinkerExample =
  | { text: string; lang: 'en' | 'zh'; itemId: string; stance: Stance }
  | { text: string; lang: 'en' | 'zh'; itemId?: string; notAClaim: true };

/**
 * The reader's corrections of one thesis as linker examples, oldest first (a later one of the
 * same sentence wins). A wrong item teaches both sides: not about the wrong item, about the
 * right one. A correction without a language (made before corrections kept one) is left out:
 * the model reads English and Chinese differently.
 */
export function asExamples(corrections: readonly Correction[], thesisId: string): LinkerExample[] {
  return corrections.flatMap((c): LinkerExample[] => {
    if (c.thesisId !== thesisId || !c.lang) return [];
    const { text, lang } = c;
    if (c.kind === 'not-claim') return [{ text, lang, ...(c.itemId ? { itemId: c.itemId } : {}), notAClaim: true }];
    if (c.kind === 'stance') return c.itemId && c.stance ? [{ text, lang, itemId: c.itemId, stance: c.stance }] : [];
    if (!c.toItemId) return [];
    return [
      ...(c.itemId ? [{ text, lang, itemId: c.itemId, notAClaim: true as const }] : []),
      { text, lang, itemId: c.toItemId, stance: c.stance ?? 'neutral' },
    ];
  });
}
