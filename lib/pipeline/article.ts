import { buildTextIndex, type TextIndex } from '../dom/text-index';
import { countHan, hasHan } from '../text/cjk';

/**
 * Is this page a news article, and where is its text?
 *
 * Pure DOM (runs on linkedom in Node and on the live page). It runs on every page a
 * content script sees, so it is built to be cheap: the <meta> tags in <head>, then one
 * pass over the <p> elements scoring their containers (no layout, no getComputedStyle),
 * and only for a page with enough paragraph text the JSON-LD, then one bounded pass over
 * the chosen container to leave out page furniture. A page without paragraph text is
 * rejected after the <p> pass, with no text built.
 *
 * Infinite-scroll pages stack several <article> elements. The main one is the article the
 * page's own metadata describes (its headline matches the page title), else the first
 * substantial one; the others are ignored, because title, date and URL describe only the
 * main one and claims from a stacked article would be filed under the wrong story.
 */

export interface ArticleInfo {
  isArticle: boolean;
  title: string;
  /** YYYY-MM-DD, as the page states it (no time-zone shift). */
  published: string | null;
  /** Canonical link, og:url, or `options.url`. */
  url: string | null;
  lang: 'en' | 'zh';
  siteName: string | null;
  /** Main text containers, in document order. */
  roots: Element[];
  /** The text analysed: the roots without navigation, related links, comments, ads… */
  text: TextIndex;
}

export interface DetectArticleOptions {
  /** The page's URL when the document does not say. */
  url?: string | null;
  /** The article's date (YYYY-MM-DD) when the page carries none. */
  date?: string | null;
}

// Bounds for hostile or huge pages (100k nodes): past them we judge on what we have seen.
const MAX_PARAGRAPHS = 4000;
const MAX_STATS_NODES = 60_000;
const MAX_TEXT_CHARS = 300_000;
const MAX_JSON_LD = 20;

/** A paragraph shorter than this (weighted length) is a caption, a label or a teaser. */
const PARAGRAPH_MIN = 140;
/** Readability's `isProbablyReaderable` threshold on the sum of sqrt(length - 140). */
const READERABLE_SCORE = 20;
/** Elements that make a <div> a container rather than a paragraph. */
const DIV_BLOCKS = 'div, p, ul, ol, dl, table, section, article, aside, nav, header, footer, h1, h2, h3, h4, h5, h6, blockquote, pre, form, figure';
/** Weighted text a block-free <div> needs to count as a paragraph. */
const DIV_PARAGRAPH_MIN = 80;
/** Weighted paragraph text a container needs to be taken as article text. */
const ARTICLE_MIN_TEXT = 500;
/** With explicit article metadata (JSON-LD, og:type, published time), shorter texts count (news flashes). */
const ARTICLE_MIN_TEXT_WITH_METADATA = 250;

const ARTICLE_LD_TYPE = /(?:Article|BlogPosting|ReportageNews)$/;
const ARTICLE_LD_HINT = /Article"|BlogPosting"|ReportageNews"/;

// Not FORM: ASP.NET pages wrap the whole page in one.
const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'DIALOG', 'MENU', 'FIGURE', 'INPUT', 'LABEL', 'SELECT', 'BUTTON']);
const BOILERPLATE_ROLES = new Set([
  'navigation', 'banner', 'complementary', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar', 'dialog',
  'alertdialog', 'tablist', 'form',
]);
/**
 * Words of page furniture in class/id tokens. A token is furniture when its first or last
 * segment is one ("related-stories", "share_bar", "site-footer"), never on bare substrings
 * ("header-lead", "shareholder-letter") nor mid-token ("layout-two-col-sidebar-right", a
 * page wrapper).
 */
const BOILERPLATE_TOKEN =
  /^(?:nav|navbar|navigation|menu|breadcrumbs?|related|recirc|recommend(?:ed|ations)?|more|most|popular|trending|comments?|disqus|replies|share|sharing|social|newsletter|subscribe|subscription|signup|promo|promos|ad|ads|advert|advertisement|adslot|dfp|sponsor|sponsored|outbrain|taboola|footer|sidebar|rail|ticker|tickers|quotes|marketdata|paywall|barrier|regwall|tags|bio|cookie|consent|gdpr|popup|toolbar|pagination|pager)$/i;
/** Words unambiguous enough to count anywhere in a token ("sd-sharing-enabled", "o-paywall-box"). */
const FURNITURE_ANYWHERE = /^(?:sharing|share|social|related|comments?|newsletter|outbrain|taboola|paywall|barrier|regwall|recirc)$/i;
/** Tokens that name the article text itself: a container so named is never page furniture. */
const CONTENT_TOKEN = /^(?:article|story|post|entry|content|main)[-_]?(?:body|content|text|main)?$|^(?:body|text)$/i;
const FURNITURE_LABEL = /^(?:advertisement|share(?: this(?: story| article)?)?:?|sponsored(?: content)?|story continues below.*|continue reading.*|read more.*|related(?: articles| stories| coverage)?:?|subscribe.*|sign up.*|广告|相关阅读.*|相关新闻.*|推荐阅读.*|责任编辑.*)$/i;


// ---------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  url?: string;
  publisher?: string;
  inLanguage?: string;
}

/** Lowercased meta name/property/itemprop → content, first occurrence wins. */
function readMeta(document: Document): Map<string, string> {
  const meta = new Map<string, string>();
  const scope: ParentNode = headOf(document) ?? document;
  const elements = scope.querySelectorAll('meta');
  for (let i = 0; i < elements.length && i < 500; i++) {
    const element = elements[i]!;
    const content = element.getAttribute('content');
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attr);
      if (!key) continue;
      for (const token of key.toLowerCase().split(/\s+/)) if (token && !meta.has(token)) meta.set(token, content.trim());
    }
  }
  return meta;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return asText(value[0]);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return asText(record['name'] ?? record['@id'] ?? record['url']);
  }
  return undefined;
}

function isArticleType(type: unknown): boolean {
  if (typeof type === 'string') return ARTICLE_LD_TYPE.test(type.replace(/^.*[/:]/, ''));
  return Array.isArray(type) && type.some(isArticleType);
}

/** The first Article-like object in the page's JSON-LD (arrays, @graph, mainEntity included). */
function readJsonLd(document: Document): JsonLdArticle | null {
  const scripts = document.querySelectorAll('script');
  for (let i = 0, seen = 0; i < scripts.length && seen < MAX_JSON_LD; i++) {
    if (scripts[i]!.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    seen++;
    const raw = (scripts[i]!.textContent ?? '').replace(/^\s*(?:<!\[CDATA\[|\/\/\s*<!\[CDATA\[)|(?:\/\/\s*)?\]\]>\s*$/g, '');
    // Section fronts carry big ItemList blobs: parse only what can hold an article type.
    if (!ARTICLE_LD_HINT.test(raw)) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue; // broken JSON-LD is common; other signals remain
    }
    const queue: unknown[] = [data];
    for (let next = 0; next < queue.length && next < 500; next++) {
      const node = queue[next];
      if (Array.isArray(node)) {
        queue.push(...node);
        continue;
      }
      if (!node || typeof node !== 'object') continue;
      const record = node as Record<string, unknown>;
      if (isArticleType(record['@type'])) {
        return {
          headline: asText(record['headline']) ?? asText(record['name']),
          datePublished: asText(record['datePublished']) ?? asText(record['dateCreated']),
          url: typeof record['url'] === 'string' ? record['url'] : asText(record['mainEntityOfPage']),
          publisher: asText(record['publisher']),
          inLanguage: asText(record['inLanguage']),
        };
      }
      if (record['@graph']) queue.push(record['@graph']);
      if (record['mainEntity']) queue.push(record['mainEntity']);
    }
  }
  return null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\\.?';
const DATE_PATTERNS: Array<{ pattern: RegExp; order: 'ymd' | 'mdy' | 'dmy' }> = [
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, order: 'ymd' },
  { pattern: /\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/, order: 'ymd' },
  { pattern: new RegExp(`\\b${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i'), order: 'mdy' },
  { pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'i'), order: 'dmy' },
  { pattern: /^((?:19|20)\d{2})(\d{2})(\d{2})(?:\D|$)/, order: 'ymd' },
];

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 31 February
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date written in `text`, as YYYY-MM-DD: ISO, "2026年1月9日", "Jan.09 2026", "9 January 2026". */
export function parseDate(text: string | null | undefined): string | null {
  if (!text) return null;
  let best: { index: number; date: string } | null = null;
  for (const { pattern, order } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match || (best && match.index >= best.index)) continue;
    const [, a, b, c] = match as unknown as [string, string, string, string];
    const monthOf = (name: string) => MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
    const date =
      order === 'ymd' ? isoDate(+a, +b, +c) : order === 'mdy' ? isoDate(+c, monthOf(a), +b) : isoDate(+c, monthOf(b), +a);
    if (date) best = { index: match.index, date };
  }
  return best?.date ?? null;
}

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'dc.date', 'dcterms.date', 'date', 'pubdate', 'publishdate',
  'publish-date', 'publish_date', 'article.published', 'citation_publication_date', 'article:modified_time',
];

function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Page furniture
// ---------------------------------------------------------------------------------------

// linkedom throws on document.head/body when a document has no root element; a browser returns null.
function headOf(document: Document): HTMLHeadElement | null {
  return document.documentElement ? document.head : null;
}
function bodyOf(document: Document): HTMLElement | null {
  return document.documentElement ? document.body : null;
}

/** Class tokens and the id, apart: ids are often generated ("gigya-share-btns-2_gig_containerParent"). */
function tokensOf(element: Element): { classes: string[]; id: string | null } {
  const className = element.getAttribute('class');
  return { classes: className ? className.split(/\s+/).filter(Boolean) : [], id: element.getAttribute('id') };
}

function isFurnitureWord(token: string, anywhere: boolean): boolean {
  const segments = token.split(/[-_]/);
  return (
    BOILERPLATE_TOKEN.test(segments[0]!) ||
    (segments.length > 1 && BOILERPLATE_TOKEN.test(segments[segments.length - 1]!)) ||
    (anywhere && segments.some((segment) => FURNITURE_ANYWHERE.test(segment)))
  );
}

type Furniture = 'strong' | 'named' | null;

/**
 * Page furniture by markup alone. `strong`: tag, role, hidden, the extension's own UI.
 * `named`: class/id words only, which a page wrapper can carry by bad luck (id="ad-portal"
 * around the whole page): callers ignore a `named` element that holds the story container.
 */
function furnitureOf(element: Element, tag: string): Furniture {
  if (tag.startsWith('THESIS-LENS-') || BOILERPLATE_TAGS.has(tag) || isHidden(element)) return 'strong';
  const role = element.getAttribute('role');
  if (role && BOILERPLATE_ROLES.has(role.toLowerCase())) return 'strong';
  const { classes, id } = tokensOf(element);
  if (classes.length === 0 && !id) return null;
  if (classes.some((token) => CONTENT_TOKEN.test(token)) || (id && CONTENT_TOKEN.test(id))) return null;
  const named = classes.some((token) => isFurnitureWord(token, true)) || (!!id && isFurnitureWord(id, false));
  return named ? 'named' : null;
}

/** <article>, <main>, role=main, itemprop=articleBody: what holds the story, never furniture itself. */
function isStoryContainer(element: Element, tag: string): boolean {
  return (
    tag === 'ARTICLE' ||
    tag === 'MAIN' ||
    element.getAttribute('role') === 'main' ||
    (element.getAttribute('itemprop') ?? '').split(/\s+/).includes('articleBody')
  );
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Length of `text` with CJK characters counted twice (a Chinese character carries about a word). */
function weightedLength(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0 || !hasHan(trimmed)) return trimmed.length;
  return trimmed.length + countHan(trimmed);
}

// ---------------------------------------------------------------------------------------
// Paragraph pass: one walk over <p>, scores for containers
// ---------------------------------------------------------------------------------------

interface ParagraphStats {
  /** Readability-style readerable score over paragraphs outside page furniture. */
  readerScore: number;
  /** Weighted paragraph text inside each ancestor (all ancestors up to <body>). */
  contained: Map<Element, number>;
  /** Density score: a paragraph's length to its parent, half to its grandparent (Readability's heuristic). */
  density: Map<Element, number>;
  /** <article> and [itemprop~=articleBody] elements holding paragraph text, in document order. */
  articles: Element[];
  bodies: Element[];
  total: number;
}

function scoreParagraphs(document: Document): ParagraphStats {
  const stats: ParagraphStats = { readerScore: 0, contained: new Map(), density: new Map(), articles: [], bodies: [], total: 0 };
  // Per element, computed once: furniture kind and tag facts, as bits (pages have ~10⁴ elements).
  const flags = new Map<Element, number>();
  const STRONG = 1, NAMED = 2, STORY = 4, LIST_ITEM = 8;
  const flagsOf = (node: Element) => {
    let value = flags.get(node);
    if (value === undefined) {
      const tag = node.tagName.toUpperCase();
      const kind = furnitureOf(node, tag);
      value = (kind === 'strong' ? STRONG : kind === 'named' ? NAMED : 0) | (isStoryContainer(node, tag) ? STORY : 0) | (tag === 'LI' ? LIST_ITEM : 0);
      flags.set(node, value);
    }
    return value;
  };
  const body = bodyOf(document);
  const seenArticle = new Set<Element>();
  const scoreBlock = (paragraph: Element) => {
    // Walk up once: is the paragraph inside page furniture? A class-named ancestor counts
    // only below the story container (comments inside <article>), not above it (a wrapper).
    const chain: Element[] = [];
    let excluded = isHidden(paragraph);
    let inListItem = false;
    let belowStory = true;
    for (let node = paragraph.parentElement; node && node !== body && !excluded; node = node.parentElement) {
      const bits = flagsOf(node);
      if (bits & STRONG || (bits & NAMED && belowStory)) excluded = true;
      if (bits & STORY) belowStory = false;
      if (bits & LIST_ITEM) inListItem = true;
      chain.push(node);
    }
    if (excluded) return;
    const length = weightedLength(paragraph.textContent ?? '');
    if (length === 0) return;
    if (length >= PARAGRAPH_MIN && !inListItem) stats.readerScore += Math.sqrt(length - PARAGRAPH_MIN);
    stats.total += length;
    if (chain.length === 0 && body) chain.push(body);
    for (let depth = 0; depth < chain.length; depth++) {
      const ancestor = chain[depth]!;
      stats.contained.set(ancestor, (stats.contained.get(ancestor) ?? 0) + length);
      if (depth < 2) stats.density.set(ancestor, (stats.density.get(ancestor) ?? 0) + (depth === 0 ? length : length / 2));
      if (seenArticle.has(ancestor)) continue;
      if (ancestor.tagName === 'ARTICLE') {
        seenArticle.add(ancestor);
        stats.articles.push(ancestor);
      } else if ((ancestor.getAttribute('itemprop') ?? '').split(/\s+/).includes('articleBody')) {
        seenArticle.add(ancestor);
        stats.bodies.push(ancestor);
      }
    }
  };
  // One query for both (a page that is not an article costs one walk), and querySelectorAll
  // rather than getElementsByTagName: both are native in a browser, but linkedom's
  // getElementsByTagName is much slower on large pages.
  const blocks = (body ?? document).querySelectorAll('p, br');
  const breaks: Element[] = [];
  let paragraphs = 0;
  for (let i = 0; i < blocks.length && paragraphs < MAX_PARAGRAPHS; i++) {
    const block = blocks[i]!;
    if (block.tagName.toUpperCase() === 'BR') {
      if (breaks.length < MAX_PARAGRAPHS) breaks.push(block);
      continue;
    }
    paragraphs++;
    scoreBlock(block);
  }
  // Old blogs and some Chinese portals write paragraphs as text separated by <br> in a <div>.
  if (stats.total < ARTICLE_MIN_TEXT && paragraphs < 20) {
    const parents = new Set<Element>();
    for (const br of breaks) {
      const parent = br.parentElement;
      if (parent && parent.tagName.toUpperCase() !== 'P' && !parents.has(parent)) {
        parents.add(parent);
        scoreBlock(parent);
      }
    }
  }
  // Layouts of <div>s only: a <div> holding text and no block of its own is a paragraph
  // (Readability reads such a <div> as a <p>).
  if (stats.total < ARTICLE_MIN_TEXT && paragraphs < 20) {
    const divs = (body ?? document).querySelectorAll('div');
    let scored = 0;
    for (let i = 0; i < divs.length && i < MAX_STATS_NODES && scored < MAX_PARAGRAPHS; i++) {
      const div = divs[i]!;
      if (div.querySelector(DIV_BLOCKS)) continue;
      if (weightedLength(div.textContent ?? '') < DIV_PARAGRAPH_MIN) continue;
      scored++;
      scoreBlock(div);
    }
  }
  return stats;
}

function contains(outer: Element, inner: Element): boolean {
  return outer !== inner && outer.contains(inner);
}

function normalisedTitle(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The headline inside a container: its first h1, else its first h2. */
function headlineOf(element: Element): string {
  return (element.querySelector('h1') ?? element.querySelector('h2'))?.textContent?.trim() ?? '';
}

/**
 * Picks the main one among candidate containers (articles or article bodies): outermost
 * only, with substantial text; the one whose headline matches the page title, else the
 * first that holds a good share of the biggest one's text.
 */
function pickMain(candidates: Element[], stats: ParagraphStats, pageTitle: string): Element | null {
  const outer = candidates.filter((c) => !candidates.some((other) => contains(other, c)));
  const sized = outer.map((element) => ({ element, text: stats.contained.get(element) ?? 0 })).filter((c) => c.text >= PARAGRAPH_MIN);
  if (sized.length === 0) return null;
  if (sized.length === 1) return sized[0]!.element;
  const title = normalisedTitle(pageTitle);
  if (title) {
    const byTitle = sized.find(({ element }) => {
      const headline = normalisedTitle(headlineOf(element));
      return headline.length > 10 && (title.includes(headline) || headline.includes(title));
    });
    if (byTitle) return byTitle.element;
  }
  const biggest = Math.max(...sized.map((c) => c.text));
  return sized.find((c) => c.text >= biggest * 0.4)!.element;
}

function chooseRoot(document: Document, stats: ParagraphStats, pageTitle: string): Element | null {
  if (stats.total === 0) return null;
  const best = (map: Map<Element, number>) => {
    let top: Element | null = null;
    let score = 0;
    for (const [element, value] of map) if (value > score) [top, score] = [element, value];
    return top;
  };
  // Text spread across many small wrappers scores on the grandparent; widen while the
  // parent holds clearly more of the page's paragraph text (Readability's sibling join, cheaper).
  // Look up to three levels up: a live blog's posts each wrap their body in another element
  // (post → body → paragraphs), so the level just above adds no text of its own.
  let dense = best(stats.density);
  const body = bodyOf(document);
  while (dense) {
    const here = stats.contained.get(dense) ?? 0;
    let wider: Element | null = null;
    let up = dense.parentElement;
    for (let level = 0; level < 3 && up && up !== body; level++, up = up.parentElement) {
      if (furnitureOf(up, up.tagName.toUpperCase())) break;
      if ((stats.contained.get(up) ?? 0) > here * 1.5) {
        wider = up;
        break;
      }
    }
    if (!wider) break;
    dense = wider;
  }
  const denseText = dense ? stats.contained.get(dense) ?? 0 : 0;

  const main = pickMain(stats.bodies, stats, pageTitle) ?? pickMain(stats.articles, stats, pageTitle);
  // A marked-up article that holds a fair share of the text wins; an <article> used for a
  // teaser card while the story sits elsewhere does not.
  if (main && ((stats.contained.get(main) ?? 0) >= denseText * 0.5 || (dense && main.contains(dense)))) return main;
  return dense;
}

// ---------------------------------------------------------------------------------------
// Text pass: what inside the root is article text
// ---------------------------------------------------------------------------------------

interface TextStats {
  text: Map<Element, number>;
  links: Map<Element, number>;
}

/** Text and link-text lengths of every element under `root`, in one post-order walk (bounded). */
function measureText(root: Element): TextStats {
  const text = new Map<Element, number>();
  const links = new Map<Element, number>();
  const stack: Array<{ node: Node; exit: boolean; inLink: boolean }> = [{ node: root, exit: false, inLink: false }];
  let visited = 0;
  // Running totals per open element, summed into the parent on exit.
  while (stack.length > 0 && visited < MAX_STATS_NODES) {
    const { node, exit, inLink } = stack.pop()!;
    visited++;
    if (node.nodeType === 3) {
      const length = (node as Text).data.trim().length;
      if (length === 0) continue;
      const parent = node.parentElement!;
      text.set(parent, (text.get(parent) ?? 0) + length);
      if (inLink) links.set(parent, (links.get(parent) ?? 0) + length);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (exit) {
      const parent = element.parentElement;
      if (parent && element !== root) {
        text.set(parent, (text.get(parent) ?? 0) + (text.get(element) ?? 0));
        links.set(parent, (links.get(parent) ?? 0) + (links.get(element) ?? 0));
      }
      continue;
    }
    const tag = element.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    stack.push({ node, exit: true, inLink });
    const childInLink = inLink || tag === 'A';
    const children = element.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false, inLink: childInLink });
  }
  return { text, links };
}

const LINK_DENSITY_TAGS = new Set(['UL', 'OL', 'DL', 'DIV', 'SECTION', 'P', 'TABLE', 'HEADER', 'LI', 'SPAN', 'H2', 'H3', 'H4']);

function furnitureFilter(roots: Element[]): (element: Element) => boolean {
  const stats = roots.map(measureText);
  const textOf = (element: Element) => {
    for (const s of stats) {
      const value = s.text.get(element);
      if (value !== undefined) return { text: value, links: s.links.get(element) ?? 0 };
    }
    return { text: 0, links: 0 };
  };
  return (element: Element) => {
    if (roots.includes(element)) return false;
    const tag = element.tagName.toUpperCase();
    if (furnitureOf(element, tag)) return true;
    if (tag === 'HEADER' && element.querySelector('nav')) return true;
    if (!LINK_DENSITY_TAGS.has(tag)) return false;
    const { text, links } = textOf(element);
    if (text === 0) return false;
    // Lists of links (related headlines, tag clouds) and "Read more: <link>" lines.
    if (links / text > 0.5 && (tag !== 'P' || links / text > 0.6)) return true;
    if (text < 60 && FURNITURE_LABEL.test((element.textContent ?? '').trim())) return true;
    return false;
  };
}

// ---------------------------------------------------------------------------------------
// The detector
// ---------------------------------------------------------------------------------------

function detectLang(document: Document, sample: string, jsonLdLang: string | undefined): 'en' | 'zh' {
  const head = sample.slice(0, 2000);
  if (head.length >= 20) {
    const cjk = countHan(head);
    return cjk / head.length > 0.15 ? 'zh' : 'en';
  }
  const declared = document.documentElement?.getAttribute('lang') ?? jsonLdLang ?? '';
  return /^zh/i.test(declared) ? 'zh' : 'en';
}

function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s*_\s*/);
  if (parts.length > 1) {
    const last = parts[parts.length - 1]!.trim();
    if ((siteName && normalisedTitle(last) === normalisedTitle(siteName)) || last.length < 30) {
      return parts.slice(0, -1).join(' - ').trim();
    }
  }
  return title.trim();
}

/** A date written inside the article's container or its byline/date elements. */
function visibleDate(root: Element, text: string): string | null {
  const scopes: ParentNode[] = [];
  const article = root.closest('article');
  if (article) scopes.push(article);
  scopes.push(root);
  for (const scope of scopes) {
    const time = scope.querySelector('time[datetime]');
    const date = parseDate(time?.getAttribute('datetime')) ?? parseDate(time?.textContent);
    if (date) return date;
  }
  for (const scope of scopes) {
    const bylines = scope.querySelectorAll('[class*="date"], [class*="time"], [class*="publish"], [class*="byline"], [class*="dateline"], [class*="meta"]');
    for (let i = 0; i < bylines.length && i < 20; i++) {
      const date = parseDate(bylines[i]!.textContent);
      if (date) return date;
    }
  }
  // Blog and portal layouts write the date as plain text near the top or at the end.
  return parseDate(text.slice(0, 1500)) ?? parseDate(text.slice(-1500));
}

function documentTimeDate(document: Document): string | null {
  const times = document.querySelectorAll('time[datetime]');
  for (let i = 0; i < times.length && i < 10; i++) {
    const time = times[i]!;
    let furniture = false;
    for (let node = time.parentElement; node && !furniture; node = node.parentElement) {
      furniture = !!furnitureOf(node, node.tagName.toUpperCase());
    }
    if (!furniture) return parseDate(time.getAttribute('datetime'));
  }
  return null;
}

export function detectArticle(document: Document, options: DetectArticleOptions = {}): ArticleInfo {
  const meta = readMeta(document);
  const stats = scoreParagraphs(document);
  // Too little text to be an article even with metadata: skip the JSON-LD (a walk and a parse).
  const jsonLd = stats.total >= ARTICLE_MIN_TEXT_WITH_METADATA ? readJsonLd(document) : null;
  const ogType = meta.get('og:type')?.toLowerCase() ?? '';
  let metaPublished: string | null = null;
  for (const key of PUBLISHED_META) if (!metaPublished && meta.has(key)) metaPublished = parseDate(meta.get(key));
  const hasArticleMetadata = !!jsonLd || ogType === 'article' || !!meta.get('article:published_time');

  const siteName = meta.get('og:site_name') ?? jsonLd?.publisher ?? meta.get('application-name') ?? null;
  const metaTitle = jsonLd?.headline ?? meta.get('og:title') ?? meta.get('twitter:title') ?? '';
  const documentTitle = stripSiteSuffix((document.documentElement ? document.title : '') ?? '', siteName);

  const root = chooseRoot(document, stats, metaTitle || documentTitle);
  const rootText = root ? stats.contained.get(root) ?? 0 : 0;
  const isArticle =
    !!root &&
    ((stats.readerScore > READERABLE_SCORE && rootText >= ARTICLE_MIN_TEXT) ||
      (hasArticleMetadata && rootText >= ARTICLE_MIN_TEXT_WITH_METADATA));

  // A page that is not an article stops here: no text pass, no visible-date search.
  const roots = isArticle && root ? [root] : [];
  const text = buildTextIndex(roots, { exclude: roots.length ? furnitureFilter(roots) : undefined, maxChars: MAX_TEXT_CHARS });

  const title = metaTitle || documentTitle || (root ? headlineOf(root.closest('article') ?? root) : '');

  const published =
    parseDate(jsonLd?.datePublished) ??
    metaPublished ??
    (isArticle && root ? visibleDate(root, text.text) ?? documentTimeDate(document) : null) ??
    parseDate(options.date);

  const canonical = (headOf(document) ?? document).querySelector('link[rel="canonical"]')?.getAttribute('href');
  const url =
    absoluteUrl(canonical, options.url) ?? absoluteUrl(meta.get('og:url'), options.url) ?? absoluteUrl(jsonLd?.url, options.url) ?? options.url ?? null;

  return {
    isArticle,
    title: title.replace(/\s+/g, ' ').trim(),
    published,
    url,
    lang: detectLang(document, text.text, jsonLd?.inLanguage),
    siteName,
    roots,
    text,
  };
}
