import type { ThesisPack } from './pack/schema';
import { foldSeparators, isUnspacedTerm } from './text/cjk';

/**
 * The gate: the only Thesis Lens code that runs on every news page, so it is tiny and
 * cheap. It reads the title, a few meta tags and a bounded sample of the main text, and
 * answers one question: may this page be about one of the enabled theses' topics? Only
 * then is the lens (the pipeline and the sidebar) injected, and the pipeline decides for
 * real. The gate therefore leans permissive: a false "maybe" costs one injection, a false
 * "no" loses an article.
 *
 * Pure: no `browser.*`, no zod, no Preact (it is bundled into the gate content script).
 * Terms use the pack's matcher language (see lib/pack/schema.ts): case-insensitive; a
 * Latin term matches at word boundaries, a trailing `*` makes it a prefix; a term with
 * CJK characters matches as a substring.
 */

/** One topic's terms, as the gate needs them (both languages flattened). */
export interface GateTopic {
  id: string;
  mentions: string[];
  /** Terms that explain the mentions away (the folk tale, the van). */
  negatives: string[];
}

export interface GateTerms {
  topics: GateTopic[];
}

/** Where the background keeps the enabled packs' gate terms (storage.local). */
export const GATE_TERMS_KEY = 'gate-terms';

/** How much of the main text the gate reads at most. */
export const GATE_SAMPLE_CHARS = 6000;

/**
 * Used until the background has written the enabled packs' terms (first run) or when the
 * stored value is unreadable: the default thesis's topic terms, exactly (a unit test holds
 * them equal to `gateTermsFromPacks([defaultPack])`; the gate cannot import the pack, which needs zod).
 */
export const FALLBACK_GATE_TERMS: GateTerms = {
  topics: [
    {
      id: 'alibaba',
      mentions: ['Alibaba', 'Alibaba Group', 'Alibaba Cloud', 'Aliyun', 'NYSE: BABA', 'NYSE:BABA', 'BABA.N', 'BABA shares', 'BABA stock', '9988.HK', '9988 HK', 'HKEX: 9988', 'T-Head', 'Qwen', 'Tongyi', 'Taobao', 'Tmall', 'Ele.me', 'Cainiao', 'AliExpress', 'Lazada', 'DingTalk', 'Freshippo', 'Taobao Instant Commerce', 'Eddie Wu', 'Joe Tsai', '阿里巴巴', '阿里云', '阿里', '平头哥', '通义千问', '千问', '通义', '淘宝', '天猫', '饿了么', '菜鸟', '速卖通', '钉钉', '盒马', '淘宝闪购', '吴泳铭', '蔡崇信'],
      negatives: ['Forty Thieves', '40 thieves', 'Ali Baba', 'open sesame', 'Arabian Nights', 'Thousand and One Nights', '1001 Nights', 'Morgiana', 'Cassim', 'folk tale', 'fairy tale', '芝麻开门', '四十大盗', '一千零一夜', '天方夜谭', '阿里巴巴与四十大盗', '童话', '民间故事'],
    },
    {
      id: 'h200-exports',
      mentions: ['H200*', 'H20', 'B30A', 'H800*', 'Nvidia', 'AI chip*', 'AI accelerator*', 'AI processor*', 'chip export*', '英伟达', '芯片出口', 'AI芯片', '人工智能芯片', 'H200芯片'],
      negatives: ['Hyundai', 'Starex', 'iLoad', 'iMax', 'minivan', 'minibus', 'van', 'people mover', 'camper*', 'horsepower', 'diesel', 'towing', '现代汽车', '现代H200', '面包车', '商务车', '房车'],
    },
  ],
};

/** The gate terms of the enabled packs: each topic's mentions and negatives in both languages. */
export function gateTermsFromPacks(packs: readonly Pick<ThesisPack, 'id' | 'topics'>[]): GateTerms {
  return {
    topics: packs.flatMap((pack) =>
      pack.topics.map((topic) => ({
        id: `${pack.id}/${topic.id}`,
        mentions: [...topic.mentions.en, ...topic.mentions.zh],
        negatives: [...topic.negatives.en, ...topic.negatives.zh],
      })),
    ),
  };
}

/**
 * Reads a stored value as gate terms without zod (the gate must stay small): anything that
 * is not the expected shape gives `null`, and the caller falls back.
 */
export function parseGateTerms(value: unknown): GateTerms | null {
  if (!value || typeof value !== 'object' || !Array.isArray((value as GateTerms).topics)) return null;
  const isStrings = (list: unknown): list is string[] => Array.isArray(list) && list.every((term) => typeof term === 'string' && term.length > 0);
  const topics: GateTopic[] = [];
  for (const topic of (value as GateTerms).topics as unknown[]) {
    if (!topic || typeof topic !== 'object') return null;
    const { id, mentions, negatives } = topic as Partial<GateTopic>;
    if (typeof id !== 'string' || !isStrings(mentions) || !(negatives === undefined || isStrings(negatives))) return null;
    topics.push({ id, mentions, negatives: negatives ?? [] });
  }
  return topics.length > 0 ? { topics } : null;
}

/** One term, lowercased, with what a hit on it means. */
interface GateTermEntry {
  /** Lowercased; runs of spaces in the term match any run of whitespace. */
  text: string;
  /** Latin term with a trailing `*`: no word end required. */
  prefix: boolean;
  /** Contains CJK: matches as a substring, no word boundaries. */
  cjk: boolean;
  topic: number;
  negative: boolean;
}

/**
 * Terms indexed by how they begin, so that one pass over the lowercased text looks only at
 * places where some term could start: one lookup per character in a bit table over a hash
 * of the next three characters (two for two-character terms), and a real comparison only
 * there. (A regular expression with one alternation of every term costs several times more.)
 */
export interface CompiledGate {
  topicIds: string[];
  /** Bit tables: may a term of three or more characters (two characters) start here? */
  starts3: Uint8Array;
  starts2: Uint8Array;
  /** Exact first-two-characters key → the terms that begin so. */
  byStart: Map<number, GateTermEntry[]>;
  /** Terms of a single character, by its code. */
  single: Map<number, GateTermEntry[]>;
}

const startKey = (first: number, second: number) => first * 65536 + second;
const TABLE_BITS = 0xfff;
const hash2 = (c0: number, c1: number) => (c0 * 31 + c1) & TABLE_BITS;
const hash3 = (c0: number, c1: number, c2: number) => (c0 * 961 + c1 * 31 + c2) & TABLE_BITS;

/**
 * Letters and digits of alphabetic scripts, for Latin terms' word boundaries. CJK is not:
 * Chinese text runs Latin names into its characters ("英伟达H200芯片"). A range check, not
 * a Unicode property regex, whose first use alone costs about a millisecond.
 */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code < 0xc0 || code === 0xd7 || code === 0xf7) return false; // Latin-1 punctuation and signs
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code >= 0x2e80) return false; // CJK, Hangul, fullwidth forms and beyond
  return true;
}

/**
 * Separators: whitespace, hyphen and the Unicode dashes all read as one space, as in the
 * pipeline's term language (lib/text): "export control*" finds "export-controlled".
 */
const isSpace = (code: number) =>
  code === 32 || code === 10 || code === 9 || code === 13 || code === 12 || code === 160 || code === 45 || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;

/**
 * Lowercase one character. Not `text.toLowerCase()`: page text is often a two-byte string,
 * for which that takes the slow, locale-aware path over the whole sample. ASCII is inline;
 * other characters below the CJK blocks (which have no case) are looked up once and cached.
 */
const lowerCache = new Uint16Array(0x3000);
function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (code >= 0x3000 || code !== code) return code;
  let lower = lowerCache[code]!;
  if (lower === 0) {
    const text = String.fromCharCode(code).toLowerCase();
    lower = text.length === 1 ? text.charCodeAt(0) : code;
    lowerCache[code] = lower;
  }
  return lower;
}

/** The character at `i`, lowercased, whitespace read as a space (NaN past the end). */
function foldedAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return isSpace(code) ? 32 : lowerCode(code);
}

function pushTo<K>(map: Map<K, GateTermEntry[]>, key: K, entry: GateTermEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export function compileGateTerms(terms: GateTerms): CompiledGate {
  const compiled: CompiledGate = { topicIds: [], starts3: new Uint8Array(TABLE_BITS + 1), starts2: new Uint8Array(TABLE_BITS + 1), byStart: new Map(), single: new Map() };
  const add = (raw: string, topic: number, negative: boolean) => {
    let text = raw.trim().toLowerCase();
    const starred = text.endsWith('*');
    if (starred) text = text.slice(0, -1).trimEnd();
    text = foldSeparators(text);
    if (!text) return;
    const cjk = isUnspacedTerm(text);
    // A CJK term is a substring anyway: its `*` changes nothing.
    const entry: GateTermEntry = { text, prefix: starred && !cjk, cjk, topic, negative };
    const c0 = text.charCodeAt(0);
    if (text.length === 1) return pushTo(compiled.single, c0, entry);
    const c1 = text.charCodeAt(1);
    // The text's whitespace reads as a space, so a space in a term's first three characters indexes fine
    // (but any run of whitespace matches it: a term with a space second is indexed on two characters).
    if (text.length === 2 || c1 === 32) compiled.starts2[hash2(c0, c1)] = 1;
    else compiled.starts3[hash3(c0, c1, text.charCodeAt(2))] = 1;
    pushTo(compiled.byStart, startKey(c0, c1), entry);
  };
  terms.topics.forEach((topic, index) => {
    compiled.topicIds.push(topic.id);
    for (const term of topic.mentions) add(term, index, false);
    for (const term of topic.negatives) add(term, index, true);
  });
  return compiled;
}

/** Where the term ends if it occurs at `at` in the text (case folded; a space in it matches any whitespace run), else -1. */
function matchAt(text: string, at: number, term: string): number {
  let i = at;
  for (let j = 0; j < term.length; j++) {
    const code = term.charCodeAt(j);
    if (code === 32) {
      if (!isSpace(text.charCodeAt(i))) return -1;
      while (isSpace(text.charCodeAt(i))) i++;
    } else if (foldedAt(text, i) === code) {
      i++;
    } else {
      return -1;
    }
  }
  return i;
}

/** What the gate reads of a page. */
export interface GateSample {
  /** Title and meta (og:title, description, keywords, news_keywords): a hit here weighs double. */
  head: string;
  /** The start of the main text, at most GATE_SAMPLE_CHARS. */
  body: string;
}

interface TopicHits {
  mentions: number[];
  negatives: number[];
}

/** Hits per topic in one text: at most one per topic and kind at each position ("Alibaba Cloud" is one hit, not two). */
function countHits(text: string, compiled: CompiledGate): TopicHits {
  const mentions = new Array<number>(compiled.topicIds.length).fill(0);
  const negatives = new Array<number>(compiled.topicIds.length).fill(0);
  const { starts3, starts2, byStart, single } = compiled;
  // Topic × kind already hit at this position (a bit each; beyond 15 topics, hits may repeat).
  let seen = 0;
  const hitAt = (entries: GateTermEntry[] | undefined, at: number) => {
    if (!entries) return;
    for (const entry of entries) {
      const bit = 1 << ((entry.topic * 2 + (entry.negative ? 1 : 0)) & 31);
      if (seen & bit) continue;
      const end = matchAt(text, at, entry.text);
      if (end < 0) continue;
      if (!entry.cjk) {
        if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
        if (!entry.prefix && end < text.length && isWordChar(text.charCodeAt(end))) continue;
      }
      seen |= bit;
      if (entry.negative) negatives[entry.topic]!++;
      else mentions[entry.topic]!++;
    }
  };
  const hasSingles = single.size > 0;
  let c0 = foldedAt(text, 0);
  let c1 = foldedAt(text, 1);
  const length = text.length;
  for (let at = 0; at < length; at++) {
    // foldedAt and the hashes, written out: the gate usually runs once per page, before the
    // engine has optimised anything, and calls are what cost most in the interpreter.
    let c2 = text.charCodeAt(at + 2);
    if (c2 < 128) {
      if (c2 >= 65 && c2 <= 90) c2 += 32;
      else if (c2 === 10 || c2 === 9 || c2 === 13 || c2 === 12 || c2 === 45) c2 = 32;
    } else if (c2 < 0x3000) {
      c2 = c2 === 160 || (c2 >= 0x2010 && c2 <= 0x2015) || c2 === 0x2212 ? 32 : lowerCode(c2);
    }
    if (starts3[(c0 * 961 + c1 * 31 + c2) & TABLE_BITS] === 1 || starts2[(c0 * 31 + c1) & TABLE_BITS] === 1) {
      seen = 0;
      hitAt(byStart.get(startKey(c0, c1)), at);
      if (hasSingles) hitAt(single.get(c0), at);
    } else if (hasSingles) {
      seen = 0;
      hitAt(single.get(c0), at);
    }
    c0 = c1;
    c1 = c2;
  }
  return { mentions, negatives };
}

/**
 * A topic may be the page's subject when it is named in the title or meta, or at least
 * twice in the text sample; negatives (the folk tale, the van) count against it. One
 * passing mention in a list of companies does not open the gate.
 */
export function relevantTopics(sample: GateSample, compiled: CompiledGate): string[] {
  const head = countHits(sample.head, compiled);
  const body = countHits(sample.body, compiled);
  return compiled.topicIds.filter((_, topic) => {
    const score =
      2 * Math.min(head.mentions[topic]!, 2) +
      Math.min(body.mentions[topic]!, 4) -
      2 * (Math.min(head.negatives[topic]!, 2) + Math.min(body.negatives[topic]!, 2));
    return score >= 2;
  });
}

export function mayBeRelevant(sample: GateSample, compiled: CompiledGate): boolean {
  return relevantTopics(sample, compiled).length > 0;
}

const META_NAMES = ['og:title', 'twitter:title', 'description', 'og:description', 'keywords', 'news_keywords'];
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'NAV', 'FOOTER', 'ASIDE', 'BUTTON', 'SELECT', 'IFRAME']);

/** The node after the walker's current node and all its descendants (or null at the end). */
function nextOutsideSubtree(walker: TreeWalker): Node | null {
  let next = walker.nextSibling();
  while (!next) {
    if (!walker.parentNode()) return null;
    next = walker.nextSibling();
  }
  return next;
}

/**
 * Reads the sample from a document: title, meta, and the first `maxChars` of text under
 * the likely main element (article, main, else body). Walks text nodes in order and stops
 * as soon as it has enough: it never reads the whole DOM (and never asks for layout).
 */
export function samplePage(doc: Document, maxChars = GATE_SAMPLE_CHARS): GateSample {
  const root = mainRoot(doc);
  // Parts joined once at the end: one flat string, not a chain of concatenations.
  const parts: string[] = [];
  let length = 0;
  if (root) {
    // No filter callback: plain traversal is faster, and a callback cannot run where the
    // page has JavaScript turned off. Skipped elements are stepped over, subtree and all.
    const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
    let node = walker.nextNode();
    while (node && length <= maxChars) {
      if (node.nodeType === 1 && SKIPPED.has((node as Element).tagName)) {
        node = nextOutsideSubtree(walker);
        continue;
      }
      if (node.nodeType === 3) {
        const text = node.nodeValue?.trim();
        if (text) {
          parts.push(text);
          length += text.length + 1; // with the space that joins it
        }
      }
      node = walker.nextNode();
    }
  }
  const body = parts.join(' ');
  return { head: readHead(doc), body: body.length > maxChars ? body.slice(0, maxChars) : body };
}

/** Title and the meta tags that describe the page, one per line. */
function readHead(doc: Document): string {
  const head = [doc.title];
  for (const meta of Array.from(doc.head?.getElementsByTagName('meta') ?? [])) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (META_NAMES.includes(name)) head.push(meta.getAttribute('content') ?? '');
  }
  return head.join('\n');
}

/** The likely main element: article, main, else body. */
export function mainRoot(doc: Document): Element | null {
  return doc.querySelector('article') ?? doc.querySelector('main, [role="main"]') ?? doc.body;
}

/**
 * One case-insensitive pattern for every mention of every topic, as plain substrings: a
 * superset of what the counting above accepts (no word boundaries, `*` dropped).
 */
export function mentionPattern(terms: GateTerms): RegExp {
  const alternatives = terms.topics
    .flatMap((topic) => topic.mentions)
    .map((term) => term.trim().replace(/\*$/, '').trim())
    .filter(Boolean)
    .map((term) =>
      foldSeparators(term)
        .split(' ')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s\\u00a0\\-\\u2010-\\u2015\\u2212]+'),
    )
    .filter(Boolean);
  return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'i') : /(?!)/;
}

export interface PageLook {
  relevant: boolean;
  /** Characters of text under the main element (the gate looks again if it grows). */
  textLength: number;
}

/**
 * The gate as the content script runs it, once per page and so before the engine has
 * optimised anything. Most news pages name no topic at all; that case is answered by one
 * native regular-expression pass over the head and the main element's text (no tree walk,
 * no interpreted loop). Only a page that names something is sampled and counted.
 */
export function createGate(terms: GateTerms): (doc: Document) => PageLook {
  const anyMention = mentionPattern(terms);
  let compiled: CompiledGate | null = null;
  return (doc) => {
    const text = mainRoot(doc)?.textContent ?? '';
    if (!anyMention.test(doc.title) && !anyMention.test(text) && !anyMention.test(readHead(doc))) {
      return { relevant: false, textLength: text.length };
    }
    compiled ??= compileGateTerms(terms);
    return { relevant: mayBeRelevant(samplePage(doc), compiled), textLength: text.length };
  };
}
