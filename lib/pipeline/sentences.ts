/**
 * Sentences of an article's text, with exact offsets into it (the content script maps them
 * back to DOM ranges). Intl.Segmenter does the work; this module repairs what it gets wrong
 * in financial prose: abbreviations ("U.S.", "Inc.", "No.", "Jan."), initials ("J. P.
 * Morgan"), tickers ("9988.HK"), and glued paragraphs ("…opening.Alibaba's…" on pages whose
 * markup lost a space). A sentence never crosses "\n": the text index puts one between blocks.
 */

export interface Sentence {
  text: string;
  /** Offsets into the input: `input.slice(start, end) === text`. */
  start: number;
  end: number;
}

export type SentenceLang = 'en' | 'zh';

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: SentenceLang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Abbreviations after which a capitalised word does not start a new sentence. */
const ALWAYS_JOIN = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'st', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx',
  'est', 'fig', 'p', 'pp', 'vol', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'hon', 'mt', 'ft', 'op',
]);
/** Abbreviations that also end sentences ("…sold to the U.S. The company…"): join unless a typical sentence opener follows. */
const USUALLY_JOIN = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'inc', 'corp', 'ltd', 'co', 'plc', 'bros', 'jr', 'sr', 'n.v', 's.a', 'a.g', 'l.p', 'llc']);
const SENTENCE_OPENERS = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'but', 'and', 'in', 'on', 'at',
  'a', 'an', 'however', 'meanwhile', 'still', 'yet', 'shares', 'analysts', 'there', 'as', 'if', 'while', 'after', 'for',
]);

const LAST_TOKEN = /([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.["'”’)\]]*\s*$/;
const INITIAL = /(?:^|[\s(])[A-Z]\.\s*$/;
const FIRST_WORD = /^\s*["'“‘(]*([A-Za-z]+)/;

function shouldJoin(prevPiece: string, next: string): boolean {
  // Only the end of the previous piece matters; `$`-anchored patterns on a long piece would rescan it.
  const prev = prevPiece.length > 48 ? prevPiece.slice(-48) : prevPiece;
  // No space at the boundary: "9988.HK", "3.5", "Alibaba.com" (glued paragraphs are split later).
  if (/\.$/.test(prev) && /^[A-Za-z0-9]/.test(next)) return true;
  const nextTrim = next.trimStart();
  if (!nextTrim) return true;
  // A lower-case or digit continuation is never a new sentence in English prose.
  if (/^[a-z$%(,;:]/.test(nextTrim)) {
    const lastChar = prev.trimEnd().replace(/["'”’)\]]+$/, '').slice(-1);
    if (lastChar === '.' || lastChar === ':' || lastChar === ';' || lastChar === ',') return true;
  }
  if (INITIAL.test(prev)) return true;
  const m = LAST_TOKEN.exec(prev);
  if (!m) return false;
  const token = m[1]!.toLowerCase();
  if (ALWAYS_JOIN.has(token)) return true;
  // "No. 1", "Nos. 3": only before a number ("…he said no. It…" ends a sentence).
  if ((token === 'no' || token === 'nos') && /^[0-9#]/.test(nextTrim)) return true;
  if (USUALLY_JOIN.has(token)) {
    const first = FIRST_WORD.exec(nextTrim)?.[1]?.toLowerCase();
    return !first || !SENTENCE_OPENERS.has(first);
  }
  return false;
}

// "…a targeted opening.Alibaba's ambition…": a lower-case word, a stop, and a capitalised
// word with no space between them is two sentences glued by lost markup.
const GLUED = /(?<=[A-Za-z][a-z]{1}[.!?]|[A-Z]{2}[.!?])(?=[A-Z][a-z])/g;

function pushTrimmed(out: Sentence[], input: string, start: number, end: number): void {
  while (start < end && /\s/.test(input[start]!)) start++;
  while (end > start && /\s/.test(input[end - 1]!)) end--;
  if (end <= start) return;
  const text = input.slice(start, end);
  // Bare punctuation left by removed links (". Yet…" splits leave a lone ".").
  if (!/[\p{L}\p{N}]/u.test(text)) return;
  out.push({ text, start, end });
}

// A wire story's dateline opening its first paragraph: "BEIJING, Jan 15 (Reuters) -",
// "WASHINGTON (AP) —", "新华社北京1月15日电", "【财经网讯】". It names places, not actors, and
// asserts nothing: it is no sentence, and the one after it continues nothing.
const PLACE = `[A-Z][A-Za-z.'’ -]{1,30}(?:/[A-Z][A-Za-z.'’ -]{1,30})*`;
const CAPS_PLACE = `[A-Z][A-Z.'’ -]{2,30}(?:/[A-Z][A-Z.'’ -]{2,30})*`;
const WIRE_DATE = `(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+[A-Z][a-z]{2,8})`;
const AGENCY = `\\([A-Z][^()]{1,30}\\)`;
const DATELINE = new RegExp(
  `^\\s*(?:${PLACE},\\s*${WIRE_DATE}\\s*(?:${AGENCY}\\s*)?[-–—]+\\s+|${CAPS_PLACE}\\s*${AGENCY}\\s*[-–—]+\\s+)|^\\s*(?:【[^】]{2,20}】|[\\u4e00-\\u9fff]{2,10}\\d{1,2}月\\d{1,2}日电[）)]?)`,
);

function splitBlock(input: string, blockStart: number, blockEnd: number, lang: SentenceLang, out: Sentence[]): void {
  const dateline = DATELINE.exec(input.slice(blockStart, blockEnd));
  if (dateline && dateline[0].length < blockEnd - blockStart) blockStart += dateline[0].length;
  const block = input.slice(blockStart, blockEnd);
  if (!/\S/.test(block)) return;
  const pieces: Array<{ start: number; end: number }> = [];
  for (const seg of segmenter(lang).segment(block)) {
    const start = blockStart + seg.index;
    const end = start + seg.segment.length;
    const prev = pieces[pieces.length - 1];
    if (prev && shouldJoin(input.slice(prev.start, prev.end), seg.segment)) prev.end = end;
    else pieces.push({ start, end });
  }
  for (const piece of pieces) {
    const text = input.slice(piece.start, piece.end);
    GLUED.lastIndex = 0;
    let from = piece.start;
    let m: RegExpExecArray | null;
    while ((m = GLUED.exec(text))) {
      const cut = piece.start + m.index;
      if (!/\b(?:[a-z]\.){2}$/i.test(input.slice(from, cut))) {
        pushTrimmed(out, input, from, cut);
        from = cut;
      }
      GLUED.lastIndex = m.index + 1;
    }
    pushTrimmed(out, input, from, piece.end);
  }
}

/** Sentences of `text`, trimmed, each within one line (block) of it. */
export function splitSentences(text: string, lang: SentenceLang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  let blockStart = 0;
  while (blockStart <= text.length) {
    let blockEnd = text.indexOf('\n', blockStart);
    if (blockEnd < 0) blockEnd = text.length;
    splitBlock(text, blockStart, blockEnd, lang, out);
    blockStart = blockEnd + 1;
  }
  return out;
}

/** Collapses runs of whitespace: the claim's text as a reader sees it. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
