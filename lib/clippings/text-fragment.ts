/**
 * A link that opens the source page scrolled to the clipping, with the text highlighted:
 * a URL text fragment (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/), which
 * Chromium and Firefox (131+) follow natively, so the page needs no script of ours.
 *
 * A text directive term matches within one block of text, so a quote that spans
 * paragraphs, or a long one, becomes `textStart,textEnd`: a few words from its first
 * line and a few from its last.
 */

const WORDS_EACH_SIDE = 5;
const WHOLE_QUOTE_MAX = 120;

/** Percent-encodes a directive term: `-`, `,` and `&` are syntax inside a text directive. */
export function encodeTextDirectiveTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words of CJK text have no spaces: take characters instead. */
function headOf(line: string): string {
  const words = line.split(' ');
  return words.length >= WORDS_EACH_SIDE ? words.slice(0, WORDS_EACH_SIDE).join(' ') : line.slice(0, 20);
}
function tailOf(line: string): string {
  const words = line.split(' ');
  return words.length >= WORDS_EACH_SIDE ? words.slice(-WORDS_EACH_SIDE).join(' ') : line.slice(-20);
}

export function textFragmentFor(quote: string): string {
  const lines = quote.split(/\n+/).map(collapse).filter(Boolean);
  if (lines.length === 0) return '';
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  if (lines.length === 1 && first.length <= WHOLE_QUOTE_MAX) return `:~:text=${encodeTextDirectiveTerm(first)}`;
  const start = headOf(first);
  const end = tailOf(last);
  if (lines.length === 1 && start.length + end.length >= first.length) return `:~:text=${encodeTextDirectiveTerm(first)}`;
  return `:~:text=${encodeTextDirectiveTerm(start)},${encodeTextDirectiveTerm(end)}`;
}

/** The page's URL (its existing fragment replaced) with a text fragment for the quote. */
export function sourceLinkFor(url: string, quote: string): string {
  const base = url.split('#')[0]!;
  const fragment = textFragmentFor(quote);
  return fragment ? `${base}#${fragment}` : base;
}
