/**
 * Script ranges and folding shared by the gate, the pipeline and the checklist: one place
 * decides what counts as Chinese text and what a term written without spaces is.
 */

/** Han ideographs (CJK Unified, Extension A, Compatibility): what "Chinese characters" are counted as. */
export const HAN_RANGES = '\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * Scripts written without spaces between words (CJK punctuation, kana, Han, Hangul, full-width
 * forms): a term containing one matches as a substring, with no word boundaries.
 */
export const UNSPACED_RANGES = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\uff00-\\uffef';

export const HAN = new RegExp(`[${HAN_RANGES}]`);
const HAN_GLOBAL = new RegExp(`[${HAN_RANGES}]`, 'g');
export const UNSPACED = new RegExp(`[${UNSPACED_RANGES}]`);

/** Does the text contain a Han character? */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** How many Han characters the text has. */
export function countHan(text: string): number {
  HAN_GLOBAL.lastIndex = 0;
  return (text.match(HAN_GLOBAL) ?? []).length;
}

/** Is a term matched as a substring (it contains an unspaced-script character)? */
export function isUnspacedTerm(term: string): boolean {
  return UNSPACED.test(term);
}

/** Letters and digits of spaced scripts, as a character-class body: Latin word boundaries. */
export const WORD_CHAR_CLASS = 'A-Za-z0-9\\u00C0-\\u024F';

/**
 * Characters a term's separator stands for: spaces (incl. no-break), hyphen-minus and every
 * Unicode dash. A term's run of these compiles to ONE separator class, never two in a row.
 */
export const SEPARATOR_CLASS = '\\s\\u00a0\\-\\u2010-\\u2015\\u2212';
const SEPARATOR_RUN = /[\s\u00a0\-\u2010-\u2015\u2212]+/g;

/** A term's separators folded to single spaces, trimmed. */
export function foldSeparators(term: string): string {
  return term.replace(SEPARATOR_RUN, ' ').trim();
}

/**
 * Text folded for comparison: NFKC (full-width to half-width), curly quotes to straight,
 * whitespace runs to one space, lowercase.
 */
export function foldText(text: string): string {
  const nfkc = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text;
  return nfkc
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
