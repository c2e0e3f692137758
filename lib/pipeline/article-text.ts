import { FURNITURE_LABEL, furnitureOf, isDekWord, tokensOf } from './article-furniture';
import { MAX_STATS_NODES } from './article-root';

/**
 * The text pass: what inside the chosen root is article text (furniture and link lists left out).
 */

export const MAX_TEXT_CHARS = 300_000;


export interface TextStats {
  text: Map<Element, number>;
  links: Map<Element, number>;
}

/** Text and link-text lengths of every element under `root`, in one post-order walk (bounded). */
export function measureText(root: Element): TextStats {
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

export const LINK_DENSITY_TAGS = new Set(['UL', 'OL', 'DL', 'DIV', 'SECTION', 'P', 'TABLE', 'HEADER', 'LI', 'SPAN', 'H2', 'H3', 'H4']);

/** A paragraph long enough to be the story's own text, not a one-line label. */
const BODY_PARAGRAPH_MIN = 40;
const HEADING = /^H[2-6]$/;

function hasDekClass(element: Element): boolean {
  return tokensOf(element).classes.some(isDekWord);
}

/**
 * Deks: a heading (h2–h6) right under the headline, and elements with a dek's class words,
 * set before the root's first paragraph of story text. A dek sums the story up for the reader
 * scanning the page, in the story's words; the claims it states are the text's, where they
 * stand with their context. A sub-heading in the body comes after that paragraph and stays.
 * (Found by walking the root in document order up to that paragraph, within the same bound as
 * the text statistics: linkedom's compareDocumentPosition misorders cousins.)
 */
function deksBefore(root: Element, stats: TextStats): Set<Element> {
  const candidates: Element[] = [];
  const walk = root.ownerDocument.createTreeWalker(root, 1 /* SHOW_ELEMENT */);
  let visited = 0;
  for (let node = walk.nextNode() as Element | null; node && visited < MAX_STATS_NODES; node = walk.nextNode() as Element | null, visited++) {
    const tag = node.tagName.toUpperCase();
    const dekClass = hasDekClass(node);
    if (tag === 'P' && !dekClass && (stats.text.get(node) ?? 0) >= BODY_PARAGRAPH_MIN && !node.closest('h1, h2, h3, h4, h5, h6')) {
      return new Set(candidates.filter((candidate) => !candidate.contains(node)));
    }
    // A heading is a dek only right under the headline; elsewhere (a live blog's first post)
    // it is a sub-heading of the text.
    if (dekClass || (HEADING.test(tag) && node.previousElementSibling?.tagName.toUpperCase() === 'H1')) candidates.push(node);
  }
  return new Set();
}

export function furnitureFilter(roots: Element[]): (element: Element) => boolean {
  const stats = roots.map(measureText);
  const deks = roots.map((root, i) => deksBefore(root, stats[i]!));
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
    if (deks.some((set) => set.has(element))) return true;
    if (!LINK_DENSITY_TAGS.has(tag)) return false;
    const { text, links } = textOf(element);
    if (text === 0) return false;
    // Lists of links (related headlines, tag clouds) and "Read more: <link>" lines.
    if (links / text > 0.5 && (tag !== 'P' || links / text > 0.6)) return true;
    if (text < 60 && FURNITURE_LABEL.test((element.textContent ?? '').trim())) return true;
    return false;
  };
}
