import approxSearch from 'approx-string-match';

/**
 * Finds a quote in a text that may have changed since it was saved (after the Hypothesis
 * client's match-quote.ts): exact occurrences first, fuzzy ones (Myers' bit-parallel
 * algorithm, `approx-string-match`) only when there is none. Each candidate is scored by
 * how well the quote, the prefix and the suffix match and how near it is to where it was;
 * a candidate whose text differs from the quote by more than `maxQuoteErrorRate` is
 * rejected, so an unrelated passage is never highlighted in place of a lost one.
 */

export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote used to start (its TextPositionSelector). */
  hint?: number;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1, higher is better (weighted quote, prefix, suffix and position agreement). */
  score: number;
  /** 0..1: how much of the quote matched (1 − errors / length). */
  quoteSimilarity: number;
  exact: boolean;
}

/** Beyond this share of edits (insertions, deletions, substitutions) a passage is another passage. */
export const MAX_QUOTE_ERROR_RATE = 0.25;
/** Repeated short quotes ("the company") are scored on at most this many occurrences. */
const MAX_CANDIDATES = 500;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MAX_CANDIDATES; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/** Similarity of a short context string to the text around a candidate (0..1). */
function contextSimilarity(around: string, context: string): number {
  if (context.length === 0) return 1;
  if (around.length === 0) return 0;
  if (around === context) return 1;
  const [best] = approxSearch(around, context, context.length);
  return best ? Math.max(0, 1 - best.errors / context.length) : 0;
}

export function matchQuote(text: string, quote: string, context: QuoteContext = {}, maxQuoteErrorRate = MAX_QUOTE_ERROR_RATE): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  let candidates = exactOccurrences(text, quote);
  const exact = candidates.length > 0;
  if (!exact) {
    const maxErrors = Math.floor(quote.length * maxQuoteErrorRate);
    if (maxErrors === 0) return null;
    candidates = approxSearch(text, quote, maxErrors).slice(0, MAX_CANDIDATES);
  }
  let best: QuoteMatch | null = null;
  for (const candidate of candidates) {
    const quoteSimilarity = 1 - candidate.errors / quote.length;
    if (quoteSimilarity < 1 - maxQuoteErrorRate) continue;
    const prefixSimilarity = context.prefix
      ? contextSimilarity(text.slice(Math.max(0, candidate.start - context.prefix.length), candidate.start), context.prefix)
      : 1;
    const suffixSimilarity = context.suffix
      ? contextSimilarity(text.slice(candidate.end, candidate.end + context.suffix.length), context.suffix)
      : 1;
    const positionSimilarity = typeof context.hint === 'number' ? 1 - Math.abs(candidate.start - context.hint) / text.length : 1;
    const score =
      (WEIGHTS.quote * quoteSimilarity +
        WEIGHTS.prefix * prefixSimilarity +
        WEIGHTS.suffix * suffixSimilarity +
        WEIGHTS.position * positionSimilarity) /
      WEIGHT_SUM;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score, quoteSimilarity, exact };
  }
  return best;
}
