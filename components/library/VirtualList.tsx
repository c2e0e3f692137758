import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';

/**
 * A list that renders only the rows on screen (plus a margin), for a library of 10,000
 * clippings. Rows have different heights (a heading, a card with a note, a card being
 * edited): each starts at an estimate and is measured once rendered; spacers above and below
 * stand for the rows not rendered, so the page's own scroll bar stays true. It scrolls with
 * the window, so the page reads and scrolls like any other.
 */

export interface VirtualListProps {
  count: number;
  /** Changes when the rows mean something else (another search, another view): measurements are dropped. */
  resetKey: string;
  estimate: (index: number) => number;
  renderRow: (index: number) => ComponentChildren;
  /** The rows about to be shown, so that the page can fetch them. */
  onRange?: (start: number, end: number) => void;
  /** Extra pixels rendered above and below the window. */
  overscan?: number;
  label: string;
}

export function VirtualList({ count, resetKey, estimate, renderRow, onRange, overscan = 600, label }: VirtualListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<number, number>());
  const keyRef = useRef(resetKey);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  if (keyRef.current !== resetKey) {
    keyRef.current = resetKey;
    heights.current = new Map();
  }

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), redraw(0)));
    };
    addEventListener('scroll', schedule, { passive: true });
    addEventListener('resize', schedule);
    return () => {
      removeEventListener('scroll', schedule);
      removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);

  const heightOf = (index: number) => heights.current.get(index) ?? estimate(index);

  // Which rows are in view: walk the heights from the list's top (10,000 additions: microseconds).
  const list = listRef.current;
  const listTop = list ? list.getBoundingClientRect().top + scrollY : 0;
  const viewTop = (typeof scrollY === 'number' ? scrollY : 0) - listTop - overscan;
  const viewBottom = viewTop + (typeof innerHeight === 'number' ? innerHeight : 800) + 2 * overscan;
  let start = 0;
  let offset = 0;
  while (start < count && offset + heightOf(start) < viewTop) offset += heightOf(start++);
  const before = offset;
  let end = start;
  while (end < count && offset < viewBottom) offset += heightOf(end++);
  let after = 0;
  for (let index = end; index < count; index++) after += heightOf(index);

  useEffect(() => {
    if (count > 0) onRange?.(start, end);
  }, [start, end, count, resetKey]);

  const measure = useCallback(() => {
    const element = listRef.current;
    if (!element) return;
    let changed = false;
    for (const row of element.querySelectorAll<HTMLElement>(':scope > [data-row]')) {
      const index = Number(row.dataset.row);
      const style = getComputedStyle(row);
      const height = row.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      if (height > 0 && Math.abs((heights.current.get(index) ?? -1) - height) > 0.5) {
        heights.current.set(index, height);
        changed = true;
      }
    }
    if (changed) redraw(0);
  }, []);

  useLayoutEffect(measure);

  // A card that grows (an edit form opens) is measured again.
  useEffect(() => {
    const element = listRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    for (const row of element.querySelectorAll(':scope > [data-row]')) observer.observe(row);
    return () => observer.disconnect();
  });

  const rows = [];
  for (let index = start; index < end; index++) rows.push(renderRow(index));
  return (
    <ul class="lib-list" ref={listRef} aria-label={label} data-rendered={end - start} data-count={count}>
      <li aria-hidden="true" class="lib-spacer" style={{ height: `${before}px` }} />
      {rows}
      <li aria-hidden="true" class="lib-spacer" style={{ height: `${after}px` }} />
    </ul>
  );
}
