import { STANCES, type Stance } from '../pack/vocabulary';

/**
 * What a highlight's colour says: the claim's stance toward the thesis, drawn dotted and
 * lighter when the sentence is hedged. Derived from the article and the thesis's matchers
 * only, never from the reader's statuses or notes: the names below sit in `CSS.highlights`,
 * which page scripts can read.
 */
export type Tone = Stance | `${Stance}-hedged`;
export const TONES: readonly Tone[] = STANCES.flatMap((stance) => [stance, `${stance}-hedged` as const]);
export function toneOf(stance: Stance, hedged: boolean | undefined): Tone {
  return hedged ? `${stance}-hedged` : stance;
}

/**
 * Inline highlights of claims in the page, coloured by their stance toward the thesis.
 *
 * With the CSS Custom Highlight API (`CSS.highlights`) the page's DOM is left alone: one
 * `Highlight` per tone, registered as `thesis-lens-<tone>`, plus `thesis-lens-flash`
 * (a claim just shown from the sidebar) and `thesis-lens-active` (the claim under the
 * card). `::highlight()` rules only apply from the page's own style sheets, so one small
 * <style> goes into the page, holding those rules and nothing else. Browsers without the
 * API get `<mark data-thesis-lens>` wrappers, removed cleanly by `clear()`.
 *
 * DOM glue for the lens content script; no extension APIs.
 */

export const HIGHLIGHT_PREFIX = 'thesis-lens-';
const FLASH = `${HIGHLIGHT_PREFIX}flash`;
const ACTIVE = `${HIGHLIGHT_PREFIX}active`;
const STYLE_ATTRIBUTE = 'data-thesis-lens-highlights';
export const MARK_ATTRIBUTE = 'data-thesis-lens';
const FLASH_MS = 1600;

/** Stance colours as translucent fills (readable on light and dark pages) plus an underline. */
const STANCE_COLOURS: Record<Stance, { fill: string; light: string; line: string }> = {
  supports: { fill: 'rgba(47, 158, 85, 0.25)', light: 'rgba(47, 158, 85, 0.12)', line: 'rgba(22, 128, 60, 0.9)' },
  challenges: { fill: 'rgba(214, 69, 69, 0.22)', light: 'rgba(214, 69, 69, 0.11)', line: 'rgba(200, 40, 40, 0.95)' },
  neutral: { fill: 'rgba(140, 150, 165, 0.22)', light: 'rgba(140, 150, 165, 0.11)', line: 'rgba(110, 120, 135, 0.9)' },
};

function toneDeclarations(tone: Tone): string {
  const hedged = tone.endsWith('-hedged');
  const { fill, light, line } = STANCE_COLOURS[tone.replace('-hedged', '') as Stance];
  return hedged
    ? `background-color: ${light}; text-decoration: underline dotted 2px ${line}; text-underline-offset: 3px;`
    : `background-color: ${fill}; text-decoration: underline 2px ${line}; text-underline-offset: 3px;`;
}

/**
 * The page rules. `::highlight()` alone would be a universal rule: adding it makes the browser
 * restyle every element of the page (seconds on a 100k-node page). Scoped to the elements that
 * hold claims (a structural path each, so the page's DOM is not touched), only those restyle.
 * `X *::highlight()` covers text in inline children where highlight inheritance is missing.
 */
function pageStyles(containers: readonly string[]): string {
  const scoped = (name: string) => containers.flatMap((path) => [`${path}::highlight(${name})`, `${path} *::highlight(${name})`]).join(', ');
  const rules: string[] = [];
  for (const tone of TONES) {
    const decl = toneDeclarations(tone);
    if (containers.length > 0) rules.push(`${scoped(`${HIGHLIGHT_PREFIX}${tone}`)} { ${decl} }`);
    rules.push(`mark[${MARK_ATTRIBUTE}="${tone}"] { all: unset; ${decl} }`);
  }
  const flash = 'background-color: rgba(255, 214, 0, 0.75); color: #111;';
  if (containers.length > 0) {
    rules.push(`${scoped(FLASH)} { ${flash} }`);
    rules.push(`${scoped(ACTIVE)} { text-decoration: underline 3px rgba(11, 87, 208, 0.9); text-underline-offset: 3px; }`);
    rules.push(`@media (prefers-color-scheme: dark) { ${scoped(FLASH)} { background-color: rgba(255, 200, 0, 0.55); color: inherit; } }`);
  }
  rules.push(`mark[${MARK_ATTRIBUTE}][data-thesis-lens-flash] { ${flash} }`);
  return rules.join('\n');
}

/** `:root > body:nth-child(2) > main:nth-child(3) > …`: selects this element and no other, without marking it. */
function structuralPath(element: Element): string {
  const parts: string[] = [];
  for (let node: Element = element; node.parentElement; node = node.parentElement) {
    const index = Array.prototype.indexOf.call(node.parentElement.children, node) + 1;
    parts.unshift(`${CSS.escape(node.localName)}:nth-child(${index})`);
  }
  return [':root', ...parts].join(' > ');
}

export interface PaintedClaim {
  key: string;
  range: Range;
  tone: Tone;
}

type HighlightCtor = new (...ranges: Range[]) => Highlight;

/** `CSS.highlights` where the browser has it. */
function highlightRegistry(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = globalThis.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  const ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && ctor ? { registry: css.highlights, Highlight: ctor } : null;
}

export interface HighlightPainterOptions {
  /** Timers that stop with the content script (WXT's ctx.setTimeout). */
  setTimeout?: (handler: () => void, ms: number) => number;
  /** Force the <mark> fallback (tests). */
  forceMarks?: boolean;
}

export class HighlightPainter {
  private readonly api: ReturnType<typeof highlightRegistry>;
  private claims: PaintedClaim[] = [];
  private marks: HTMLElement[] = [];
  /** Text nodes the fallback split, to join them again on clear (pages keep references to their text nodes). */
  private splits: Array<{ head: Text; pieces: Text[] }> = [];
  private marksByKey = new Map<string, HTMLElement[]>();
  /** Elements containing painted text: a cheap first test for the pointer (no caret lookup elsewhere). */
  private containers = new Set<Element>();
  private flashTimer: number | undefined;
  private readonly setTimer: (handler: () => void, ms: number) => number;

  constructor(private readonly doc: Document, options: HighlightPainterOptions = {}) {
    this.api = options.forceMarks ? null : highlightRegistry();
    this.setTimer = options.setTimeout ?? ((handler, ms) => window.setTimeout(handler, ms));
  }

  get mode(): 'highlight-api' | 'marks' {
    return this.api ? 'highlight-api' : 'marks';
  }

  /** Replaces every highlight with these claims' (ranges must not overlap one another). */
  paint(claims: readonly PaintedClaim[]): void {
    this.clear();
    const ordered = claims.filter((claim) => !claim.range.collapsed).slice().sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    // Overlapping claims would fight over the same text: keep the first.
    const kept: PaintedClaim[] = [];
    for (const claim of ordered) {
      const previous = kept[kept.length - 1];
      if (previous && previous.range.compareBoundaryPoints(Range.END_TO_START, claim.range) > 0) continue;
      kept.push(claim);
    }
    if (this.api) {
      const { registry, Highlight } = this.api;
      for (const tone of TONES) {
        const ranges = kept.filter((claim) => claim.tone === tone).map((claim) => claim.range);
        if (ranges.length > 0) registry.set(`${HIGHLIGHT_PREFIX}${tone}`, new Highlight(...ranges));
      }
      this.claims = kept;
    } else {
      this.claims = this.wrapAll(kept);
    }
    for (const claim of this.claims) this.containers.add(containerOf(claim.range));
    this.writeStyles();
  }

  rangeOf(key: string): Range | null {
    return this.claims.find((claim) => claim.key === key)?.range ?? null;
  }

  get size(): number {
    return this.claims.length;
  }

  /** Briefly marks a claim strongly (after the reader asked to see it). */
  flash(key: string): void {
    const range = this.rangeOf(key);
    if (!range) return;
    this.stopFlash();
    if (this.api) {
      this.api.registry.set(FLASH, Object.assign(new this.api.Highlight(range), { priority: 2 }));
    } else {
      for (const mark of this.marksByKey.get(key) ?? []) mark.setAttribute('data-thesis-lens-flash', '');
    }
    this.flashTimer = this.setTimer(() => this.stopFlash(), FLASH_MS);
  }

  /** Underlines the claim the card is about (null: none). */
  setActive(key: string | null): void {
    if (!this.api) return;
    const range = key ? this.rangeOf(key) : null;
    if (range) this.api.registry.set(ACTIVE, Object.assign(new this.api.Highlight(range), { priority: 1 }));
    else this.api.registry.delete(ACTIVE);
  }

  /** May the pointer over `target` be over a painted claim? (Cheap; no layout.) */
  mayContain(target: EventTarget | null): boolean {
    for (let node = target instanceof Node ? target : null; node; node = node.parentNode) {
      if (this.containers.has(node as Element)) return true;
    }
    return false;
  }

  /** The claim under a viewport point, with the line box under it, or null. */
  claimAt(x: number, y: number): { key: string; rect: DOMRect } | null {
    if (this.claims.length === 0) return null;
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    for (const claim of this.claims) {
      let inside: boolean;
      try {
        inside = claim.range.comparePoint(caret.node, caret.offset) === 0;
      } catch {
        continue; // the caret is in another tree (a shadow root, an iframe)
      }
      if (!inside) continue;
      // The caret snaps to the nearest text: check the point is really on the claim's text.
      for (const rect of claim.range.getClientRects()) {
        if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return { key: claim.key, rect };
      }
    }
    return null;
  }

  /** The claim containing a DOM position (a keyboard caret), or null. */
  claimAtPosition(node: Node, offset: number): string | null {
    for (const claim of this.claims) {
      try {
        if (claim.range.comparePoint(node, offset) === 0) return claim.key;
      } catch {
        // another tree
      }
    }
    return null;
  }

  /** Removes every highlight and mark this painter made. */
  clear(): void {
    this.stopFlash();
    if (this.api) {
      for (const tone of TONES) this.api.registry.delete(`${HIGHLIGHT_PREFIX}${tone}`);
      this.api.registry.delete(ACTIVE);
    }
    for (const mark of this.marks) unwrap(mark);
    // Newest first: the splits were made from the end of the document backwards.
    for (const { head, pieces } of this.splits.slice().reverse()) {
      for (const piece of pieces) {
        if (piece.parentNode !== head.parentNode || piece.previousSibling !== head) break;
        head.appendData(piece.data);
        piece.remove();
      }
    }
    this.marks = [];
    this.splits = [];
    this.marksByKey.clear();
    this.claims = [];
    this.containers.clear();
  }

  /** `clear()`, and the page style goes too. */
  destroy(): void {
    this.clear();
    this.doc.querySelector(`style[${STYLE_ATTRIBUTE}]`)?.remove();
  }

  private stopFlash(): void {
    if (this.flashTimer !== undefined) clearTimeout(this.flashTimer);
    this.flashTimer = undefined;
    this.api?.registry.delete(FLASH);
    for (const mark of this.marks) mark.removeAttribute('data-thesis-lens-flash');
  }

  private writeStyles(): void {
    let style = this.doc.querySelector<HTMLStyleElement>(`style[${STYLE_ATTRIBUTE}]`);
    if (!style) {
      style = this.doc.createElement('style');
      style.setAttribute(STYLE_ATTRIBUTE, '');
      (this.doc.head ?? this.doc.documentElement).append(style);
    }
    // An element inside another listed one is covered by the outer one's descendant rule.
    const containers = [...this.containers].filter((element) => ![...this.containers].some((other) => other !== element && other.contains(element)));
    const text = pageStyles(this.api ? containers.map(structuralPath) : []);
    if (style.textContent !== text) style.textContent = text;
  }

  /**
   * Fallback: wraps each text-node segment of every claim in a <mark>. All segments are
   * collected before any text node is split, then wrapped from the end of the document
   * backwards, so that no split moves a position still to be used.
   */
  private wrapAll(claims: readonly PaintedClaim[]): PaintedClaim[] {
    const segments: Array<{ claim: PaintedClaim; node: Text; start: number; end: number; order: number }> = [];
    let order = 0;
    for (const claim of claims) {
      const { range } = claim;
      const root = range.commonAncestorContainer;
      const walker = this.doc.createTreeWalker(root.nodeType === 3 ? root.parentNode ?? root : root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (!range.intersectsNode(node)) continue;
        const start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : node.data.length;
        if (end > start && /\S/.test(node.data.slice(start, end))) segments.push({ claim, node, start, end, order: order++ });
      }
    }
    const marksByKey = new Map<string, HTMLElement[]>();
    for (const { claim, node, start, end } of segments.slice().reverse()) {
      const pieces: Text[] = [];
      const tail = end < node.data.length ? node.splitText(end) : null;
      let target = node;
      if (start > 0) {
        target = node.splitText(start);
        pieces.push(target);
      }
      if (tail) pieces.push(tail);
      if (pieces.length > 0) this.splits.push({ head: node, pieces });
      const mark = this.doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, claim.tone);
      mark.setAttribute('data-thesis-lens-claim', claim.key);
      target.parentNode!.insertBefore(mark, target);
      mark.append(target);
      this.marks.push(mark);
      const list = marksByKey.get(claim.key) ?? [];
      list.unshift(mark);
      marksByKey.set(claim.key, list);
    }
    this.marksByKey = marksByKey;
    return claims.flatMap((claim) => {
      const marks = marksByKey.get(claim.key);
      if (!marks) return [];
      const range = this.doc.createRange();
      range.setStartBefore(marks[0]!);
      range.setEndAfter(marks[marks.length - 1]!);
      return [{ ...claim, range }];
    });
  }
}

function containerOf(range: Range): Element {
  const node = range.commonAncestorContainer;
  return (node.nodeType === 1 ? node : node.parentElement) as Element;
}

function unwrap(mark: HTMLElement): void {
  const parent = mark.parentNode;
  if (!parent) return;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = withRange.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
