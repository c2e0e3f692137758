import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { analyzePageSteps } from '@/lib/pipeline/scan';
import { rangeFor, type TextIndex } from '@/lib/dom/text-index';
import { request } from '@/lib/ext/messaging';
import { HighlightPainter, MARK_ATTRIBUTE, type PaintedClaim } from '@/lib/ext/highlights';
import { LensCommandSchema, SidebarPrefsSchema, type LensCommand, type SidebarPrefs } from '@/lib/messages/lens';
import type { ThesisPack } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';
import { buildLensView, highlightStatusOf, type ClaimKey, type LensView } from '@/components/sidebar/model';
import statusCss from '@/components/status/status.css?inline';
import sidebarCss from '@/components/sidebar/sidebar.css?inline';
import cardCss from '@/components/highlight/highlight-card.css?inline';
import { LensApp, type LensUiCallbacks, type LensUiState } from './App';
import { connectLensClippings } from '@/components/clippings/lens-integration';
import { reportItemsOf } from '@/components/popup/report-items';
import { connectLensStatusUpdates } from '@/components/checklist/lens-integration';
import statusFormCss from '@/components/checklist/status-update-form.css?inline';

/** The shadow host's tag name: the page sees only this element. */
export const HOST_NAME = 'thesis-lens-sidebar';

/** Ask for an idle slot, but do not wait longer than this. */
const IDLE_TIMEOUT_MS = 1500;
/** After a soft navigation, give the site a moment to render the new article. */
const SOFT_NAVIGATION_DELAY_MS = 400;
/** New text (characters) that makes a rescan worthwhile: a paragraph, not a clock or an ad label. */
const GROWTH_CHARS = 300;
const GROWTH_DEBOUNCE_MS = 800;
/** Bound on rescans per address, for pages that never stop changing. */
const MAX_RERUNS_PER_URL = 8;
const PREFS_SAVE_DELAY_MS = 400;
const HOVER_SHOW_MS = 150;
const HOVER_HIDE_MS = 350;

/** Isolated-world marker: the address where a lens last started in this tab's content-script world. */
const INSTANCE_KEY = '__thesisLensInstance';
type InstanceMarker = { url: string };

const EMPTY_VIEW: LensView = { theses: [], claims: new Map(), itemsOfClaim: new Map() };

export function startLens(ctx: ContentScriptContext): Lens {
  const world = globalThis as unknown as Record<string, InstanceMarker | undefined>;
  // Injected again on the same page (the toolbar button, the popup, the context menu): WXT has
  // already stopped the previous instance (its UI removed); this one takes over and opens the sidebar.
  // (The marker outlives the previous instance on purpose: WXT stops that one before this code runs.)
  const previous = world[INSTANCE_KEY];
  world[INSTANCE_KEY] = { url: location.href };
  const lens = new Lens(ctx, {
    openSidebar: previous?.url === location.href,
    onTeardown: () => {
      world[INSTANCE_KEY] = undefined;
    },
  });
  lens.start();
  return lens;
}

export class Lens {
  private state: LensUiState = {
    view: EMPTY_VIEW,
    prefs: SidebarPrefsSchema.parse({}),
    scan: { phase: 'scanning' },
    sidebarVisible: true,
    card: null,
    focusRequest: null,
    focusPanel: 0,
  };
  private readonly painter: HighlightPainter;
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private uiPending: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private packs: ThesisPack[] | null = null;
  private run: AbortController | null = null;
  private url = location.href;
  private reruns = 0;
  private grown = 0;
  private growthTimer: number | undefined;
  /** The reader asked for the sidebar on this page: show it even when nothing matched. */
  private explicitOpen: boolean;
  private observer: MutationObserver | null = null;
  private nonce = 0;
  private prefsSaveTimer: number | undefined;
  private pendingPrefs: Partial<SidebarPrefs> = {};
  private hoverTimer: number | undefined;
  private hideTimer: number | undefined;
  private pointerInCard = false;
  private lastPointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private pointerFrame = 0;
  private scrollFrame = 0;
  private readonly callbacks: LensUiCallbacks;
  private readonly clippings: ReturnType<typeof connectLensClippings>;
  private readonly prefsLoaded: Promise<void>;
  private prefsLoadedDone = false;

  constructor(private readonly ctx: ContentScriptContext, private readonly options: { openSidebar: boolean; onTeardown: () => void }) {
    this.explicitOpen = options.openSidebar;
    this.painter = new HighlightPainter(document, { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms) });
    this.callbacks = {
      onPrefsChange: (change) => this.changePrefs(change),
      onActivateClaim: (key) => this.showClaimInPage(key),
      onCloseSidebar: () => {
        this.state = { ...this.state, sidebarVisible: false };
        this.render();
      },
      onOpenInSidebar: (claim) => {
        this.hideCard();
        this.openSidebar();
        this.state = { ...this.state, focusRequest: { key: claim.key, nonce: ++this.nonce } };
        this.render();
      },
      onCloseCard: () => this.hideCard(),
      onCardPointer: (inside) => {
        this.pointerInCard = inside;
        if (inside) this.cancelHide();
        else if (this.state.card && !this.state.card.takeFocus) this.scheduleHide();
      },
    };
    // Clippings (the clippings feature): "Save" on claims, and "Saved from this page" in the sidebar.
    this.clippings = connectLensClippings(ctx, { rerender: () => this.render(), rangeOfClaim: (key) => this.painter.rangeOf(key) });
    this.callbacks.actions = { ...this.callbacks.actions, ...this.clippings.actions };
    this.callbacks.extraSections = [...(this.callbacks.extraSections ?? []), this.clippings.section];
    // Status updates while reading (the checklist feature): "Update status" on item cards.
    const statusUpdates = connectLensStatusUpdates({ rerender: () => this.render(), rescan: () => this.handleCommand({ type: 'lens/rescan' }), side: () => this.state.prefs.side });
    this.callbacks.actions = { ...this.callbacks.actions, ...statusUpdates.actions };
    this.callbacks.overlays = [...(this.callbacks.overlays ?? []), statusUpdates.render];
    this.prefsLoaded = request('lens/get-prefs', {})
      .then((prefs) => {
        this.state = { ...this.state, prefs: { ...prefs, ...this.pendingPrefs } };
      })
      .catch(() => {
        // No answer (the background is restarting): defaults for this page.
      })
      .finally(() => {
        this.prefsLoadedDone = true;
      });
  }

  start(): void {
    const { ctx } = this;
    // First, synchronously: a command sent right after injection must find a listener.
    const onMessage = (raw: unknown) => {
      const command = LensCommandSchema.safeParse(raw);
      if (!command.success || ctx.isInvalid) return undefined;
      this.handleCommand(command.data);
      // A definite answer: other content scripts (clipper) also listen, so "no error" alone
      // would not tell the background that a lens is here.
      return Promise.resolve({ lens: true });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.stop();
    });

    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => this.onLocationMaybeChanged(), SOFT_NAVIGATION_DELAY_MS);
    });
    ctx.addEventListener(document, 'mousemove', (event: MouseEvent) => this.onPointerMove(event), { passive: true });
    ctx.addEventListener(document, 'click', (event: MouseEvent) => this.onClick(event));
    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape' && this.state.card) this.hideCard();
    });
    ctx.addEventListener(window, 'scroll', () => this.onScroll(), { passive: true, capture: true });

    // Injected again by the reader: as if they had asked for the sidebar (after the remembered prefs).
    if (this.explicitOpen) void this.prefsLoaded.then(() => this.openSidebar());
    void this.scan('start');
  }

  // ---------------------------------------------------------------------------------
  // Scanning
  // ---------------------------------------------------------------------------------

  private idle(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (typeof requestIdleCallback === 'function') this.ctx.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else this.ctx.setTimeout(resolve, 0);
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /** Lets the page run (input, rendering) before the next step: `scheduler.yield` where there is one. */
  private yieldToPage(): Promise<void> {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (typeof scheduler?.yield === 'function') return scheduler.yield();
    return new Promise((resolve) => this.ctx.setTimeout(resolve, 0));
  }

  private async scan(reason: 'start' | 'navigation' | 'grew' | 'rescan'): Promise<void> {
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    const stale = () => run.signal.aborted || this.ctx.isInvalid;
    try {
      if (!this.packs || reason === 'rescan') {
        const { packs } = await request('checklist/effective-packs', {});
        if (stale()) return;
        this.packs = packs;
      }
      await this.prefsLoaded;
      await this.idle(run.signal);
      if (stale()) return;
      // The pipeline one step per task (the article, then each pack), with the page given
      // the main thread in between: no single long task on a huge page.
      const steps = analyzePageSteps(document, this.packs, { url: location.href });
      let step = steps.next();
      while (!step.done) {
        await this.yieldToPage();
        if (stale()) return;
        step = steps.next();
      }
      await this.yieldToPage();
      if (stale()) return;
      await this.apply(step.value.article.text, step.value.results, run.signal);
    } catch (error) {
      if (stale()) return;
      this.state = { ...this.state, scan: { phase: 'error', message: error instanceof Error ? error.message : String(error) } };
      if (this.explicitOpen) await this.ensureUi();
      this.render();
    } finally {
      this.observeGrowth();
    }
  }

  private async apply(text: TextIndex, results: ScanResult[], signal: AbortSignal): Promise<void> {
    const relevant = results.filter((result) => result.relevant);
    this.report(results);
    if (relevant.length === 0 && !this.explicitOpen) {
      this.removeUi();
      return;
    }
    const view = buildLensView(relevant, this.packs ?? []);
    const painted: PaintedClaim[] = [];
    for (const [key, { claim }] of view.claims) {
      let start = claim.start;
      let end = claim.end;
      if (start === undefined || end === undefined) {
        // No offsets from the pipeline: find the sentence in the text it read.
        start = text.text.indexOf(claim.text);
        end = start + claim.text.length;
        if (start < 0) continue;
      }
      const range = rangeFor(text, start, end);
      if (range) painted.push({ key, range, status: highlightStatusOf(view, key) });
    }
    this.painter.paint(painted);
    this.observer?.takeRecords(); // our own <mark> wrappers (fallback) are not page growth
    const cardKey = this.state.card?.key;
    this.state = {
      ...this.state,
      view,
      scan: { phase: 'ready' },
      card: cardKey && view.claims.has(cardKey) ? this.state.card : null,
    };
    await this.ensureUi();
    if (signal.aborted) return;
    this.render();
  }

  private report(results: ScanResult[]): void {
    const relevant = results.filter((result) => result.relevant);
    this.clippings.setTopics([...new Set(relevant.flatMap((result) => result.topics))]);
    const distinct = new Set(relevant.flatMap((result) => result.claims.map((claim) => `${claim.start ?? ''}:${claim.end ?? ''}:${claim.text}`)));
    const packs = this.packs ?? [];
    request('lens/report', {
      url: location.href,
      relevant: relevant.length > 0,
      topics: [...new Set(relevant.flatMap((result) => result.topics))],
      claims: distinct.size,
      theses: relevant.map((result, i) => {
        const pack = packs.find((p) => p.id === result.thesisId) ?? packs[i];
        return { id: result.thesisId ?? pack?.id ?? `thesis-${i}`, title: pack?.title ?? result.title, claims: result.claims.length };
      }),
      items: reportItemsOf(relevant, packs),
    }).catch(() => {
      // The badge is a nicety: a background that cannot take the report changes nothing here.
    });
  }

  /** After a soft navigation: a new page as far as the reader is concerned. */
  private onLocationMaybeChanged(reason: 'navigation' | 'rescan' = 'navigation'): void {
    if (location.href === this.url) {
      if (reason === 'rescan') void this.scan('rescan');
      return;
    }
    this.url = location.href;
    this.reruns = 0;
    this.grown = 0;
    this.explicitOpen = false;
    this.hideCard();
    void this.scan(reason);
  }

  /** Rescan when the article's text grows (late rendering, "read more"), debounced and bounded. */
  private observeGrowth(): void {
    if (this.observer || this.ctx.isInvalid) return;
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.reruns >= MAX_RERUNS_PER_URL) return;
    for (const record of records) {
      if (this.grown >= GROWTH_CHARS) break;
      if (record.type === 'characterData') {
        this.grown += Math.max(0, (record.target as CharacterData).data.length - (record.oldValue?.length ?? 0));
        continue;
      }
      for (const node of record.addedNodes) {
        if (node === this.ui?.shadowHost) continue;
        if (node.nodeType === 1 && (node as Element).hasAttribute(MARK_ATTRIBUTE)) continue;
        if (node.nodeType !== 1 && node.nodeType !== 3) continue;
        this.grown += node.textContent?.length ?? 0;
        if (this.grown >= GROWTH_CHARS) break;
      }
    }
    if (this.grown < GROWTH_CHARS) return;
    if (this.growthTimer !== undefined) clearTimeout(this.growthTimer);
    this.growthTimer = this.ctx.setTimeout(() => {
      this.growthTimer = undefined;
      if (this.reruns >= MAX_RERUNS_PER_URL) return;
      this.reruns += 1;
      this.grown = 0;
      void this.scan('grew');
    }, GROWTH_DEBOUNCE_MS);
  }

  // ---------------------------------------------------------------------------------
  // Commands and prefs
  // ---------------------------------------------------------------------------------

  private handleCommand(command: LensCommand): void {
    switch (command.type) {
      case 'lens/open-sidebar':
        this.openSidebar();
        break;
      case 'lens/toggle-sidebar':
        if (this.ui && this.state.sidebarVisible && !this.state.prefs.minimized) this.changePrefs({ minimized: true });
        else this.openSidebar();
        break;
      case 'lens/rescan':
        // Also what the background sends after a soft navigation the gate saw.
        this.reruns = 0;
        this.onLocationMaybeChanged('rescan');
        break;
      case 'lens/teardown':
        // Paused on this site: everything goes, and this instance stops for good. A later
        // injection (resumed) is a fresh start, not a request to open the sidebar.
        this.options.onTeardown();
        this.ctx.abort('Thesis Lens paused on this site');
        break;
    }
  }

  /** Opened by the reader (command, popup, "Open in sidebar"): the panel takes keyboard focus. */
  private openSidebar(): void {
    this.explicitOpen = true;
    this.state = { ...this.state, sidebarVisible: true, focusPanel: ++this.nonce };
    if (this.state.prefs.minimized) this.changePrefs({ minimized: false });
    void this.ensureUi().then(() => this.render());
  }

  private changePrefs(change: Partial<SidebarPrefs>): void {
    this.state = { ...this.state, prefs: { ...this.state.prefs, ...change } };
    if (!this.prefsLoadedDone) this.pendingPrefs = { ...this.pendingPrefs, ...change };
    this.render();
    // Dragging the resize handle changes the width many times a second: save the last one.
    const unsaved = { ...this.pendingSave, ...change };
    this.pendingSave = unsaved;
    if (this.prefsSaveTimer !== undefined) clearTimeout(this.prefsSaveTimer);
    this.prefsSaveTimer = this.ctx.setTimeout(() => {
      this.prefsSaveTimer = undefined;
      const toSave = this.pendingSave;
      this.pendingSave = {};
      request('lens/set-prefs', toSave).catch(() => {
        // Not remembered this time; the panel still works.
      });
    }, PREFS_SAVE_DELAY_MS);
  }
  private pendingSave: Partial<SidebarPrefs> = {};

  // ---------------------------------------------------------------------------------
  // The page: showing a claim, the hover card
  // ---------------------------------------------------------------------------------

  private showClaimInPage(key: ClaimKey): void {
    const range = this.painter.rangeOf(key);
    if (!range) return;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const element = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    // Nested scroll containers first (instantly, only as far as needed), then the window to a reading position.
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    const rect = range.getBoundingClientRect();
    const top = window.scrollY + rect.top - window.innerHeight * 0.3;
    window.scrollTo({ top: Math.max(0, top), behavior: reduceMotion ? ('instant' as ScrollBehavior) : 'smooth' });
    this.painter.flash(key);
  }

  private isOurs(target: EventTarget | null): boolean {
    return !!target && target === this.ui?.shadowHost;
  }

  private onPointerMove(event: MouseEvent): void {
    if (this.painter.size === 0) return;
    this.lastPointer = { x: event.clientX, y: event.clientY, target: event.target };
    if (this.pointerFrame) return;
    this.pointerFrame = this.ctx.requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.checkHover();
    });
  }

  private checkHover(): void {
    const pointer = this.lastPointer;
    if (!pointer || this.isOurs(pointer.target)) return;
    const hit = this.painter.mayContain(pointer.target) ? this.painter.claimAt(pointer.x, pointer.y) : null;
    const card = this.state.card;
    if (hit) {
      this.cancelHide();
      if (card?.key === hit.key || card?.takeFocus) return;
      this.clearHoverTimer();
      this.hoverTimer = this.ctx.setTimeout(() => this.showCard(hit.key, hit.rect, false), HOVER_SHOW_MS);
    } else {
      this.clearHoverTimer();
      if (card && !card.takeFocus && !this.pointerInCard) this.scheduleHide();
    }
  }

  private onClick(event: MouseEvent): void {
    if (this.isOurs(event.target)) return;
    const selection = document.getSelection();
    const selecting = selection ? !selection.isCollapsed : false;
    const hit = !selecting && this.painter.mayContain(event.target) ? this.painter.claimAt(event.clientX, event.clientY) : null;
    if (hit) this.showCard(hit.key, hit.rect, true);
    else if (this.state.card) this.hideCard();
  }

  private onScroll(): void {
    if (!this.state.card || this.scrollFrame) return;
    this.scrollFrame = this.ctx.requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const card = this.state.card;
      if (!card) return;
      if (!card.takeFocus) return this.hideCard();
      const rect = this.painter.rangeOf(card.key)?.getClientRects()[0];
      if (!rect || rect.bottom < 0 || rect.top > window.innerHeight) return this.hideCard();
      this.state = { ...this.state, card: { ...card, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left } } };
      this.render();
    });
  }

  private showCard(key: ClaimKey, rect: DOMRect, pinned: boolean): void {
    this.clearHoverTimer();
    this.cancelHide();
    this.painter.setActive(key);
    this.state = { ...this.state, card: { key, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left }, takeFocus: pinned } };
    void this.ensureUi().then(() => this.render());
  }

  private hideCard(): void {
    this.clearHoverTimer();
    this.cancelHide();
    this.pointerInCard = false;
    if (!this.state.card) return;
    this.painter.setActive(null);
    this.state = { ...this.state, card: null };
    this.render();
  }

  private scheduleHide(): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = this.ctx.setTimeout(() => {
      this.hideTimer = undefined;
      if (!this.pointerInCard) this.hideCard();
    }, HOVER_HIDE_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== undefined) clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private clearHoverTimer(): void {
    if (this.hoverTimer !== undefined) clearTimeout(this.hoverTimer);
    this.hoverTimer = undefined;
  }

  // ---------------------------------------------------------------------------------
  // The shadow-root UI
  // ---------------------------------------------------------------------------------

  private async ensureUi(): Promise<void> {
    if (this.ui) return;
    this.uiPending ??= createShadowRootUi<HTMLElement>(this.ctx, {
      name: HOST_NAME,
      position: 'inline',
      // After <body>, not inside it: out of the article's text and of the page's body-level layout.
      anchor: () => document.documentElement,
      append: 'last',
      css: [statusCss, sidebarCss, cardCss, statusFormCss].join('\n'),
      // Keys typed in the panel are ours: site shortcuts ("j", "k", "/") must not fire.
      isolateEvents: true,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((ui) => {
      ui.mount();
      return ui;
    });
    const ui = await this.uiPending;
    if (this.ctx.isInvalid) return;
    this.ui = ui;
  }

  private removeUi(): void {
    this.painter.clear();
    this.hideCard();
    this.ui?.remove();
    this.ui = null;
    this.uiPending = null;
    this.state = { ...this.state, view: EMPTY_VIEW, sidebarVisible: true };
  }

  private render(): void {
    const container = this.ui?.uiContainer;
    if (!container || this.ctx.isInvalid) return;
    render(<LensApp state={this.state} callbacks={this.callbacks} />, container);
  }

  private stop(): void {
    this.run?.abort();
    this.observer?.disconnect();
    this.observer = null;
    this.painter.destroy();
    this.ui?.remove();
    this.ui = null;
  }
}
