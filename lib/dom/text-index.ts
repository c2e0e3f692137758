/**
 * A flat view of the text under one or more DOM roots, with a map back to text nodes.
 *
 * The pipeline reads `text`; the content script and the anchoring code turn offsets into
 * DOM Ranges with `rangeFor`. Block boundaries become "\n" so that sentences never run
 * across paragraphs; those separators belong to no node. Pure DOM (works on linkedom and
 * in the page), no browser extension APIs.
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON']);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'BODY', 'CAPTION',
]);

export interface TextIndex {
  /** The text, with "\n" between blocks. */
  readonly text: string;
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` of the first character of `nodes[i]`. */
  readonly starts: readonly number[];
}

export interface TextIndexOptions {
  /** Elements to leave out with their subtree (navigation, related links, the extension's own UI). */
  exclude?: (element: Element) => boolean;
  /** Stop after this many characters (a bound for hostile pages). */
  maxChars?: number;
}

function isHiddenByMarkup(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
}

/** Builds the index over `roots` in document order (roots should not contain one another). */
export function buildTextIndex(roots: readonly Node[], options: TextIndexOptions = {}): TextIndex {
  const maxChars = options.maxChars ?? Infinity;
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;

  const pushBreak = () => {
    if (length > 0) pendingBreak = true;
  };

  // Iterative walk: recursion would overflow on pathological nesting.
  for (const root of roots) {
    pushBreak();
    const stack: Array<{ node: Node; exit: boolean }> = [{ node: root, exit: false }];
    while (stack.length > 0 && length < maxChars) {
      const { node, exit } = stack.pop()!;
      if (node.nodeType === 3 /* TEXT_NODE */) {
        const value = (node as Text).data;
        if (value.length === 0) continue;
        if (pendingBreak) {
          if (/\S/.test(value)) {
            parts.push('\n');
            length += 1;
            pendingBreak = false;
          } else continue; // whitespace between blocks adds nothing
        }
        nodes.push(node as Text);
        starts.push(length);
        parts.push(value);
        length += value.length;
        continue;
      }
      if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 && node.nodeType !== 11) continue;
      const element = node as Element;
      const tag = node.nodeType === 1 ? element.tagName.toUpperCase() : '';
      const isBlock = BLOCKS.has(tag);
      if (exit) {
        if (isBlock) pushBreak();
        continue;
      }
      if (node.nodeType === 1) {
        if (SKIPPED.has(tag) || isHiddenByMarkup(element) || options.exclude?.(element)) continue;
      }
      if (isBlock) pushBreak();
      stack.push({ node, exit: true });
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
    }
  }
  return { text: parts.join(''), nodes, starts };
}

/** Index of the node containing `offset` (the node starting at or before it). */
function nodeIndexAt(index: TextIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The DOM position of a text offset, or null when the index is empty. */
export function positionAt(index: TextIndex, offset: number, bias: 'start' | 'end' = 'start'): { node: Text; offset: number } | null {
  if (index.nodes.length === 0) return null;
  let i = nodeIndexAt(index, Math.max(0, offset));
  let node = index.nodes[i]!;
  let within = offset - index.starts[i]!;
  // An offset on a block separator or past a node's end: move to the next node's start
  // (for a range start) or clamp to this node's end (for a range end).
  if (within > node.data.length) {
    if (bias === 'start' && i + 1 < index.nodes.length) {
      i += 1;
      node = index.nodes[i]!;
      within = 0;
    } else within = node.data.length;
  }
  return { node, offset: Math.max(0, within) };
}

/** A live Range over `text.slice(start, end)`. */
export function rangeFor(index: TextIndex, start: number, end: number): Range | null {
  const from = positionAt(index, start, 'start');
  const to = positionAt(index, end, 'end');
  if (!from || !to) return null;
  const doc = from.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text offset of a DOM position inside an indexed text node, or -1. */
export function offsetOf(index: TextIndex, node: Node, offset: number): number {
  const i = index.nodes.indexOf(node as Text);
  return i < 0 ? -1 : index.starts[i]! + offset;
}
