import type { Clipping } from './schema';
import { encodeTextDirectiveTerm, textFragmentFor } from './text-fragment';
import { CONTEXT_CHARS } from '../anchoring/selectors';

/**
 * "Open source": the address the clipping was read at (the reader's own view of the page,
 * with its query, e.g. a paywall token or an edition), the canonical address only when that
 * one is missing or unusable. Its text fragment carries the stored context of the quote as
 * `prefix-,` and `,-suffix`, so that a phrase repeated on the page opens at the passage that
 * was saved, not at its first occurrence.
 */

const CONTEXT_WORDS = 3;

function usableHttpUrl(value: string | undefined): string | null {
  if (!value || !/^https?:\/\//i.test(value)) return null;
  try {
    return new URL(value).href;
  } catch {
    return null;
  }
}

/** The address to open: the one read at, else the canonical one. */
export function sourceAddressOf(page: { url: string; canonicalUrl: string }): string {
  return usableHttpUrl(page.url) ?? usableHttpUrl(page.canonicalUrl) ?? page.canonicalUrl;
}

/**
 * A text directive's prefix and suffix must sit in the same block as the quote and start
 * (prefix) or end (suffix) on a word boundary. Stored context is 32 characters cut anywhere,
 * possibly across a paragraph break: keep the part on the quote's side of a line break, and
 * only whole words. Text without spaces (Chinese) has no boundary we can be sure of, so it
 * gets no context rather than a fragment that would match nothing.
 */
export function contextTerm(context: string, side: 'prefix' | 'suffix'): string {
  if (/[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(context)) return '';
  const lines = context.split('\n');
  const near = side === 'prefix' ? lines[lines.length - 1]! : lines[0]!;
  // The outer end is a real boundary when a line break or the page's edge (context shorter
  // than what is kept) bounds it, or when it is a space; otherwise its word may be cut.
  const bounded = lines.length > 1 || context.length < CONTEXT_CHARS || (side === 'prefix' ? /^\s/.test(near) : /\s$/.test(near));
  const words = near.trim().split(/\s+/).filter(Boolean);
  const whole = bounded ? words : side === 'prefix' ? words.slice(1) : words.slice(0, -1);
  const kept = side === 'prefix' ? whole.slice(-CONTEXT_WORDS) : whole.slice(0, CONTEXT_WORDS);
  return kept.join(' ');
}

/** The link that opens the page read at, scrolled to this clipping's passage. */
export function openSourceLink(clipping: Pick<Clipping, 'page' | 'quote' | 'selectors'>): string {
  const base = sourceAddressOf(clipping.page).split('#')[0]!;
  const fragment = textFragmentFor(clipping.quote);
  if (!fragment) return base;
  const [quoteSelector] = clipping.selectors;
  const prefix = contextTerm(quoteSelector.prefix, 'prefix');
  const suffix = contextTerm(quoteSelector.suffix, 'suffix');
  const body = fragment.slice(':~:text='.length);
  const directive = `${prefix ? `${encodeTextDirectiveTerm(prefix)}-,` : ''}${body}${suffix ? `,-${encodeTextDirectiveTerm(suffix)}` : ''}`;
  return `${base}#:~:text=${directive}`;
}
