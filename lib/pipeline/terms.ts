import type { LocalizedTerms, MatchRule } from '../pack/schema';

/**
 * The pack's Terms language compiled to RegExps (see lib/pack/schema.ts): case-insensitive;
 * a Latin term matches at a word start and, unless it ends in `*`, at a word end; a term
 * containing CJK characters matches as a substring. A space in a term matches any run of
 * spaces or hyphens ("export control*" finds "export-controlled").
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

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
// Word boundaries for Latin terms. `\b` (ASCII) before the term, not a lookbehind: a regex
// that starts with a lookbehind cannot skip ahead to candidate positions and runs several
// times slower on a whole article. CJK characters are not word characters, so "英伟达Nvidia"
// and "的H200芯片" still match; the lookahead after a term runs only on a candidate match.
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\u024F';
const WORD_AFTER = `(?![${WORD_CHAR}])`;

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

type Kind = 'word' | 'prefix' | 'cjk';

function termSource(term: string): { source: string; kind: Kind; bounded: boolean } {
  const trimmed = term.trim();
  if (CJK.test(trimmed)) return { source: escape(trimmed).replace(/\s+/g, '\\s*'), kind: 'cjk', bounded: false };
  const prefix = trimmed.endsWith('*');
  const body = prefix ? trimmed.slice(0, -1) : trimmed;
  // Apostrophes match ' and ’; spaces and hyphens match runs of spaces, no-break spaces or hyphens.
  const source = escape(body)
    .replace(/['’]/g, "['’]")
    .replace(/(?:\s|-)+/g, '[\\s\\u00a0\\-‐–]+');
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
    const key = `${kind}:${bounded}:${source.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (lists[`${kind}:${bounded}`] ??= []).push(source);
  }
  const parts: string[] = [];
  for (const [key, sources] of Object.entries(lists)) {
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

class RegExpTermMatcher implements TermMatcher {
  readonly active: boolean;
  constructor(private readonly re: RegExp | null) {
    this.active = re !== null;
  }
  test(text: string): boolean {
    if (!this.re) return false;
    this.re.lastIndex = 0;
    return this.re.test(text);
  }
  find(text: string): TermHit[] {
    if (!this.re) return [];
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
  const matcher = new RegExpTermMatcher(compileTermsRegExp(list));
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

/** True when any of the rules matches. */
export function anyRuleMatches(rules: readonly MatchRule[], text: string): boolean {
  for (const rule of rules) if (ruleMatcher(rule).test(text)) return true;
  return false;
}
