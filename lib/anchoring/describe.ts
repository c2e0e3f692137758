import type { TextIndex } from '../dom/text-index';
import { CONTEXT_CHARS } from './context';
import type { Selectors } from './selectors';

/**
 * Turns a stretch of the page's text into selectors. Whitespace at the edges is trimmed
 * (a double-click selection often carries a trailing space), so the stored quote is what
 * the reader meant.
 */
export function describeOffsets(text: string, start: number, end: number): Selectors | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to <= from) return null;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(Math.max(0, from - CONTEXT_CHARS), from),
      suffix: text.slice(to, to + CONTEXT_CHARS),
    },
    { type: 'TextPositionSelector', start: from, end: to },
  ];
}

/**
 * The text offset of a DOM boundary point (container + offset), as a Range or Selection
 * reports it. Boundaries inside elements (e.g. a triple-click selection ending at
 * `<p>, 1`) resolve to the nearest indexed text at or after the point for a start, at or
 * before it for an end. Returns -1 when nothing indexed is on that side.
 */
export function offsetAtBoundary(index: TextIndex, container: Node, offset: number, side: 'start' | 'end'): number {
  if (container.nodeType === 3) {
    const i = index.nodes.indexOf(container as Text);
    if (i >= 0) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // The boundary sits just before `ref` (or after all of `container`'s content when null).
  const ref = container.nodeType === 3 ? null : (container.childNodes[offset] ?? null);
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const isAtOrAfter = (node: Node): boolean =>
    ref
      ? ref === node || ref.contains(node) || (ref.compareDocumentPosition(node) & FOLLOWING) !== 0
      : !container.contains(node) && (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
  // Indexed nodes are in document order: binary search for the first one at or after the boundary.
  const nodes = index.nodes;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  if (side === 'start') return lo < nodes.length ? index.starts[lo]! : -1;
  const prev = nodes[lo - 1];
  return prev ? index.starts[lo - 1]! + prev.data.length : -1;
}

/** Selectors for a DOM Range (a selection, a claim's highlight), or null when it covers no indexed text. */
export function describeRange(index: TextIndex, range: Range): Selectors | null {
  const start = offsetAtBoundary(index, range.startContainer, range.startOffset, 'start');
  const end = offsetAtBoundary(index, range.endContainer, range.endOffset, 'end');
  if (start < 0 || end < 0 || end <= start) return null;
  return describeOffsets(index.text, start, end);
}
