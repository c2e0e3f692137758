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

export function pageKey(url: string): string {
  return url.split('#')[0]!;
}

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

/** A correction as a linker's example. */
export function asExample(correction: Correction): { text: string; lang: 'en' | 'zh' | undefined; itemId: string | undefined; stance: Stance | 'not-claim' } {
  return {
    text: correction.text,
    lang: correction.lang,
    itemId: correction.kind === 'item' ? correction.toItemId : correction.itemId,
    stance: correction.kind === 'not-claim' ? 'not-claim' : (correction.stance ?? 'neutral'),
  };
}
