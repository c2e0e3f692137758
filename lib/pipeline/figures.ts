import { DEFAULT_FIGURE_CONVENTIONS, type FigureConventions, type FigureUnit, type Item, type KeyFigure, type LocalizedTerms } from '../pack/schema';
import { describeKnownFigure, figuresKnownAt } from '../pack/status';
import type { Check, Figure, Verdict } from './types';
import { termMatcher, type TermHit } from '../text/terms';

/**
 * Figures in a sentence (percentages, money, units, multiples, "triple-digit") and their
 * checks against the pack's key figures (../shared/spec/default-thesis.md, "Key figures"):
 * `matches` (same value, same measure and period), `differs` (another value for the same
 * period), `newer` (the article is dated after the pack's figure and reports a later period).
 */

export interface ExtractedFigure extends Figure {
  /** Offsets in the sentence. */
  start: number;
  end: number;
  /** Upper bound of a range figure ("double-digit" is 10–99). */
  atMost?: number;
  /** "about", "nearly", "约": compare loosely. */
  approximate?: boolean;
}

// ---------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_WORDS = String.raw`trillion|tn|billion|bn|million|mn|thousand|万亿|亿|億|万|千`;
const SCALE_LETTERS = String.raw`[bBmMkKT](?![\p{L}\d])`;

const PREFIX_CURRENCY = new RegExp(
  String.raw`(?<cur>HK\$|US\$|RMB|CNY|Rmb|USD|HKD|JPY|人民币|\$|¥|￥)\s?(?<num>${NUM})(?:\s?(?<scale>${SCALE_WORDS})|(?<letter>${SCALE_LETTERS}))?(?:\s?(?<tail>yuan|元|円|yen|dollars))?`,
  'gu',
);
const SUFFIX_CURRENCY = new RegExp(
  // A Latin currency word ends at a word end; a CJK one may run straight into Latin text ("3800亿元AI基础设施").
  String.raw`(?<![\p{Script=Latin}\d.,$¥￥])(?<num>${NUM})\s?(?<scale>${SCALE_WORDS})?\s?(?:(?<cur>yuan|renminbi|yen|Hong Kong dollars|US dollars|dollars|RMB|CNY|USD|HKD|JPY)(?![\p{Script=Latin}])|(?<curCjk>元人民币|美元|港元|港币|日元|元|円))`,
  'gu',
);
const PERCENT = new RegExp(
  String.raw`(?<![A-Za-z\d.,])(?<sign>[-−–+])?(?<num>${NUM})\s?(?<unit>%|％|percent(?:age points?)?|per cent|pct|个百分点)`,
  'gu',
);
const DIGIT_CLASS = /\b(?<size>triple|three|double|two|single)[-\s]digits?\b|(?<zh>三位数|两位数|双位数)/gi;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface UnitPattern {
  units: RegExp;
  has: RegExp;
}
const unitPatterns = new Map<string, UnitPattern>();

/**
 * The count pattern for a pack's unit nouns: "200,000 chips", "40 million of its vehicles",
 * "two million Model-X units" (up to two capitalised or numbered modifiers between), "5万颗".
 */
function unitPattern(nouns: readonly string[]): UnitPattern | null {
  if (nouns.length === 0) return null;
  const key = nouns.join('\u0000');
  let pattern = unitPatterns.get(key);
  if (!pattern) {
    const sorted = [...nouns].sort((a, b) => b.length - a.length).map(escapeRegExp);
    const latin = sorted.filter((n) => /^[\p{Script=Latin}\d]/u.test(n));
    const other = sorted.filter((n) => !/^[\p{Script=Latin}\d]/u.test(n));
    const alternatives = [
      // A Latin noun ends at a word end; a CJK measure word may run into Latin text ("20万颗H200").
      ...(latin.length ? [String.raw`(?:of\s+(?:the|its|those|these|their)\s+)?(?:[\p{Lu}\d][\p{L}\d-]*\s+){0,2}(?<unit>${latin.join('|')})(?![\p{Script=Latin}])`] : []),
      ...(other.length ? [String.raw`(?<unitOther>${other.join('|')})`] : []),
    ];
    pattern = {
      units: new RegExp(
        String.raw`(?<![\p{Script=Latin}\d.,])(?<num>${NUM})\s?(?<scale>million|thousand|k|万|亿)?\s?(?:${alternatives.join('|')})`,
        'giu',
      ),
      has: new RegExp(sorted.join('|'), 'iu'),
    };
    unitPatterns.set(key, pattern);
  }
  return pattern;
}
const PE_MULTIPLE = new RegExp(
  String.raw`(?:P\/E|PE ratio|price[-\s]to[-\s]earnings(?: ratio)?|市盈率)[^.\d%。]{0,30}?(?<num>${NUM})(?:\s?(?:x|times|倍))?(?![\d%])`,
  'giu',
);
const TIMES_MULTIPLE = new RegExp(String.raw`(?<![A-Za-z\d.,])(?<num>${NUM})\s?(?:x|times)(?= (?:forward |trailing |expected |estimated |projected |next year['’]s )?(?:earnings|sales|revenue|book))|(?<zh>${NUM})倍`, 'giu');
const RANGE_MULTIPLE = /(?<pos>low|mid|high|upper|lower)[-\s](?<dec>[1-9]0)s\b/giu;
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const ORDINAL_WORDS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const WORDS = Object.keys(NUMBER_WORDS).join('|');
const OUT_OF = new RegExp(String.raw`(?<![\p{L}\d])(?<a>\d+|${WORDS})\s+(?:out\s+)?of\s+(?:the\s+)?(?<b>\d+|${WORDS})(?![\p{L}\d])`, 'giu');
const STREAK = new RegExp(
  String.raw`(?<n>\d+)(?:st|nd|rd|th)\s+(?:straight|consecutive)\s+quarter|(?<w>${Object.keys(ORDINAL_WORDS).join('|')})\s+(?:straight|consecutive)\s+quarter|(?<q>\d+)\s+(?:straight|consecutive)\s+quarters|连续第?(?<zh>\d+|[一二两三四五六七八九十]+)个季度`,
  'giu',
);
const AT_LEAST_BEFORE = /(?:more than|over|above|at least|upwards of|in excess of|exceeding|超过|逾|至少|多于)\s*$/i;
const AT_LEAST_AFTER = /^\s*(?:以上|多|余|\+|or more|plus)/;
const APPROX_BEFORE = /(?:about|around|roughly|approximately|approx\.?|nearly|almost|close to|closer to|some|an estimated|约|近|大约|将近|接近)\s*$/i;
const APPROX_AFTER = /^\s*(?:左右|上下|or so)/;
const VALUATION_WORDS = /\b(?:P\/E|PE|multiple|valuation|earnings|times)\b|市盈率|估值/i;

const HAS_CURRENCY = /[$¥￥元円]|RMB|CNY|USD|HKD|JPY|yuan|yen|dollar|renminbi|人民币/i;
const HAS_PERCENT = /[%％]|percent|per cent|pct|百分点/i;
const HAS_DIGIT_CLASS = /digit|位数/i;
const HAS_PE = /P\/E|PE ratio|price.to.earnings|市盈率/i;
const HAS_TIMES = /times|\dx|倍/i;
const HAS_STREAK = /straight|consecutive|连续/i;

const SCALE_VALUES: Record<string, number> = {
  trillion: 1e12, tn: 1e12, t: 1e12, billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, mn: 1e6, m: 1e6, thousand: 1e3, k: 1e3,
  万亿: 1e12, 亿: 1e8, 億: 1e8, 万: 1e4, 千: 1e3,
};

function parseNumber(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

function chineseNumber(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  // 十一 = 11, 二十 = 20, 九 = 9
  let total = 0;
  let digit = 0;
  for (const ch of raw) {
    const v = CN_DIGITS[ch] ?? 0;
    if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = v;
  }
  return total + digit;
}

/** The currency of a sign or name; a bare ¥ is what the pack says it is in its company's news. */
function currencyUnit(cur: string, conventions: FigureConventions): FigureUnit {
  if (/HK|港|Hong Kong/.test(cur)) return 'HKD';
  if (/美元|US|dollar|\$/.test(cur)) return 'USD';
  if (/円|日元|yen|JPY/i.test(cur)) return 'JPY';
  if (/RMB|CNY|Rmb|yuan|renminbi|人民币|元/.test(cur)) return 'CNY';
  if (/[¥￥]/.test(cur)) return conventions.yenSign;
  return 'USD';
}

function qualify(text: string, figure: ExtractedFigure): ExtractedFigure {
  const before = text.slice(Math.max(0, figure.start - 24), figure.start);
  const after = text.slice(figure.end, figure.end + 10);
  if (AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) figure.atLeast = true;
  if (APPROX_BEFORE.test(before) || APPROX_AFTER.test(after)) figure.approximate = true;
  return figure;
}

/**
 * All figures in `text`, left to right, without overlaps (the longer reading wins). The pack's
 * conventions say what ¥ means and which nouns count things.
 */
export function extractFigures(text: string, conventions: FigureConventions = DEFAULT_FIGURE_CONVENTIONS): ExtractedFigure[] {
  const found: ExtractedFigure[] = [];
  const add = (m: RegExpExecArray, figure: Omit<ExtractedFigure, 'start' | 'end' | 'raw'>) => {
    found.push({ raw: m[0].trim(), start: m.index, end: m.index + m[0].trimEnd().length, ...figure });
  };
  let m: RegExpExecArray | null;

  // Cheap string tests first: most sentences hold no figure of a given kind, and these
  // patterns (lookbehinds, Unicode classes) are the slow part of the whole pipeline.
  const hasDigit = /\d/.test(text);
  for (const re of hasDigit && HAS_CURRENCY.test(text) ? [PREFIX_CURRENCY, SUFFIX_CURRENCY] : []) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      const g = m.groups!;
      const value = parseNumber(g.num!);
      const scaleRaw = (g.scale ?? g.letter ?? '').trim();
      const scale = scaleRaw ? (SCALE_VALUES[scaleRaw.toLowerCase()] ?? SCALE_VALUES[scaleRaw] ?? 1) : 1;
      const cur = `${g.cur ?? g.curCjk ?? ''}${g.tail ?? ''}`;
      add(m, { value, unit: currencyUnit(cur, conventions), ...(scaleRaw ? { scale: scaleRaw } : {}), normalized: value * scale });
    }
  }
  PERCENT.lastIndex = 0;
  while (hasDigit && HAS_PERCENT.test(text) && (m = PERCENT.exec(text))) {
    const g = m.groups!;
    const points = /points?|个百分点/.test(g.unit!);
    const negative = g.sign === '-' || g.sign === '−' || g.sign === '–';
    // "-" right after a word is a hyphen ("year-34%" never happens, "Q3-5%" might): keep sign only after space/start.
    const value = parseNumber(g.num!) * (negative && (m.index === 0 || /[\s(]/.test(text[m.index - 1]!)) ? -1 : 1);
    add(m, { value, unit: points ? 'percentage-points' : 'percent', normalized: value });
  }
  DIGIT_CLASS.lastIndex = 0;
  while (HAS_DIGIT_CLASS.test(text) && (m = DIGIT_CLASS.exec(text))) {
    const size = (m.groups!.size ?? m.groups!.zh ?? '').toLowerCase();
    const triple = size === 'triple' || size === 'three' || size === '三位数';
    const single = size === 'single';
    const value = triple ? 100 : single ? 1 : 10;
    add(m, { value, unit: 'percent', atLeast: true, atMost: triple ? 999 : single ? 9 : 99, normalized: value });
  }
  const units = hasDigit ? unitPattern(conventions.unitNouns) : null;
  if (units) units.units.lastIndex = 0;
  while (units && units.has.test(text) && (m = units.units.exec(text))) {
    const g = m.groups!;
    const value = parseNumber(g.num!);
    const scale = g.scale ? (SCALE_VALUES[g.scale.toLowerCase()] ?? SCALE_VALUES[g.scale] ?? 1) : 1;
    add(m, { value, unit: 'units', ...(g.scale ? { scale: g.scale } : {}), normalized: value * scale });
  }
  PE_MULTIPLE.lastIndex = 0;
  while (hasDigit && HAS_PE.test(text) && (m = PE_MULTIPLE.exec(text))) {
    const value = parseNumber(m.groups!.num!);
    // Only the number: "P/E of 25" quotes "25".
    const numStart = m.index + m[0].lastIndexOf(m.groups!.num!);
    found.push({ raw: text.slice(numStart, m.index + m[0].length).trim(), start: numStart, end: m.index + m[0].length, value, unit: 'multiple', normalized: value });
  }
  TIMES_MULTIPLE.lastIndex = 0;
  while (hasDigit && HAS_TIMES.test(text) && (m = TIMES_MULTIPLE.exec(text))) {
    const value = parseNumber(m.groups!.num ?? m.groups!.zh!);
    add(m, { value, unit: 'multiple', normalized: value });
  }
  if (VALUATION_WORDS.test(text)) {
    RANGE_MULTIPLE.lastIndex = 0;
    while ((m = RANGE_MULTIPLE.exec(text))) {
      const decade = Number(m.groups!.dec);
      const pos = m.groups!.pos!.toLowerCase();
      const value = decade + (pos === 'low' || pos === 'lower' ? 2 : pos === 'mid' ? 5 : 8);
      add(m, { value, unit: 'multiple', approximate: true, normalized: value });
    }
  }
  OUT_OF.lastIndex = 0;
  while (/ of /i.test(text) && (m = OUT_OF.exec(text))) {
    const a = m.groups!.a!.toLowerCase();
    const b = m.groups!.b!.toLowerCase();
    const value = NUMBER_WORDS[a] ?? Number(a);
    const of = NUMBER_WORDS[b] ?? Number(b);
    if (!Number.isFinite(value) || !Number.isFinite(of) || value > of) continue;
    add(m, { value, unit: 'count', normalized: value });
  }
  STREAK.lastIndex = 0;
  while (HAS_STREAK.test(text) && (m = STREAK.exec(text))) {
    const g = m.groups!;
    const value = g.n ? Number(g.n) : g.w ? ORDINAL_WORDS[g.w.toLowerCase()]! : g.q ? Number(g.q) : chineseNumber(g.zh!);
    add(m, { value, unit: 'count', normalized: value });
  }

  // Resolve overlaps: earliest first, then the longest.
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: ExtractedFigure[] = [];
  let lastEnd = -1;
  for (const figure of found) {
    if (figure.start < lastEnd) continue;
    out.push(qualify(text, figure));
    lastEnd = figure.end;
  }
  return out;
}

/** The public shape of a figure (no offsets). */
export function toFigure(figure: ExtractedFigure): Figure {
  const out: Figure = { raw: figure.raw, value: figure.value, unit: figure.unit };
  if (figure.scale) out.scale = figure.scale;
  if (figure.normalized !== undefined && figure.normalized !== figure.value) out.normalized = figure.normalized;
  if (figure.atLeast) out.atLeast = true;
  return out;
}

// ---------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const QUARTER_ENDED = new RegExp(String.raw`quarter\s+(?:end(?:ed|ing)|to)\s+(?:on\s+|in\s+)?(?<month>${MONTH})\.?(?:\s+(?<day>\d{1,2}))?,?(?:\s+(?<year>\d{4}))?`, 'gi');
const MONTH_QUARTER = new RegExp(String.raw`\b(?<month>${MONTH})\.?(?:[-\s](?<year>\d{4}))?[-\s]+quarter`, 'gi');
const QN = new RegExp(
  String.raw`\b(?:(?<fiscal>fiscal|FY)\s*)?(?:Q(?<q>[1-4])|(?<word>first|second|third|fourth)[-\s]+(?:fiscal\s+)?quarter)(?:\s+(?:of\s+)?(?:(?<fy>fiscal|FY)\s*)?(?<year>\d{4}))?`,
  'gi',
);
const ZH_QUARTER_END = /截至(?<year>\d{4})年(?<month>\d{1,2})月(?<day>\d{1,2})日(?:止)?的?(?:三个月|季度)/g;
// Not "上一季度" (the previous quarter) nor "本季度" (this one): those name no quarter.
const ZH_QN = /(?<![上下本这同])(?:(?<year>\d{4})(?:(?<fiscal>财年)|年)?|(?<fiscalOnly>财年))?第?(?<q>[一二三四1-4])季度/g;
const ZH_MONTH_QUARTER = /(?<month>3|6|9|12|三|六|九|十二)月(?:份)?季度/g;

function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The most recent end of `month` on or before `ref` (a quarter named without its year). */
function latestMonthEnd(month: number, ref: string): string {
  const year = Number(ref.slice(0, 4));
  const candidate = monthEnd(year, month);
  return candidate <= ref ? candidate : monthEnd(year - 1, month);
}

const WORD_Q: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4 };

/**
 * The last day of quarter `q`. Fiscal quarters follow the pack's fiscal year, named by the
 * calendar year it ends in (a March year-end: FY2026 Q2 ends September 2025).
 */
function quarterEnd(q: number, year: number | null, fiscal: boolean, ref: string, fiscalYearEndMonth: number): string {
  const month = fiscal ? ((fiscalYearEndMonth + 3 * q - 1) % 12) + 1 : q * 3;
  if (year === null) return latestMonthEnd(month, ref);
  const calendarYear = fiscal && month > fiscalYearEndMonth ? year - 1 : year;
  return monthEnd(calendarYear, month);
}

/** Does a quarter of the company's fiscal year end in `month`? */
function endsAQuarter(month: number, fiscalYearEndMonth: number): boolean {
  return (((month - fiscalYearEndMonth) % 3) + 3) % 3 === 0;
}

export interface PeriodMention {
  start: number;
  end: number;
  /** Last day of the quarter named. */
  periodEnd: string;
}

type PeriodReader = [RegExp, (g: Record<string, string | undefined>, ref: string, conventions: FigureConventions) => string | null];

const PERIOD_READERS: PeriodReader[] = [
  [QUARTER_ENDED, (g, ref) => {
    const month = MONTHS[g.month!.toLowerCase()]!;
    return g.year ? monthEnd(Number(g.year), month) : latestMonthEnd(month, ref);
  }],
  [MONTH_QUARTER, (g, ref, conventions) => {
    // Only a month that closes one of the company's quarters names a quarter: "in May,
    // quarterly…" is the month, for a March or a December year-end company alike.
    const month = MONTHS[g.month!.toLowerCase()]!;
    if (!endsAQuarter(month, conventions.fiscalYearEndMonth)) return null;
    return g.year ? monthEnd(Number(g.year), month) : latestMonthEnd(month, ref);
  }],
  [QN, (g, ref, conventions) => {
    const q = g.q ? Number(g.q) : WORD_Q[g.word!.toLowerCase()]!;
    return quarterEnd(q, g.year ? Number(g.year) : null, Boolean(g.fiscal || g.fy), ref, conventions.fiscalYearEndMonth);
  }],
  [ZH_QUARTER_END, (g) => monthEnd(Number(g.year), Number(g.month))],
  [ZH_MONTH_QUARTER, (g, ref, conventions) => {
    const month = /^\d+$/.test(g.month!) ? Number(g.month) : chineseNumber(g.month!);
    if (!endsAQuarter(month, conventions.fiscalYearEndMonth)) return null;
    return latestMonthEnd(month, ref);
  }],
  [ZH_QN, (g, ref, conventions) => {
    const q = /\d/.test(g.q!) ? Number(g.q) : chineseNumber(g.q!);
    return quarterEnd(q, g.year ? Number(g.year) : null, Boolean(g.fiscal || g.fiscalOnly), ref, conventions.fiscalYearEndMonth);
  }],
];

/**
 * Quarters a sentence names ("September 2025 quarter", "quarter ended Sept. 30", "Q3",
 * "三季度"), in text order. "Last quarter" names none: the caller then takes the latest
 * period known at publication. `ref` is the article's date: a quarter named without its
 * year is the latest one before it.
 */
export function periodMentions(text: string, ref: string, conventions: FigureConventions = DEFAULT_FIGURE_CONVENTIONS): PeriodMention[] {
  const out: PeriodMention[] = [];
  for (const [re, read] of PERIOD_READERS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const periodEnd = read(m.groups ?? {}, ref, conventions);
      if (periodEnd && !out.some((p) => m!.index < p.end && p.start < m!.index + m![0].length)) {
        out.push({ start: m.index, end: m.index + m[0].length, periodEnd });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The one quarter a sentence names, or null (none, or several that disagree). */
export function claimPeriod(text: string, ref: string, conventions: FigureConventions = DEFAULT_FIGURE_CONVENTIONS): string | null {
  const periods = new Set(periodMentions(text, ref, conventions).map((p) => p.periodEnd));
  return periods.size === 1 ? [...periods][0]! : null;
}

/** A comparison opening before a period: "faster than the 34% of the September quarter", "较6月季度的26%". */
const COMPARED_BEFORE = /(?:\b(?:than|compared (?:with|to)|versus|vs\.?|up from|down from|from)\b[^.;]{0,30}|(?:较|相比|比)[^，。；]{0,12})$/i;

/**
 * The period of figure `figure`: a quarter named in its own clause wins ("up from 26% in the
 * June quarter" is the 26%'s); else the sentence's single quarter; else null. A quarter named
 * in a comparison after the figure ("35%, faster than the 34% of the September quarter") is
 * the compared number's, never this one's.
 */
function figurePeriod(text: string, mentions: PeriodMention[], figure: ExtractedFigure, windowStart: number, windowEnd: number): string | null {
  const comparedAway = (p: PeriodMention) => {
    const from = Math.max(0, p.start - 50);
    const m = COMPARED_BEFORE.exec(text.slice(from, p.start));
    return m !== null && figure.end <= from + m.index;
  };
  const mine = mentions.filter((p) => !comparedAway(p));
  const own = mine.filter((p) => p.start >= windowStart && p.start < windowEnd + 30);
  if (own.length > 0) return own[0]!.periodEnd;
  const periods = new Set(mine.map((p) => p.periodEnd));
  return periods.size === 1 ? [...periods][0]! : null;
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

export interface CheckOptions {
  /** The article's date (YYYY-MM-DD), or null when unknown (then `asOf` stands in). */
  published: string | null;
  /** Judge with what the pack knew on this date. */
  asOf: string;
  /** The pack's `entities`: whose figures the pack carries, and other companies'. */
  entities?: { self: LocalizedTerms; others: LocalizedTerms };
  /** The pack's fiscal calendar (quarters named "fiscal Q2" are its quarters). */
  conventions?: FigureConventions;
}

export interface ClaimForCheck {
  text: string;
  figures: ExtractedFigure[];
  /**
   * The sentence before, when this one opens with a pronoun ("It grew 34%…" after "The
   * cloud unit keeps accelerating."): it names what the numbers are about.
   */
  antecedent?: string;
  /**
   * The sentence before, whatever it opens with. A sentence that names no company owns its
   * numbers only through the one it continues ("Alibaba reported results on Tuesday. Cloud
   * revenue rose 34%."); without one, its figures are nobody's and go unchecked.
   */
  previous?: string;
  /**
   * By item id, the subject words that bound the sentence to that item (its own, or those of
   * the sentence, heading or article it continues: the link's `reasons.subject`). A sentence
   * naming no company owns its numbers through them.
   */
  boundBy?: Readonly<Record<string, string | undefined>>;
}

/** Clause boundaries: a figure's context does not reach across them. */
const CLAUSE_CUT = /\b(?:while|whereas|compared (?:with|to)|versus|vs\.?|than|against|but)\b|, and\b|[;；]|，而|而(?=[\p{Script=Han}])|相比|同时/giu;
const CONTEXT_BEFORE = 110;
const CONTEXT_AFTER = 60;
/** A result for a later quarter reaches the news this long after the previous quarter's end. */
const NEXT_RESULTS_DAYS = 135;

function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

const MONEY_UNITS = new Set(['CNY', 'USD', 'HKD']);

/** Words that end a figure's forward context ("34% growth in cloud revenue" reads on; "34%, and AI…" stops). */
const FORWARD_CUT = /\band\b|[,，、]/g;

/**
 * The text that speaks about figure `i`: back to the start of its clause (subjects and
 * measures come first: "Alibaba Cloud revenue reached RMB 39.8B, up 34%"), forward to the next
 * comma, "and" or figure ("34% growth in cloud revenue"). `near` also stops at the previous
 * figure: `without` terms there belong to this number, not to an earlier one.
 */
/** "RMB 380 billion ($53 billion)", "RMB 380 billion, about $53 billion,": one amount in two currencies. */
const CONVERSION_GAP = /^\s*(?:[(（]|,)\s*(?:about|around|roughly|approximately|or|约|合)?\s*$/i;

function isConversion(text: string, first: ExtractedFigure, second: ExtractedFigure): boolean {
  return MONEY_UNITS.has(String(first.unit)) && MONEY_UNITS.has(String(second.unit)) && CONVERSION_GAP.test(text.slice(first.end, second.start));
}

function figureWindow(text: string, figures: ExtractedFigure[], i: number): { start: number; end: number; nearStart: number } {
  const figure = figures[i]!;
  const previous = i > 0 ? figures[i - 1]! : null;
  const next = i + 1 < figures.length ? figures[i + 1]! : null;
  // Back past an amount to its subject when the figure is that amount's growth ("RMB 39.8B,
  // up 34%") or its conversion; otherwise a previous figure ends the context: "EBITA fell
  // 76%, quick-commerce revenue rose 60%" are two measures.
  const sharesSubject =
    previous !== null && ((figure.unit === 'percent' && MONEY_UNITS.has(String(previous.unit))) || isConversion(text, previous, figure));
  let start = Math.max(0, figure.start - CONTEXT_BEFORE, previous && !sharesSubject ? previous.end : 0);
  // Forward past a conversion in brackets: "RMB 380 billion ($53 billion) infrastructure investment".
  let forwardFrom = figure.end;
  if (next && isConversion(text, figure, next)) forwardFrom = next.end + (/^\s*[)）,]/.exec(text.slice(next.end))?.[0].length ?? 0);
  const afterNext = next && forwardFrom > figure.end ? (i + 2 < figures.length ? figures[i + 2]!.start : text.length) : next ? next.start : text.length;
  let end = Math.min(text.length, forwardFrom + CONTEXT_AFTER, afterNext);
  CLAUSE_CUT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_CUT.exec(text))) {
    if (m.index + m[0].length <= figure.start && m.index + m[0].length > start) start = m.index + m[0].length;
    else if (m.index >= forwardFrom && m.index < end) {
      end = m.index;
      break;
    }
  }
  FORWARD_CUT.lastIndex = forwardFrom;
  const forward = FORWARD_CUT.exec(text);
  if (forward && forward.index < end) end = forward.index;
  const nearStart = Math.max(start, previous && !sharesSubject ? previous.end : start);
  return { start, end, nearStart };
}

const MONTH_OF_YEAR = new RegExp(String.raw`\b(?:${MONTH})\.?\s+(?:of\s+)?(?:last|this|next|the previous|the past)\s+year\b|(?:去年|今年|明年)\d{1,2}月`, 'gi');

function maskDates(window: string): string {
  return window.replace(MONTH_OF_YEAR, (m) => ' '.repeat(m.length));
}

function nearestBefore(hits: TermHit[], pos: number): TermHit | null {
  let best: TermHit | null = null;
  for (const hit of hits) if (hit.end <= pos && (!best || hit.end > best.end)) best = hit;
  return best;
}

/** A group of actors, not one company: "Chinese companies", "rivals", "国内企业". */
const COLLECTIVE_ACTOR = /\b(?:companies|firms|customers|clients|buyers|rivals|peers|competitors|players|makers|operators|platforms|giants|groups|banks|investors|analysts|exporters|importers)\b|企业|公司|客户|厂商|同行|对手|巨头/i;
const ADDRESSEE_BEFORE = /(?:\b(?:told|tells|tell|telling|asked|asks|urged|informed|notified|assured|from|with)\s+|(?:向|从|告知|通知))$/i;

/** Is figure `figure` about the pack's own company (or the key figure's named subject)? */
function aboutSubject(
  text: string,
  figure: ExtractedFigure,
  windowStart: number,
  selfHits: TermHit[],
  otherHits: TermHit[],
  subject: LocalizedTerms | undefined,
  continued: { owns: boolean } | undefined,
): boolean {
  // A company told, asked or bought from ("the carmaker asked its supplier for 5,000 packs",
  // "向供应商订购") is the one addressed, not the owner of the number.
  otherHits = otherHits.filter((hit) => !ADDRESSEE_BEFORE.test(text.slice(Math.max(0, hit.start - 14), hit.start)));
  const subjectHits = subject ? termMatcher(subject).find(text) : [];
  const own = [...selfHits, ...subjectHits];
  // Named by no one in the sentence: the owner is whoever the sentence it continues names.
  if (own.length === 0 && otherHits.length === 0) return continued !== undefined && continued.owns;
  if (otherHits.length === 0) return true;
  const nearestOwn = nearestBefore(own, figure.start);
  const nearestOther = nearestBefore(otherHits.filter((hit) => !subjectHits.some((s) => s.start <= hit.start && s.end >= hit.end)), figure.start);
  if (nearestOther && (!nearestOwn || nearestOther.end > nearestOwn.end)) {
    // "Tencent's cloud grew 15%": another company owns the number. Unless the other name lies
    // before the clause and our own name opens it ("…than Tencent; Alibaba's 34%").
    return false;
  }
  if (nearestOwn) return true;
  // Others named only after the figure: the subject comes first in English and Chinese, but an
  // un-named subject with other companies around is too ambiguous to check.
  return !otherHits.some((hit) => hit.start >= windowStart && hit.start < figure.start + 40);
}

function unitsCompatible(figure: ExtractedFigure, key: KeyFigure): boolean {
  return figure.unit === key.unit;
}

/**
 * How far apart two values of one measure may be and still be the same figure: the key
 * figure's stated tolerance, else exact for percentages and counts and 2% for amounts, plus
 * the slack of rounding ("34%" for 34.04%). The checks and the reading log's conflicts share it.
 */
export function figureTolerance(unit: string, stated?: number): { relative: number; slack: number } {
  const exact = unit === 'percent' || unit === 'count';
  return { relative: stated ?? (exact ? 0 : 0.02), slack: exact ? 0.05 : 0 };
}

function sameValue(figure: ExtractedFigure, key: KeyFigure): boolean {
  const value = Math.abs(figure.normalized ?? figure.value);
  const known = Math.abs(key.value);
  if (key.atLeast) {
    // "Triple-digit" (≥100%) is matched by 100–999% and by another "triple-digit"; ">200,000" by ≥200,000.
    if (figure.atMost !== undefined) return figure.value === known || (figure.value >= known && figure.atMost >= known && figure.value < known * 10);
    if (value >= known && (key.unit !== 'percent' || value < known * 10)) return true;
  }
  if (figure.atMost !== undefined) return known >= figure.value && known <= figure.atMost;
  const { relative, slack } = figureTolerance(key.unit, key.tolerance);
  const tolerance = figure.approximate ? Math.max(relative, 0.08) : relative;
  return Math.abs(value - known) <= known * tolerance + slack;
}

/** A figure of one fiscal quarter: its period ends on the last day of a month that closes one of the company's quarters. */
function isQuarterly(key: KeyFigure, conventions: FigureConventions): boolean {
  const year = Number(key.periodEnd.slice(0, 4));
  const month = Number(key.periodEnd.slice(5, 7));
  return endsAQuarter(month, conventions.fiscalYearEndMonth) && key.periodEnd === monthEnd(year, month);
}

function verdictFor(
  figure: ExtractedFigure,
  known: KeyFigure[],
  period: string | null,
  published: string,
  conventions: FigureConventions,
): { verdict: Verdict; key: KeyFigure; period?: string } | null {
  if (known.length === 0) return null;
  const latest = known[known.length - 1]!;
  if (period) {
    const same = known.find((key) => key.periodEnd === period);
    if (same) return { verdict: sameValue(figure, same) ? 'matches' : 'differs', key: same };
    if (period > latest.periodEnd && published >= latest.asOf) return { verdict: 'newer', key: latest };
    return null;
  }
  // A market reading quoted without a period is for the month the article is dated in.
  if (latest.pointInTime) {
    const month = published.slice(0, 7);
    const same = known.find((key) => key.periodEnd.slice(0, 7) === month);
    if (same) return { verdict: sameValue(figure, same) ? 'matches' : 'differs', key: same };
    // A later reading is for the day it is quoted.
    if (month > latest.periodEnd.slice(0, 7) && published >= latest.asOf) return { verdict: 'newer', key: latest, period: published };
  }
  // No period in the text: the latest period the pack knew when the article was written.
  const atPublication = known.filter((key) => key.asOf <= published);
  if (atPublication.length === 0) {
    // Written before the pack recorded any value: the same number as the first recorded one
    // is that figure reported early; any other number cannot be placed.
    return sameValue(figure, known[0]!) ? { verdict: 'matches', key: known[0]! } : null;
  }
  const reference = atPublication[atPublication.length - 1]!;
  // Long after the pack's latest quarter closed, a quarterly figure without a named period is
  // the latest quarter's at publication, a later one than the pack's, even when the number repeats.
  const stale = reference === latest && isQuarterly(reference, conventions) && daysBetween(reference.periodEnd, published) > NEXT_RESULTS_DAYS;
  if (sameValue(figure, reference)) return { verdict: stale ? 'newer' : 'matches', key: reference };
  // An older period's value ("26%" a year after that quarter) matches only when the text
  // names that period; without it, the figure's period cannot be told: unchecked.
  if (atPublication.some((key) => key !== reference && sameValue(figure, key))) return null;
  // A different number long after the reference period closed is most likely a later quarter's.
  if (reference === latest && daysBetween(reference.periodEnd, published) > NEXT_RESULTS_DAYS) return { verdict: 'newer', key: reference };
  return { verdict: 'differs', key: reference };
}

interface KnownMeasure {
  item: Item;
  measure: string;
  /** Its figures known on the date, oldest period first. */
  known: KeyFigure[];
}

const measureCache = new WeakMap<readonly Item[], Map<string, KnownMeasure[]>>();

/** The items' measures as known on `asOf`, computed once per item list and date. */
function measuresKnownAt(items: readonly Item[], asOf: string): KnownMeasure[] {
  let byDate = measureCache.get(items);
  if (!byDate) {
    byDate = new Map();
    measureCache.set(items, byDate);
  }
  let measures = byDate.get(asOf);
  if (!measures) {
    measures = [];
    for (const item of items) {
      const byMeasure = new Map<string, KeyFigure[]>();
      for (const key of figuresKnownAt(item, asOf)) {
        const id = `${key.measure}|${key.unit}`;
        const list = byMeasure.get(id) ?? [];
        list.push(key);
        byMeasure.set(id, list);
      }
      for (const known of byMeasure.values()) measures.push({ item, measure: known[0]!.measure, known });
    }
    byDate.set(asOf, measures);
  }
  return measures;
}

interface MeasureCandidate {
  item: Item;
  measure: string;
  known: KeyFigure[];
  specificity: number;
}

/**
 * Checks of a claim's figures against the key figures of `items`, as the pack stood on
 * `options.asOf`. A figure is checked against a measure when the units agree, the measure's
 * context terms are near it (same clause) and its `without` terms are not, and the number
 * belongs to the pack's company rather than to another one named in the sentence.
 */
export function checkFigures(claim: ClaimForCheck, items: readonly Item[], options: CheckOptions): Check[] {
  if (claim.figures.length === 0) return [];
  const published = options.published ?? options.asOf;
  const text = claim.text;
  // Entity names are looked up only once a figure has a candidate measure (most have none).
  let entityHits: { self: TermHit[]; others: TermHit[] } | null = null;
  const entities = () =>
    (entityHits ??= {
      self: options.entities ? termMatcher(options.entities.self).find(text) : [],
      others: options.entities ? termMatcher(options.entities.others).find(text) : [],
    });
  // Does the sentence this one continues name the figure's owner (the pack's company, or the
  // key figure's own subject), and no other company after it?
  const previous = claim.previous ?? claim.antecedent;
  const continuation = (subject: LocalizedTerms | undefined, itemId: string): { owns: boolean } | undefined => {
    if (claim.boundBy) {
      const bound = claim.boundBy[itemId];
      if (bound === undefined) return { owns: false };
      if ((options.entities !== undefined && termMatcher(options.entities.self).test(bound)) || (subject !== undefined && termMatcher(subject).test(bound))) return { owns: true };
      // A name the item counts as its subject (a ticker, a unit's name) owns the number; another
      // company, or a group of them ("Chinese companies"), does not.
      return { owns: !(options.entities !== undefined && termMatcher(options.entities.others).test(bound)) && !COLLECTIVE_ACTOR.test(bound) };
    }
    if (previous === undefined) return undefined;
    const own = [...(options.entities ? termMatcher(options.entities.self).find(previous) : []), ...(subject ? termMatcher(subject).find(previous) : [])];
    if (own.length === 0) return { owns: false };
    const lastOwn = Math.max(...own.map((h) => h.end));
    const others = options.entities ? termMatcher(options.entities.others).find(previous).filter((h) => !ADDRESSEE_BEFORE.test(previous.slice(Math.max(0, h.start - 14), h.start))) : [];
    return { owns: !others.some((h) => h.start >= lastOwn) };
  };
  const mentions = periodMentions(text, published, options.conventions);
  const checks: Check[] = [];
  const seen = new Set<string>();

  const measures = measuresKnownAt(items, options.asOf);
  claim.figures.forEach((figure, i) => {
    const { start, end, nearStart } = figureWindow(text, claim.figures, i);
    // "in February last year" is a date, not a trailing period: the measure's context reads past it.
    const window = maskDates(text.slice(start, end));
    const near = text.slice(nearStart, end);
    const candidates: MeasureCandidate[] = [];
    for (const measure of measures) {
      const first = measure.known[0]!;
      if (!unitsCompatible(figure, first)) continue;
      const antecedent = claim.antecedent;
      if (!first.context.every((group) => termMatcher(group).test(window) || (antecedent !== undefined && termMatcher(group).test(antecedent)))) continue;
      if (first.without && termMatcher(first.without).test(near)) continue;
      if (!aboutSubject(text, figure, start, entities().self, entities().others, first.subject, continuation(first.subject, measure.item.id))) continue;
      candidates.push({ ...measure, specificity: first.context.length });
    }
    if (candidates.length === 0) return;
    const period = figurePeriod(text, mentions, figure, start, end);
    const all = candidates.map((candidate) => ({ candidate, result: verdictFor(figure, candidate.known, period, published, options.conventions ?? DEFAULT_FIGURE_CONVENTIONS) }));
    // One number is one measure: when it matches a candidate, it is that one; otherwise the
    // candidates whose context is most specific (more term groups present) judge it.
    const matching = all.filter(({ result }) => result?.verdict === 'matches');
    const best = Math.max(...candidates.map((c) => c.specificity));
    const verdicts = matching.length > 0 ? matching : all.filter(({ candidate }) => candidate.specificity === best);
    for (const { candidate, result } of verdicts) {
      if (!result) continue;
      const key = `${candidate.item.id}|${candidate.measure}|${figure.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      checks.push({
        itemId: candidate.item.id,
        verdict: result.verdict,
        known: describeKnownFigure(result.key),
        measure: candidate.measure,
        figure: figure.raw,
        // The period the figure is judged to be for: the key figure's when it is compared
        // with one, the period the text names when it is newer (unknown when it names none).
        ...(result.verdict !== 'newer' ? { period: result.key.periodEnd } : (result.period ?? period) ? { period: result.period ?? period! } : {}),
        value: figure.normalized ?? figure.value,
        unit: String(figure.unit),
      });
    }
  });
  return checks;
}
