import type { LocalizedTerms, MatchRule } from '../pack/schema';
import { foldSeparators, isUnspacedTerm, SEPARATOR_CLASS, UNSPACED, WORD_CHAR_CLASS } from './cjk';

/**
 * The pack's Terms language compiled to RegExps (see lib/pack/schema.ts): case-insensitive;
 * a Latin term matches at a word start and, unless it ends in `*`, at a word end; a term
 * containing CJK characters matches as a substring. A space in a term matches any run of
 * spaces or hyphens ("export control*" finds "export-controlled").
 *
 * No compiled pattern can backtrack catastrophically: a term's separators (spaces, hyphens,
 * any dash) are folded to one before compiling, so a separator class is never followed by
 * another quantified class that can match the same characters.
 *
 * Each term list becomes ONE RegExp (an alternation, longest term first so that "Alibaba
 * Cloud" wins over "Alibaba"), built once and cached per list object: a pack's lists are
 * compiled the first time a page is scanned with it, never per sentence.
 */

export interface TermHit {
  start: number;
  end: number;
  /** The matched text as it reads. */
  text: string;
}

export interface TermMatcher {
  /** False when the list is empty: such a matcher never matches. */
  readonly active: boolean;
  test(text: string): boolean;
  /** All non-overlapping matches, left to right. */
  find(text: string): TermHit[];
  count(text: string): number;
  /** First match at or after `from`, or null. */
  firstFrom(text: string, from: number): TermHit | null;
}

// Word boundaries for Latin terms. `\b` (ASCII) before the term, not a lookbehind: a regex
// that starts with a lookbehind cannot skip ahead to candidate positions and runs several
// times slower on a whole article. CJK characters are not word characters, so "英伟达Nvidia"
// and "的H200芯片" still match; the lookahead after a term runs only on a candidate match.
const WORD_CHAR = WORD_CHAR_CLASS;
const WORD_AFTER = `(?![${WORD_CHAR}])`;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Kind = 'word' | 'prefix' | 'cjk';

function termSource(term: string): { source: string; kind: Kind; bounded: boolean } {
  const trimmed = term.trim();
  if (isUnspacedTerm(trimmed)) {
    // Substring terms: a separator in the term matches any run of separators, or none.
    const source = foldSeparators(trimmed).split(' ').map(escape).join(`[${SEPARATOR_CLASS}]*`);
    return { source, kind: 'cjk', bounded: false };
  }
  const prefix = trimmed.endsWith('*');
  const body = foldSeparators(prefix ? trimmed.slice(0, -1) : trimmed);
  // Apostrophes match ' and ’; a separator (folded to one space) matches a run of spaces,
  // no-break spaces, hyphens or dashes.
  const source = body
    .split(' ')
    .map((part) => escape(part).replace(/['’]/g, "['’]"))
    .join(`[${SEPARATOR_CLASS}]+`);
  // "\b" only makes sense before a word character ("(BABA)", "$" start elsewhere).
  return { source, kind: prefix ? 'prefix' : 'word', bounded: /^[A-Za-z0-9_]/.test(body) };
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length;
}

/** One RegExp for a list of terms, or null for an empty list. */
export function compileTermsRegExp(terms: readonly string[]): RegExp | null {
  const lists: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const term of [...terms].sort(byLengthDesc)) {
    if (!term.trim()) continue;
    const { source, kind, bounded } = termSource(term);
    if (!source) continue; // only separators or a lone "*": matches nothing
    const key = `${kind}:${bounded}:${source.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (lists[`${kind}:${bounded}`] ??= []).push(source);
  }
  const parts: string[] = [];
  // CJK terms first: those that start with Latin ("H200芯片", "AI相关") are longer than the
  // Latin term they begin with, and the longest term at a position wins.
  const entries = Object.entries(lists).sort(([a], [b]) => Number(b.startsWith('cjk')) - Number(a.startsWith('cjk')));
  for (const [key, sources] of entries) {
    const [kind, bounded] = key.split(':');
    const alternation = `(?:${sources.join('|')})`;
    const before = bounded === 'true' ? '\\b' : '';
    if (kind === 'word') parts.push(`${before}${alternation}${WORD_AFTER}`);
    else if (kind === 'prefix') parts.push(`${before}${alternation}[${WORD_CHAR}]*`);
    else parts.push(alternation);
  }
  if (!parts.length) return null;
  return new RegExp(parts.join('|'), 'gi');
}

// ---------------------------------------------------------------------------------------
// Long texts: a word index instead of one regex pass per list
// ---------------------------------------------------------------------------------------

/**
 * A whole article is searched with dozens of lists. Rather than one regex pass over it per
 * list, its words are indexed once (lowercased word → positions); each Latin term then looks
 * up its first word (or the words starting with its prefix) and is verified in place with a
 * sticky regex. CJK terms run only when the text has CJK characters at all.
 */
interface WordIndex {
  text: string;
  positions: Map<string, number[]>;
  /** Distinct words, sorted, for prefix lookups. */
  sorted: string[];
  hasCjk: boolean;
}

const WORD = /[A-Za-z0-9\u00C0-\u024F]+/g;
/** Texts at least this long are searched through the index; shorter ones (sentences) by regex. */
const INDEX_MIN_LENGTH = 800;
let lastIndex: WordIndex | null = null;

function wordIndex(text: string): WordIndex {
  if (lastIndex && lastIndex.text === text) return lastIndex;
  const positions = new Map<string, number[]>();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const word = m[0].toLowerCase();
    const list = positions.get(word);
    if (list) list.push(m.index);
    else positions.set(word, [m.index]);
  }
  const sorted = [...positions.keys()].sort();
  lastIndex = { text, positions, sorted, hasCjk: UNSPACED.test(text) };
  return lastIndex;
}

function prefixPositions(index: WordIndex, prefix: string): number[] {
  const { sorted } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) out.push(...index.positions.get(sorted[i]!)!);
  return out;
}

interface IndexedTerm {
  /** Lowercased first word of the term. */
  first: string;
  /** The first word is a prefix ("approv*"). */
  prefix: boolean;
  /** The whole term, anchored at a candidate position. */
  sticky: RegExp;
}

interface IndexedList {
  terms: IndexedTerm[];
  /** Terms that do not start with a word character ("$53B"), searched by regex. */
  rest: RegExp | null;
  cjk: RegExp | null;
}

function indexList(terms: readonly string[]): IndexedList {
  const indexed: IndexedTerm[] = [];
  const rest: string[] = [];
  const cjk: string[] = [];
  for (const term of [...terms].sort(byLengthDesc)) {
    if (!term.trim()) continue;
    const { source, kind, bounded } = termSource(term);
    if (!source) continue;
    if (kind === 'cjk') {
      cjk.push(source);
      continue;
    }
    const full = kind === 'word' ? `${source}${WORD_AFTER}` : `${source}[${WORD_CHAR}]*`;
    if (!bounded) {
      rest.push(full);
      continue;
    }
    const body = foldSeparators(term.trim().replace(/\*$/, ''));
    const words = body.split(/[^A-Za-z0-9\u00C0-\u024F]+/).filter(Boolean);
    indexed.push({ first: words[0]!.toLowerCase(), prefix: kind === 'prefix' && words.length === 1 && /[A-Za-z0-9\u00C0-\u024F]$/.test(body), sticky: new RegExp(full, 'iy') });
  }
  return {
    terms: indexed,
    rest: rest.length ? new RegExp(rest.join('|'), 'gi') : null,
    cjk: cjk.length ? new RegExp(cjk.join('|'), 'gi') : null,
  };
}

function findIndexed(list: IndexedList, text: string): TermHit[] {
  const index = wordIndex(text);
  const hits: TermHit[] = [];
  for (const term of list.terms) {
    const positions = term.prefix ? prefixPositions(index, term.first) : index.positions.get(term.first);
    if (!positions) continue;
    for (const pos of positions) {
      term.sticky.lastIndex = pos;
      const m = term.sticky.exec(text);
      if (m && m[0].length > 0) hits.push({ start: pos, end: pos + m[0].length, text: m[0] });
    }
  }
  for (const re of [list.rest, index.hasCjk ? list.cjk : null]) {
    if (!re) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  // Leftmost, then longest, without overlaps: what one alternation regex would find.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermHit[] = [];
  let end = -1;
  for (const hit of hits) {
    if (hit.start < end) continue;
    out.push(hit);
    end = hit.end;
  }
  return out;
}

class RegExpTermMatcher implements TermMatcher {
  readonly active: boolean;
  private indexed: IndexedList | null = null;
  constructor(
    private readonly re: RegExp | null,
    private readonly terms: readonly string[] = [],
  ) {
    this.active = re !== null;
  }
  private viaIndex(text: string): boolean {
    return text.length >= INDEX_MIN_LENGTH;
  }
  private list(): IndexedList {
    return (this.indexed ??= indexList(this.terms));
  }
  test(text: string): boolean {
    if (!this.re) return false;
    if (this.viaIndex(text)) return findIndexed(this.list(), text).length > 0;
    this.re.lastIndex = 0;
    return this.re.test(text);
  }
  find(text: string): TermHit[] {
    if (!this.re) return [];
    if (this.viaIndex(text)) return findIndexed(this.list(), text);
    const hits: TermHit[] = [];
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(text))) {
      if (m[0].length === 0) {
        this.re.lastIndex++;
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    return hits;
  }
  count(text: string): number {
    if (!this.re) return 0;
    if (this.viaIndex(text)) return findIndexed(this.list(), text).length;
    this.re.lastIndex = 0;
    let n = 0;
    while (this.re.exec(text)) n++;
    return n;
  }
  firstFrom(text: string, from: number): TermHit | null {
    if (!this.re) return null;
    this.re.lastIndex = from;
    const m = this.re.exec(text);
    return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
  }
}

const NEVER = new RegExpTermMatcher(null);
const cache = new WeakMap<object, TermMatcher>();

/** Both languages of a localized list in one matcher (Chinese pages quote English names). */
export function termMatcher(terms: LocalizedTerms | readonly string[] | undefined): TermMatcher {
  if (!terms) return NEVER;
  const cached = cache.get(terms);
  if (cached) return cached;
  const list = Array.isArray(terms) ? (terms as readonly string[]) : [...(terms as LocalizedTerms).en, ...(terms as LocalizedTerms).zh];
  const matcher = new RegExpTermMatcher(compileTermsRegExp(list), list);
  cache.set(terms, matcher);
  return matcher;
}

export interface RuleMatcher {
  /** True when the text holds a term from every group and none of the vetoes. */
  test(text: string): boolean;
  readonly groups: readonly TermMatcher[];
  readonly none: TermMatcher;
}

const ruleCache = new WeakMap<MatchRule, RuleMatcher>();

export function ruleMatcher(rule: MatchRule): RuleMatcher {
  const cached = ruleCache.get(rule);
  if (cached) return cached;
  const groups = rule.all.map((group) => termMatcher(group));
  const none = termMatcher(rule.none);
  const matcher: RuleMatcher = {
    groups,
    none,
    test(text) {
      for (const group of groups) if (!group.test(text)) return false;
      return !none.test(text);
    },
  };
  ruleCache.set(rule, matcher);
  return matcher;
}
