import { rangeFor, type TextIndex } from '../dom/text-index';
import { matchQuote, MAX_QUOTE_ERROR_RATE } from './match-quote';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

/**
 * Finds a saved passage in the page's text again, degrading in order and checking itself
 * (after the Hypothesis client's anchoring/html.ts):
 *   1. the position, accepted only if the text there still equals the quote;
 *   2. the quote, exactly (the occurrence best matching prefix, suffix and position);
 *   3. the quote, approximately, rejected past MAX_QUOTE_ERROR_RATE.
 */

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1 (1 for a position match). */
  score: number;
}

export interface AnchorSelectors {
  quote: Pick<TextQuoteSelector, 'exact'> & Partial<Pick<TextQuoteSelector, 'prefix' | 'suffix'>>;
  position?: Pick<TextPositionSelector, 'start' | 'end'>;
}

export function anchorInText(text: string, selectors: AnchorSelectors, maxQuoteErrorRate = MAX_QUOTE_ERROR_RATE): Anchor | null {
  const { quote, position } = selectors;
  if (position && position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  const match = matchQuote(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint: position?.start }, maxQuoteErrorRate);
  if (!match) return null;
  return { start: match.start, end: match.end, method: match.exact ? 'quote' : 'fuzzy', score: match.score };
}

/** The anchor and a live Range over it, or null when the passage is no longer on the page. */
export function anchorInIndex(index: TextIndex, selectors: AnchorSelectors): (Anchor & { range: Range }) | null {
  const anchor = anchorInText(index.text, selectors);
  if (!anchor) return null;
  const range = rangeFor(index, anchor.start, anchor.end);
  return range ? { ...anchor, range } : null;
}
