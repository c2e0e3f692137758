import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/lib/ext/messaging';
import { ClipperCommandSchema } from '@/lib/messages/clippings';
import { anchorInIndex, buildPageTextIndex, describeRange, type Selectors } from '@/lib/anchoring';
import { detectArticle } from '@/lib/pipeline/article';
import { hostOf } from '@/lib/clippings/page-key';
import { LIMITS, type Clipping, type ClippingPage, type ItemRef } from '@/lib/clippings/schema';
import type { Stance } from '@/lib/pack/schema';
import { SaveDialog } from '@/components/clippings/SaveDialog';
import { EMPTY_PAGE_CLIPPINGS, type ItemOption, type PageClippingsState, type SaveChoices } from '@/components/clippings/model';
import css from '@/components/clippings/clippings.css?inline';

/**
 * One clipper per page (per content-script world), whoever starts it: the injected
 * clipper script or the lens. Its API is plain data and functions, so that the lens (a
 * separate bundle) can use an instance the injected script started, and vice versa.
 */
export interface Clipper {
  /** Open the save dialog for the reader's current selection. */
  saveSelection(): void;
  /** Open the save dialog for a claim (the lens's Save action), items and stance prefilled. */
  saveClaim(input: { quote: string; range?: Range | null; items: ItemRef[]; stance: Stance; topics?: readonly string[] }): void;
  /** What the lens knows about the page (topics), used for clippings saved from a selection. */
  setPageContext(context: { topics?: readonly string[] }): void;
  getState(): PageClippingsState;
  /** Called with the state now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: PageClippingsState) => void): () => void;
  /** Scroll to a clipping and flash it. */
  show(id: string): void;
  /** Load this page's clippings again and re-anchor them. */
  refresh(): Promise<void>;
  openLibrary(): void;
}

const INSTANCE_KEY = '__thesisLensClipper';
const HOST_TAG = 'thesis-lens-clipper';
export const CLIPPING_HIGHLIGHT = 'thesis-lens-clipping';
const FLASH_HIGHLIGHT = 'thesis-lens-clipping-flash';
const STYLE_ATTRIBUTE = 'data-thesis-lens-clippings';
/** Sites render late: look again for clippings not found yet, a bounded number of times. */
const RETRY_DELAYS_MS = [1200, 3500];
const TOAST_MS = 5000;
const FLASH_MS = 1600;

type Registered = { clipper: Clipper; ctx: ContentScriptContext };

export function startClipper(ctx: ContentScriptContext): Clipper {
  const world = globalThis as unknown as Record<string, Registered | undefined>;
  const existing = world[INSTANCE_KEY];
  if (existing && !existing.ctx.isInvalid) return existing.clipper;
  const instance = new PageClipper(ctx);
  world[INSTANCE_KEY] = { clipper: instance, ctx };
  ctx.onInvalidated(() => {
    if (world[INSTANCE_KEY]?.clipper === instance) world[INSTANCE_KEY] = undefined;
  });
  instance.start();
  return instance;
}

/** The running clipper on this page, if any (for code that must not start one). */
export function currentClipper(): Clipper | null {
  const registered = (globalThis as unknown as Record<string, Registered | undefined>)[INSTANCE_KEY];
  return registered && !registered.ctx.isInvalid ? registered.clipper : null;
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

function canonicalOf(doc: Document): string | null {
  const href = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (!href) return null;
  try {
    const url = new URL(href, location.href);
    return /^https?:$/.test(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

const withoutFragment = (url: string) => url.split('#')[0]!;

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
  private readonly highlights = highlightApi();

  constructor(private readonly ctx: ContentScriptContext) {}

  start(): void {
    const { ctx } = this;
    // Synchronously, so that a command sent right after injection finds a listener.
    const onMessage = (raw: unknown) => {
      const command = ClipperCommandSchema.safeParse(raw);
      if (!command.success || ctx.isInvalid) return undefined;
      if (command.data.type === 'clipper/save-selection') this.saveSelection();
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

  async refresh(): Promise<void> {
    const token = ++this.loadToken;
    try {
      const { clippings } = await request('clippings/for-page', { url: withoutFragment(location.href), canonicalUrl: canonicalOf(document) });
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

  // ---- Saving ----

  saveSelection(): void {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const selectors = range && !range.collapsed ? describeRange(buildPageTextIndex(document), range) : null;
    if (!selectors) {
      this.toast('Select some text of the page first, then save it.');
      return;
    }
    if (selectors[0].exact.length > LIMITS.quote) {
      this.toast(`The selection is too long to keep as a clipping (over ${LIMITS.quote.toLocaleString('en')} characters): select a passage.`);
      return;
    }
    this.openDialog(selectors, { items: [], stance: 'neutral', topics: this.topics });
  }

  saveClaim(input: { quote: string; range?: Range | null; items: ItemRef[]; stance: Stance; topics?: readonly string[] }): void {
    const index = buildPageTextIndex(document);
    let selectors = input.range ? describeRange(index, input.range) : null;
    if (!selectors) {
      // No range from the lens: find the claim's sentence in the page.
      const anchor = anchorInIndex(index, { quote: { exact: input.quote.trim() } });
      selectors = anchor ? describeRange(index, anchor.range) : null;
    }
    if (!selectors) {
      this.toast('This claim could not be located in the page, so it cannot be saved as a clipping.');
      return;
    }
    this.openDialog(selectors, { items: input.items, stance: input.stance, topics: input.topics ?? this.topics });
  }

  private ensureHost(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    const host = document.createElement(HOST_TAG);
    // The host is ours: keep the page's styles off it, and it off the page's layout.
    host.setAttribute('style', 'all: initial; position: static;');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    // Two mounts, so that a toast going away never takes an open dialog with it.
    const dialogMount = document.createElement('div');
    dialogMount.className = 'tlc-root tlc-mount--dialog';
    const toastMount = document.createElement('div');
    toastMount.className = 'tlc-root tlc-mount--toast';
    shadow.append(style, dialogMount, toastMount);
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }

  private mount(which: 'dialog' | 'toast' = 'dialog'): HTMLElement {
    return this.ensureHost().querySelector<HTMLElement>(`.tlc-mount--${which}`)!;
  }

  private pageInfo(): ClippingPage {
    const seen = withoutFragment(location.href);
    let article: Pick<ReturnType<typeof detectArticle>, 'title' | 'url' | 'siteName' | 'published'>;
    try {
      article = detectArticle(document, { url: seen });
    } catch {
      // An odd page the article reader cannot handle: the clipping is still worth keeping.
      article = { title: document.title, url: null, siteName: null, published: null };
    }
    let canonical = canonicalOf(document) ?? article.url ?? seen;
    if (!/^https?:/i.test(canonical)) canonical = seen;
    return {
      url: seen,
      canonicalUrl: withoutFragment(canonical),
      title: (article.title || document.title || '').slice(0, 1000),
      site: (article.siteName ?? hostOf(seen)).slice(0, 1000),
      published: article.published,
    };
  }

  private async itemOptions(): Promise<ItemOption[]> {
    try {
      const { packs } = await request('checklist/effective-packs', {});
      return packs.flatMap((pack) => pack.items.map((item) => ({ thesisId: pack.id, thesisTitle: pack.title, itemId: item.id, title: item.title, kind: item.kind })));
    } catch {
      return []; // no checklist answer: save without item choices rather than not at all
    }
  }

  private openDialog(selectors: Selectors, prefill: { items: ItemRef[]; stance: Stance; topics: readonly string[] }): void {
    const page = this.pageInfo();
    const previousFocus = document.activeElement as HTMLElement | null;
    const close = () => {
      render(null, this.mount());
      previousFocus?.focus?.();
    };
    const save = async (choices: SaveChoices) => {
      const { clipping } = await request('clippings/save', {
        draft: { quote: selectors[0].exact, selectors, page, topics: [...prefill.topics], ...choices },
      });
      close();
      this.added(clipping);
      this.toast('Saved to your clippings.', true);
    };
    void this.itemOptions().then((itemOptions) => {
      if (this.ctx.isInvalid) return;
      render(
        <SaveDialog
          quote={selectors[0].exact}
          source={[page.site, page.title].filter(Boolean).join(' · ')}
          itemOptions={itemOptions}
          initial={{ note: '', tags: [], items: prefill.items, stance: prefill.stance }}
          onSave={save}
          onCancel={close}
        />,
        this.mount(),
      );
    });
  }

  /** A clipping just saved: highlight it at once (no round trip). */
  private added(clipping: Clipping): void {
    const [quote, position] = clipping.selectors;
    const anchor = anchorInIndex(buildPageTextIndex(document), { quote, position });
    if (anchor) {
      this.ranges.set(clipping.id, anchor.range);
      this.setState({ ...this.state, phase: 'ready', found: [{ clipping, method: anchor.method }, ...this.state.found] });
    } else this.setState({ ...this.state, phase: 'ready', notFound: [clipping, ...this.state.notFound] });
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
            Open library
          </button>
        ) : null}
      </div>,
      mount,
    );
    this.toastTimer = this.ctx.setTimeout(() => render(null, mount), TOAST_MS);
  }
}

