import { bodyOf, furnitureOf, isHidden, isStoryContainer, weightedLength } from './article-furniture';

/**
 * Root choice: one pass over the paragraphs scores their containers (Readability-style), then the
 * main container is chosen (a marked-up article, else the densest block, widened over wrappers).
 */

// Bounds for hostile or huge pages (100k nodes): past them we judge on what we have seen.
export const MAX_PARAGRAPHS = 4000;

export const MAX_STATS_NODES = 60_000;

/** A paragraph shorter than this (weighted length) is a caption, a label or a teaser. */
export const PARAGRAPH_MIN = 140;

/** Readability's `isProbablyReaderable` threshold on the sum of sqrt(length - 140). */
export const READERABLE_SCORE = 20;

/** Elements that make a <div> a container rather than a paragraph. */
export const DIV_BLOCKS = 'div, p, ul, ol, dl, table, section, article, aside, nav, header, footer, h1, h2, h3, h4, h5, h6, blockquote, pre, form, figure';

/** Weighted text a block-free <div> needs to count as a paragraph. */
export const DIV_PARAGRAPH_MIN = 80;

/** Weighted paragraph text a container needs to be taken as article text. */
export const ARTICLE_MIN_TEXT = 500;


export interface ParagraphStats {
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

export function scoreParagraphs(document: Document): ParagraphStats {
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

export function contains(outer: Element, inner: Element): boolean {
  return outer !== inner && outer.contains(inner);
}

export function normalisedTitle(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The headline inside a container: its first h1, else its first h2. */
export function headlineOf(element: Element): string {
  return (element.querySelector('h1') ?? element.querySelector('h2'))?.textContent?.trim() ?? '';
}

/**
 * Picks the main one among candidate containers (articles or article bodies): outermost
 * only, with substantial text; the one whose headline matches the page title, else the
 * first that holds a good share of the biggest one's text.
 */
export function pickMain(candidates: Element[], stats: ParagraphStats, pageTitle: string): Element | null {
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

export function chooseRoot(document: Document, stats: ParagraphStats, pageTitle: string): Element | null {
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

/** Bounds of a summary list: how many points, and how long each may be (weighted). */
const SUMMARY_POINTS = { min: 2, max: 10 };
const SUMMARY_POINT_LENGTH = { min: 20, max: 240 };

/**
 * A list of key points set between the headline and the story's text ("Key points", "What
 * we know", 要点): a <ul>/<ol> among the few elements before the root (or before its parent),
 * after the page's <h1>, of short plain items (no links, no nested blocks). Its points are the
 * article's own statements, so it is read with the text. Null when there is none.
 */
export function summaryListBefore(root: Element, document: Document): Element | null {
  const headline = bodyOf(document)?.querySelector('h1');
  if (!headline || headline.contains(root)) return null;
  const FOLLOWING = 4;
  let anchor: Element | null = root;
  for (let level = 0; level < 2 && anchor && anchor !== bodyOf(document); level++, anchor = anchor.parentElement) {
    let sibling = anchor.previousElementSibling;
    for (let step = 0; step < 4 && sibling; step++, sibling = sibling.previousElementSibling) {
      if (sibling === headline || sibling.contains(headline)) return null;
      if (furnitureOf(sibling, sibling.tagName.toUpperCase())) continue;
      const list = /^(?:UL|OL)$/i.test(sibling.tagName) ? sibling : sibling.querySelector('ul, ol');
      if (!list || !(headline.compareDocumentPosition(list) & FOLLOWING)) continue;
      if (isSummaryList(list)) return list;
    }
  }
  return null;
}

function isSummaryList(list: Element): boolean {
  const items = Array.from(list.children).filter((child) => child.tagName.toUpperCase() === 'LI');
  if (items.length < SUMMARY_POINTS.min || items.length > SUMMARY_POINTS.max || items.length !== list.children.length) return false;
  return items.every((item) => {
    if (item.querySelector('a, ul, ol, p, div, img, button')) return false;
    const length = weightedLength(item.textContent ?? '');
    return length >= SUMMARY_POINT_LENGTH.min && length <= SUMMARY_POINT_LENGTH.max;
  });
}
