import type { ThesisPack } from './pack/schema';

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
 * stored value is unreadable: the default thesis's topics in short.
 */
export const FALLBACK_GATE_TERMS: GateTerms = {
  topics: [
    {
      id: 'alibaba',
      mentions: ['Alibaba', 'BABA', '9988', 'Aliyun', 'Alibaba Cloud', 'Qwen', 'Taobao', 'Tmall', 'T-Head', '阿里巴巴', '阿里云', '阿里', '通义', '千问', '淘宝', '天猫', '平头哥'],
      negatives: ['Forty Thieves', 'Open Sesame', 'Scheherazade', 'Arabian Nights', '四十大盗', '芝麻开门'],
    },
    {
      id: 'h200-exports',
      mentions: ['H200', 'H20', 'B30A', 'export control*', 'chip export*', '英伟达', '出口管制', '芯片出口'],
      negatives: ['Hyundai', 'H-200 van', '现代汽车'],
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

/**
 * Terms compiled into one plain alternation (no lookbehind, no Unicode property classes: both
 * make every position of the text expensive). Word boundaries are checked in code, only
 * at the rare places where the alternation matched.
 */
export interface CompiledTerms {
  pattern: RegExp;
  /** Latin terms written with a trailing `*`, lowercased: no word end required. */
  prefixes: Set<string>;
}

export interface CompiledGateTopic {
  id: string;
  mentions: CompiledTerms | null;
  negatives: CompiledTerms | null;
}

export interface CompiledGate {
  topics: CompiledGateTopic[];
}

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalizeSpaces = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function compileTerms(terms: readonly string[]): CompiledTerms | null {
  const prefixes = new Set<string>();
  const sources = new Set<string>();
  for (const raw of terms) {
    const term = raw.trim();
    const literal = term.endsWith('*') ? term.slice(0, -1).trim() : term;
    if (!literal) continue;
    // A CJK term is a substring anyway: its `*` changes nothing.
    if (literal !== term && !CJK.test(literal)) prefixes.add(normalizeSpaces(literal));
    sources.add(literal);
  }
  if (sources.size === 0) return null;
  // Longest first, so that "Alibaba Cloud" is one hit, not "Alibaba" and then nothing.
  const alternation = [...sources].sort((a, b) => b.length - a.length).map((term) => escapeRegExp(term).replace(/\s+/g, '\\s+'));
  return { pattern: new RegExp(alternation.join('|'), 'gi'), prefixes };
}

/** A Latin match must start at a word start and, unless the term is a prefix, end at a word end. */
function atWordBoundaries(text: string, index: number, match: string, terms: CompiledTerms): boolean {
  if (CJK.test(match)) return true;
  const before = text[index - 1];
  if (before !== undefined && WORD_CHAR.test(before)) return false;
  if (terms.prefixes.has(normalizeSpaces(match))) return true;
  const after = text[index + match.length];
  return after === undefined || !WORD_CHAR.test(after);
}

export function compileGateTerms(terms: GateTerms): CompiledGate {
  return {
    topics: terms.topics.map((topic) => ({ id: topic.id, mentions: compileTerms(topic.mentions), negatives: compileTerms(topic.negatives) })),
  };
}

/** What the gate reads of a page. */
export interface GateSample {
  /** Title and meta (og:title, description, keywords, news_keywords): a hit here weighs double. */
  head: string;
  /** The start of the main text, at most GATE_SAMPLE_CHARS. */
  body: string;
}

function countHits(terms: CompiledTerms | null, text: string, cap: number): number {
  if (!terms || !text) return 0;
  const { pattern } = terms;
  pattern.lastIndex = 0;
  let hits = 0;
  for (let match = pattern.exec(text); match && hits < cap; match = pattern.exec(text)) {
    if (atWordBoundaries(text, match.index, match[0], terms)) hits++;
    else pattern.lastIndex = match.index + 1;
  }
  return hits;
}

/**
 * A topic may be the page's subject when it is named in the title or meta, or at least
 * twice in the text sample; negatives (the folk tale, the van) count against it. One
 * passing mention in a list of companies does not open the gate.
 */
export function relevantTopics(sample: GateSample, compiled: CompiledGate): string[] {
  return compiled.topics
    .filter((topic) => {
      const score =
        2 * countHits(topic.mentions, sample.head, 2) +
        countHits(topic.mentions, sample.body, 4) -
        2 * (countHits(topic.negatives, sample.head, 2) + countHits(topic.negatives, sample.body, 2));
      return score >= 2;
    })
    .map((topic) => topic.id);
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
  const head = [doc.title];
  for (const meta of Array.from(doc.head?.getElementsByTagName('meta') ?? [])) {
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (META_NAMES.includes(name)) head.push(meta.getAttribute('content') ?? '');
  }
  const root = doc.querySelector('article') ?? doc.querySelector('main, [role="main"]') ?? doc.body;
  let body = '';
  if (root) {
    // No filter callback: plain traversal is faster, and a callback cannot run where the
    // page has JavaScript turned off. Skipped elements are stepped over, subtree and all.
    const walker = doc.createTreeWalker(root, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
    let node = walker.nextNode();
    while (node && body.length < maxChars) {
      if (node.nodeType === 1 && SKIPPED.has((node as Element).tagName)) {
        node = nextOutsideSubtree(walker);
        continue;
      }
      if (node.nodeType === 3) {
        const text = node.nodeValue?.trim();
        if (text) body += (body ? ' ' : '') + text;
      }
      node = walker.nextNode();
    }
  }
  return { head: head.join('\n'), body: body.slice(0, maxChars) };
}
