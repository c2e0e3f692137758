import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/lib/ext/page-messaging';
import { clipperCommandOf } from './commands';
import { canonicalOf, pageInfoOf } from './page-info';
// File by file, not the folder's index: the index also exports the zod schemas.
import { anchorInIndex } from '@/lib/anchoring/anchor';
import { buildPageTextIndex } from '@/lib/anchoring/page-text';
import { describeRange } from '@/lib/anchoring/describe';
import type { Selectors } from '@/lib/anchoring/selectors';
import { LIMITS } from '@/lib/clippings/limits';
import type { Clipping, ClippingPage, ItemRef } from '@/lib/clippings/schema';
import type { Stance } from '@/lib/pack/schema';
import { t } from '@/lib/i18n';
import { findSameTarget } from '@/lib/clippings/same-target';
import { SaveDialog } from '@/components/clippings/SaveDialog';
import { currentClipper, registerClipper, type Clipper, type SaveClaimInput } from '@/components/clippings/clipper-api';
import { EMPTY_PAGE_CLIPPINGS, type ItemOption, type PageClippingsState, type SaveChoices } from '@/components/clippings/model';
import css from '@/components/clippings/clippings.css?inline';
import { withoutFragment } from '@/lib/clippings/page-key';

const HOST_TAG = 'thesis-lens-clipper';
export const CLIPPING_HIGHLIGHT = 'thesis-lens-clipping';
const FLASH_HIGHLIGHT = 'thesis-lens-clipping-flash';
const STYLE_ATTRIBUTE = 'data-thesis-lens-clippings';
/** Sites render late: look again for clippings not found yet, a bounded number of times. */
const RETRY_DELAYS_MS = [1200, 3500];
const TOAST_MS = 5000;
const FLASH_MS = 1600;
/** A selection shorter than this is a click or a word, not a passage worth a button. */
const MIN_SELECTION_CHARS = 3;
/** Space between the selection and its Save button. */
const BUTTON_GAP_PX = 8;

/** Starts the page's clipper, or returns the one already running (started by an earlier injection). */
export function startClipper(ctx: ContentScriptContext): Clipper {
  const existing = currentClipper();
  if (existing) return existing;
  const instance = new PageClipper(ctx);
  const withdraw = registerClipper(instance, () => !ctx.isInvalid);
  ctx.onInvalidated(withdraw);
  instance.start();
  return instance;
}

type HighlightCtor = new (...ranges: Range[]) => Highlight;
function highlightApi(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const cssApi = globalThis.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  const ctor = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return cssApi?.highlights && ctor ? { registry: cssApi.highlights, Highlight: ctor } : null;
}

function pageStyles(): string {
  // Distinct from claims (status fills): a marker-pen yellow with a dotted amber underline.
  return [
    `::highlight(${CLIPPING_HIGHLIGHT}) { background-color: rgba(255, 221, 0, 0.38); text-decoration: underline dotted 2px rgba(180, 110, 0, 0.95); text-underline-offset: 4px; }`,
    `::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(255, 170, 0, 0.7); color: #111; }`,
    `@media (prefers-color-scheme: dark) { ::highlight(${CLIPPING_HIGHLIGHT}) { background-color: rgba(255, 221, 0, 0.28); } }`,
  ].join('\n');
}


const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether a node sits in something the reader types into (no Save button there). */
function inEditable(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!element?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

class PageClipper implements Clipper {
  private state: PageClippingsState = EMPTY_PAGE_CLIPPINGS;
  private readonly listeners = new Set<(state: PageClippingsState) => void>();
  private ranges = new Map<string, Range>();
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private topics: readonly string[] = [];
  private loadToken = 0;
  private flashTimer: number | undefined;
  private toastTimer: number | undefined;
  private dialogOpen = false;
  /** The selection the Save button is for, and where focus was when it appeared. */
  private selectionButton: { range: Range; focus: Element | null } | null = null;
  private readonly highlights = highlightApi();

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    const { ctx } = this;
    // Synchronously, so that a command sent right after injection finds a listener.
    const onMessage = (raw: unknown) => {
      const command = clipperCommandOf(raw);
      if (!command || ctx.isInvalid) return undefined;
      if (command.type === 'clipper/save-selection') this.saveSelection();
      else void this.refresh();
      // A definite answer: the background tells "a clipper is here" from "no one answered".
      return Promise.resolve({ clipper: true });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.stop();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => void this.refresh());
    // The Save button beside a selection. The page is an adversary: only the reader's own
    // input (trusted events) shows it, moves it or presses it.
    ctx.addEventListener(document, 'mouseup', (event: MouseEvent) => {
      if (event.isTrusted && event.button === 0 && !this.isOurs(event.target)) this.ctx.setTimeout(() => this.offerSelection(), 0);
    });
    ctx.addEventListener(document, 'keyup', (event: KeyboardEvent) => {
      if (event.isTrusted && event.shiftKey && !this.isOurs(event.target)) this.offerSelection();
    });
    ctx.addEventListener(document, 'mousedown', (event: MouseEvent) => {
      if (event.isTrusted && !this.isOurs(event.target)) this.hideSelectionButton();
    }, { capture: true });
    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.isTrusted && event.key === 'Escape') this.hideSelectionButton();
    }, { capture: true });
    ctx.addEventListener(window, 'scroll', () => this.hideSelectionButton(), { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', () => this.hideSelectionButton());
    ctx.addEventListener(document, 'selectionchange', () => {
      if (this.selectionButton && (document.getSelection()?.isCollapsed ?? true)) this.hideSelectionButton();
    });
    void this.refresh();
  }

  private stop(): void {
    this.highlights?.registry.delete(CLIPPING_HIGHLIGHT);
    this.highlights?.registry.delete(FLASH_HIGHLIGHT);
    document.querySelector(`style[${STYLE_ATTRIBUTE}]`)?.remove();
    if (this.shadow) for (const mount of this.shadow.querySelectorAll('.tlc-root')) render(null, mount);
    this.host?.remove();
    this.listeners.clear();
  }

  /** Our own UI (this clipper's, or the lens's panel): no Save button for text selected there. */
  private isOurs(target: EventTarget | null): boolean {
    return !!target && (target === this.host || ((target as Element).tagName ?? '').startsWith('THESIS-LENS-'));
  }

  /** The focused element, inside open shadow roots too (a closed one hides its inside: its host). */
  private focusedElement(): Element | null {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element === this.host ? null : element;
  }

  // ---- State ----

  getState(): PageClippingsState {
    return this.state;
  }

  subscribe(listener: (state: PageClippingsState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private setState(state: PageClippingsState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  setPageContext(context: { topics?: readonly string[] }): void {
    if (context.topics) this.topics = [...context.topics];
  }

  isSaved(quote: string): boolean {
    const wanted = flat(quote);
    return wanted.length > 0 && this.state.found.some(({ clipping }) => flat(clipping.quote) === wanted);
  }

  async refresh(): Promise<void> {
    const token = ++this.loadToken;
    try {
      const { clippings } = await request('clippings/for-page', { url: withoutFragment(location.href), canonicalUrl: canonicalOf(document, location.href) });
      if (token !== this.loadToken || this.ctx.isInvalid) return;
      this.anchorAll(clippings);
      // Clippings not found yet may be in text the site has not rendered yet.
      for (const delay of RETRY_DELAYS_MS) {
        if (this.state.notFound.length === 0) break;
        await new Promise((resolve) => this.ctx.setTimeout(() => resolve(undefined), delay));
        if (token !== this.loadToken || this.ctx.isInvalid) return;
        this.anchorAll(clippings);
      }
    } catch (error) {
      if (token !== this.loadToken) return;
      this.setState({ phase: 'error', found: [], notFound: [], error: error instanceof Error ? error.message : String(error) });
    }
  }

  private anchorAll(clippings: readonly Clipping[]): void {
    const index = buildPageTextIndex(document);
    const found: PageClippingsState['found'] = [];
    const notFound: Clipping[] = [];
    const ranges = new Map<string, Range>();
    for (const clipping of clippings) {
      const [quote, position] = clipping.selectors;
      const anchor = anchorInIndex(index, { quote, position });
      if (anchor) {
        found.push({ clipping, method: anchor.method });
        ranges.set(clipping.id, anchor.range);
      } else notFound.push(clipping);
    }
    this.ranges = ranges;
    this.paint();
    this.setState({ phase: 'ready', found, notFound });
  }

  private paint(): void {
    if (!this.highlights) return;
    if (!document.querySelector(`style[${STYLE_ATTRIBUTE}]`)) {
      const style = document.createElement('style');
      style.setAttribute(STYLE_ATTRIBUTE, '');
      style.textContent = pageStyles();
      (document.head ?? document.documentElement).append(style);
    }
    const { registry, Highlight } = this.highlights;
    if (this.ranges.size === 0) registry.delete(CLIPPING_HIGHLIGHT);
    else registry.set(CLIPPING_HIGHLIGHT, new Highlight(...this.ranges.values()));
  }

  show(id: string): void {
    const range = this.ranges.get(id);
    if (!range) return;
    const target = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (!this.highlights) return;
    const { registry, Highlight } = this.highlights;
    registry.set(FLASH_HIGHLIGHT, Object.assign(new Highlight(range), { priority: 3 }));
    if (this.flashTimer !== undefined) clearTimeout(this.flashTimer);
    this.flashTimer = this.ctx.setTimeout(() => registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }

  openLibrary(): void {
    void request('clippings/open-library', {}).catch(() => {});
  }

  // ---- The Save button beside a selection ----

  /** The reader's selection, when it is a passage of the page we may offer to save. */
  private pageSelection(): Range | null {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (flat(range.toString()).length < MIN_SELECTION_CHARS) return null;
    if (inEditable(range.commonAncestorContainer) || this.host?.contains(range.commonAncestorContainer)) return null;
    return range;
  }

  private offerSelection(): void {
    if (this.dialogOpen || this.ctx.isInvalid) return;
    const range = this.pageSelection();
    if (!range) return this.hideSelectionButton();
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    const firstRect = rects[0];
    const lastRect = rects[rects.length - 1];
    if (!firstRect || !lastRect) return this.hideSelectionButton();
    const saved = this.isSaved(range.toString());
    const focus = this.selectionButton?.focus ?? this.focusedElement();
    this.selectionButton = { range: range.cloneRange(), focus };
    const mount = this.mount('button');
    render(
      <button
        type="button"
        class="tlc-selection-save"
        data-saved={saved ? '' : undefined}
        aria-label={saved ? t('clipper_selectionSavedLabel') : t('clipper_selectionSaveLabel')}
        // Keep the page's selection: pressing the button must not collapse it.
        onMouseDown={(event) => event.preventDefault()}
        onClick={(event) => {
          if (!event.isTrusted) return;
          this.saveFromButton();
        }}
      >
        {saved ? `✓ ${t('clipper_selectionSaved')}` : t('common_save')}
      </button>,
      mount,
    );
    const button = mount.firstElementChild as HTMLElement | null;
    if (!button) return;
    // Below the selection's last line, never over the selected text; above its first line when
    // there is no room below. Clamped to the window.
    const { width, height } = button.getBoundingClientRect();
    let top = lastRect.bottom + BUTTON_GAP_PX;
    if (top + height > window.innerHeight - 4) top = firstRect.top - BUTTON_GAP_PX - height;
    const left = Math.min(Math.max(4, lastRect.right - width / 2), window.innerWidth - width - 4);
    button.style.top = `${Math.max(4, top)}px`;
    button.style.left = `${left}px`;
  }

  private hideSelectionButton(): void {
    if (!this.selectionButton) return;
    this.selectionButton = null;
    if (this.shadow) render(null, this.mount('button'));
  }

  private saveFromButton(): void {
    const offered = this.selectionButton;
    this.hideSelectionButton();
    if (!offered) return;
    this.openForRange(offered.range, { items: [], stance: 'neutral', topics: this.topics }, this.focusBack(offered.focus, offered.range));
  }

  /** Where to put focus (and the selection) back when the dialog closes. */
  private focusBack(element: Element | null, range: Range | null): () => void {
    return () => {
      if (element && element !== document.body && element.isConnected) (element as HTMLElement).focus?.({ preventScroll: true });
      if (range && range.startContainer.isConnected) {
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
      }
    };
  }

  // ---- Saving ----

  saveSelection(): void {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0).cloneRange() : null;
    this.hideSelectionButton();
    this.openForRange(range, { items: [], stance: 'neutral', topics: this.topics }, this.focusBack(this.focusedElement(), range));
  }

  private openForRange(range: Range | null, prefill: { items: ItemRef[]; stance: Stance; topics: readonly string[] }, returnFocus: () => void): void {
    const selectors = range && !range.collapsed ? describeRange(buildPageTextIndex(document), range) : null;
    if (!selectors) {
      this.toast(t('clipper_selectFirst'));
      return;
    }
    if (selectors[0].exact.length > LIMITS.quote) {
      this.toast(t('clipper_tooLong', LIMITS.quote.toLocaleString()));
      return;
    }
    this.openDialog(selectors, prefill, returnFocus);
  }

  saveClaim(input: SaveClaimInput): void {
    const index = buildPageTextIndex(document);
    let selectors = input.range ? describeRange(index, input.range) : null;
    if (!selectors) {
      // No range from the lens: find the claim's sentence in the page.
      const anchor = anchorInIndex(index, { quote: { exact: input.quote.trim() } });
      selectors = anchor ? describeRange(index, anchor.range) : null;
    }
    const returnFocus = input.returnFocus ?? this.focusBack(this.focusedElement(), null);
    if (!selectors) {
      this.toast(t('clipper_claimNotFound'));
      return;
    }
    this.openDialog(selectors, { items: input.items, stance: input.stance, topics: input.topics ?? this.topics }, returnFocus);
  }

  private ensureHost(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    const host = document.createElement(HOST_TAG);
    // The host is ours: keep the page's styles off it, and it off the page's layout.
    host.setAttribute('style', 'all: initial; position: static;');
    // Closed: a page script cannot read the reader's quote, note or choices, nor press our buttons.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    // Separate mounts, so that a toast or the selection button going away never takes an open dialog with it.
    const mounts = (['dialog', 'toast', 'button'] as const).map((which) => {
      const mount = document.createElement('div');
      mount.className = `tlc-root tlc-mount--${which}`;
      return mount;
    });
    shadow.append(style, ...mounts);
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  private mount(which: 'dialog' | 'toast' | 'button' = 'dialog'): HTMLElement {
    return this.ensureHost().querySelector<HTMLElement>(`.tlc-mount--${which}`)!;
  }

  private pageInfo(): ClippingPage {
    return pageInfoOf(document, location.href);
  }

  private async itemOptions(): Promise<ItemOption[]> {
    try {
      const { packs } = await request('checklist/effective-packs', {});
      return packs.flatMap((pack) => pack.items.map((item) => ({ thesisId: pack.id, thesisTitle: pack.title, itemId: item.id, title: item.title, kind: item.kind })));
    } catch {
      return []; // no checklist answer: save without item choices rather than not at all
    }
  }

  private openDialog(selectors: Selectors, prefill: { items: ItemRef[]; stance: Stance; topics: readonly string[] }, returnFocus: () => void): void {
    const page = this.pageInfo();
    // Saved before: the dialog edits that clipping (the background finds the same one again).
    const existing = findSameTarget(
      this.state.found.map(({ clipping }) => clipping),
      { quote: selectors[0].exact, selectors },
    );
    const initial: SaveChoices = existing
      ? { note: existing.note, tags: existing.tags, items: existing.items, stance: existing.stance }
      : { note: '', tags: [], items: prefill.items, stance: prefill.stance };
    this.dialogOpen = true;
    const close = () => {
      this.dialogOpen = false;
      render(null, this.mount());
      returnFocus();
    };
    const save = async (choices: SaveChoices) => {
      const { clipping } = await request('clippings/save', {
        draft: { quote: selectors[0].exact, selectors, page, topics: [...prefill.topics], ...choices },
      });
      close();
      this.added(clipping);
      this.toast(existing ? t('clipper_updatedToast') : t('clipper_savedToast'), true);
    };
    void this.itemOptions().then((itemOptions) => {
      if (this.ctx.isInvalid || !this.dialogOpen) return;
      render(
        <SaveDialog
          quote={selectors[0].exact}
          source={[page.site, page.title].filter(Boolean).join(' · ')}
          itemOptions={itemOptions}
          initial={initial}
          editing={!!existing}
          onSave={save}
          onCancel={close}
        />,
        this.mount(),
      );
    });
  }

  /** A clipping just saved or edited: highlight it at once (no round trip). */
  private added(clipping: Clipping): void {
    const found = this.state.found.filter((entry) => entry.clipping.id !== clipping.id);
    const notFound = this.state.notFound.filter((entry) => entry.id !== clipping.id);
    const [quote, position] = clipping.selectors;
    const anchor = anchorInIndex(buildPageTextIndex(document), { quote, position });
    if (anchor) {
      this.ranges.set(clipping.id, anchor.range);
      this.setState({ ...this.state, phase: 'ready', found: [{ clipping, method: anchor.method }, ...found], notFound });
    } else this.setState({ ...this.state, phase: 'ready', found, notFound: [clipping, ...notFound] });
    this.paint();
  }

  private toast(message: string, withLibraryLink = false): void {
    const mount = this.mount('toast');
    if (this.toastTimer !== undefined) clearTimeout(this.toastTimer);
    render(
      <div class="tlc-toast" role="status">
        <span>{message}</span>
        {withLibraryLink ? (
          <button type="button" class="tlc-button tlc-button--link" onClick={() => this.openLibrary()}>
            {t('clipper_openLibrary')}
          </button>
        ) : null}
      </div>,
      mount,
    );
    this.toastTimer = this.ctx.setTimeout(() => render(null, mount), TOAST_MS);
  }
}
