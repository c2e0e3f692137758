import browser from 'webextension-polyfill';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle } from '@/lib/pipeline/article';
import { readingOf } from '@/lib/pipeline/reading';
import { rangeFor, type TextIndex } from '@/lib/dom/text-index';
import { request } from '@/lib/ext/page-messaging';
import { HighlightPainter, MARK_ATTRIBUTE, toneOf, type PaintedClaim } from '@/lib/ext/highlights';
import type { LensCommand, SidebarPrefs } from '@/lib/messages/lens';
import { DEFAULT_SIDEBAR_PREFS, lensCommandOf } from '@/lib/lens/commands';
import { ScanBudget } from '@/lib/lens/budget';
import { applyCorrections } from '@/lib/corrections';
import type { FrameRequest, FrameState, ScanPhase } from '@/lib/lens/frame-protocol';
import type { ThesisPack } from '@/lib/pack/schema';
import type { Claim, ScanResult } from '@/lib/pipeline/types';
import { claimKey } from '@/components/sidebar/model';
import { FrameHost, HOST_NAME } from './frame-host';
import type { FrameContributions, FrameRequestOf, LensEvents, LensShell } from './feature';
import { FEATURES } from './features';

export { HOST_NAME };

/** Ask for an idle slot, but do not wait longer than this. */
const IDLE_TIMEOUT_MS = 1500;
/** Rescans per tab (soft navigations, growth): a burst, then one per period, however busy the page. */
const RESCAN_BUDGET = { capacity: 4, refillMs: 10_000 };
const PREFS_SAVE_DELAY_MS = 400;

/** Isolated-world marker: the lens running in this tab's content-script world, if any. */
const INSTANCE_KEY = '__thesisLensInstance';

type LensWorld = Record<string, Lens | undefined>;

export function startLens(ctx: ContentScriptContext): Lens | null {
  const world = globalThis as unknown as LensWorld;
  // Injected again on the same page (the toolbar button, the popup, the context menu): the
  // running lens stays (our guard stopped WXT's "newer script" event from ending it) and opens
  // its panel; this copy ends here. A lens left from a previous version of the extension is
  // invalid (its runtime is gone) and gives way.
  const running = world[INSTANCE_KEY];
  if (running && running.alive()) {
    running.openFromCommand();
    ctx.abort('Thesis Lens is already running on this page');
    return null;
  }
  const lens = new Lens(ctx, {
    openPanel: running !== undefined,
    onTeardown: () => {
      if (world[INSTANCE_KEY] === lens) world[INSTANCE_KEY] = undefined;
    },
  });
  world[INSTANCE_KEY] = lens;
  lens.start();
  return lens;
}

/**
 * The lens in a page, a shell: scans the article (idle, in steps), paints the claims by stance,
 * keeps the panel's frame beside the article, and starts the features (features.ts), each in
 * its own file, which follow its events and handle their kind of the frame's requests.
 * Everything private is drawn in the frame (frame-host.ts); what stays in the page
 * (highlights, the host element, the page's margin) shows only what the article says and where.
 */
export class Lens implements LensShell {
  private packs: ThesisPack[] | null = null;
  private results: ScanResult[] = [];
  private scanPhase: ScanPhase = { phase: 'scanning' };
  private prefs: SidebarPrefs = DEFAULT_SIDEBAR_PREFS;
  private open: boolean | null = null;
  /** The reader opened the panel in this page view (an overlay is shown only then). */
  private openedHere = false;
  private focusRequest: FrameState['focusRequest'] = null;
  /** The article's publication date (it dates a status update started from the article). */
  private published: string | null = null;
  private focusPanel = 0;
  private refocus = 0;
  private nonce = 0;
  private run: AbortController | null = null;
  private url = location.href;
  private trailingTimer: number | undefined;
  /** Ends every feature's listeners when the lens stops. */
  private readonly features = new AbortController();
  private readonly listeners: { [E in keyof LensEvents]: Set<(payload: LensEvents[E]) => void> } = {
    results: new Set(),
    painting: new Set(),
    painted: new Set(),
    cleared: new Set(),
    scanned: new Set(),
    navigated: new Set(),
  };
  private readonly frameHandlers = new Map<FrameRequest['type'], (request: FrameRequest) => void>();
  private readonly contributions: { [K in keyof FrameContributions]?: () => FrameContributions[K] } = {};
  private prefsSaveTimer: number | undefined;
  private pendingSave: Partial<SidebarPrefs> = {};
  private readonly budget = new ScanBudget(RESCAN_BUDGET, Date.now());
  private readonly painter: HighlightPainter;
  private readonly frame: FrameHost;
  private readonly ready: Promise<void>;
  /** The reader asked for the panel on this page: show it even when nothing matched. */
  private explicitOpen: boolean;

  constructor(readonly ctx: ContentScriptContext, private readonly options: { openPanel: boolean; onTeardown: () => void }) {
    this.explicitOpen = options.openPanel;
    this.painter = new HighlightPainter(document, { setTimeout: (handler, ms) => ctx.setTimeout(handler, ms) });
    this.frame = new FrameHost(ctx, (frameRequest) => this.handleFrameRequest(frameRequest));
    this.ready = Promise.all([
      request('lens/get-prefs', {}).then((prefs) => {
        this.prefs = prefs;
      }),
      request('lens/site-open', {}).then(({ open }) => {
        if (this.open === null && open !== null) this.open = open;
      }),
    ])
      .then(() => undefined)
      .catch(() => {
        // No answer (the background is restarting): defaults for this page.
      });
  }

  alive(): boolean {
    return !this.ctx.isInvalid;
  }

  start(): void {
    const { ctx } = this;
    // First, synchronously: a command sent right after injection must find a listener.
    const onMessage = (raw: unknown) => {
      const command = lensCommandOf(raw);
      if (!command || ctx.isInvalid) return undefined;
      // A definite answer: other content scripts (clipper) also listen, so "no error" alone
      // would not tell the background that a lens is here. `shown` is honest: false when the
      // page keeps the panel out.
      return this.handleCommand(command).then((shown) => ({ lens: true, shown }));
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.stop();
    });

    // WXT ends a content script when a newer copy announces itself with a DOM event; a page
    // can dispatch that event too (its name is this extension's id and the entry point's).
    // This lens handles re-injection itself (startLens above), so the event is stopped before
    // WXT's listener on the document sees it, whoever sent it.
    ctx.addEventListener(
      window,
      // WXT's own name for it (typed private, read as is so that it follows WXT).
      (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
      (event: Event) => {
        if (!ctx.isInvalid) event.stopImmediatePropagation();
      },
      { capture: true },
    );

    ctx.addEventListener(window, 'resize', () => this.draw(), { passive: true });
    for (const feature of FEATURES) feature.start(this, this.features.signal);

    if (this.explicitOpen) void this.ready.then(() => this.openFromCommand());
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

  /** A rescan the page caused (navigation, growth): within the tab's budget, else once the budget allows. */
  private rescanWithinBudget(reason: 'navigation' | 'grew'): void {
    if (this.budget.take(Date.now())) {
      void this.scan(reason);
      return;
    }
    if (this.trailingTimer !== undefined) return;
    this.trailingTimer = this.ctx.setTimeout(() => {
      this.trailingTimer = undefined;
      this.rescanWithinBudget(reason);
    }, this.budget.waitMs(Date.now()));
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
      await this.ready;
      const corrections = await request('corrections/for-page', {}).then(({ corrections }) => corrections).catch(() => []);
      if (stale()) return;
      await this.idle(run.signal);
      if (stale()) return;
      // The page's part of the pipeline: which element is the article, and its text. The
      // claims are found in the background, with the packs and the learned model (lens/analyze),
      // so that this script carries neither and the page's main thread is not spent on them.
      const article = detectArticle(document, { url: location.href });
      this.published = article.published;
      await this.yieldToPage();
      if (stale()) return;
      const { results } = await request('lens/analyze', { reading: readingOf(article), ...(reason === 'rescan' ? { rescan: true } : {}) });
      if (stale()) return;
      // The reader's corrections of this page, on every scan.
      this.apply(article.text, applyCorrections(results, corrections));
    } catch (error) {
      if (stale()) return;
      this.scanPhase = { phase: 'error', message: error instanceof Error ? error.message : String(error) };
      this.draw();
    } finally {
      if (!this.ctx.isInvalid) this.emit('scanned', undefined);
    }
  }

  private apply(text: TextIndex, results: ScanResult[]): void {
    const relevant = results.filter((result) => result.relevant);
    this.emit('results', { results, packs: this.packs ?? [] });
    this.results = relevant;
    this.scanPhase = { phase: 'ready' };
    if (relevant.length === 0 && !this.explicitOpen) {
      this.painter.clear();
      this.frame.destroy();
      this.emit('cleared', undefined);
      return;
    }
    const painted: PaintedClaim[] = [];
    relevant.forEach((result, resultIndex) => {
      const thesisId = result.thesisId ?? this.packs?.[resultIndex]?.id ?? `thesis-${resultIndex}`;
      result.claims.forEach((claim, index) => {
        let start = claim.start;
        let end = claim.end;
        if (start === undefined || end === undefined) {
          // No offsets from the pipeline: find the sentence in the text it read.
          start = text.text.indexOf(claim.text);
          end = start + claim.text.length;
          if (start < 0) return;
        }
        const range = rangeFor(text, start, end);
        if (range) painted.push({ key: claimKey(thesisId, index), range, tone: toneOf(claim.items[0]?.stance ?? 'neutral', claim.hedged) });
      });
    });
    // Features put their nodes in first: the highlight rules name the claims' elements by
    // their position among their siblings.
    this.emit('painting', painted);
    this.painter.paint(painted);
    this.emit('painted', painted);
    this.draw();
  }

  /** After a soft navigation: a new page as far as the reader is concerned. */
  private onLocationMaybeChanged(): void {
    if (location.href === this.url) return;
    this.url = location.href;
    this.emit('navigated', undefined);
    this.explicitOpen = false;
    this.rescanWithinBudget('navigation');
  }

  // ---------------------------------------------------------------------------------
  // Commands, the frame's requests, prefs
  // ---------------------------------------------------------------------------------

  private async handleCommand(command: LensCommand): Promise<boolean> {
    switch (command.type) {
      case 'lens/open-sidebar':
        return this.openFromCommand();
      case 'lens/toggle-sidebar':
        if (this.isOpen() && this.frame.visible()) {
          this.setOpen(false);
          return true;
        }
        return this.openFromCommand();
      case 'lens/rescan':
        // Also what the background sends after a soft navigation the gate saw.
        if (location.href !== this.url) this.onLocationMaybeChanged();
        else void this.scan('rescan');
        return this.frame.visible();
      case 'lens/teardown':
        // Paused on this site: everything goes, and this instance stops for good. A later
        // injection (resumed) is a fresh start, not a request to open the panel.
        this.options.onTeardown();
        this.ctx.abort('Thesis Lens paused on this site');
        return false;
    }
  }

  /** Opened by the reader (command, popup): the panel takes keyboard focus. True when it shows. */
  openFromCommand(): boolean {
    this.explicitOpen = true;
    this.focusPanel = ++this.nonce;
    this.setOpen(true);
    this.frame.focus();
    return this.frame.visible();
  }

  private isOpen(): boolean {
    // On a narrow window the open panel covers the article: only when the reader opened it
    // here, in this page. With room beside the article: as remembered for the site, open at first.
    if (this.overlay()) return this.openedHere && this.open === true;
    return this.open ?? true;
  }

  private overlay(): boolean {
    return this.frame.overlays(this.prefs.width);
  }

  private setOpen(open: boolean, remember = true): void {
    this.open = open;
    this.openedHere = open;
    if (remember) {
      request('lens/set-site-open', { open }).catch(() => {
        // Not remembered this time.
      });
    }
    this.draw();
  }

  private handleFrameRequest(frameRequest: FrameRequest): void {
    if (this.ctx.isInvalid) return;
    switch (frameRequest.type) {
      case 'activate':
        this.showClaimInPage(frameRequest.key);
        break;
      case 'set-open':
        this.setOpen(frameRequest.open);
        break;
      case 'prefs':
        this.changePrefs(frameRequest.change);
        break;
      case 'rescan':
        void this.scan('rescan');
        break;
      default:
        // A feature's (features.ts).
        this.frameHandlers.get(frameRequest.type)?.(frameRequest);
    }
  }

  private changePrefs(change: Partial<SidebarPrefs>): void {
    this.prefs = { ...this.prefs, ...change };
    this.draw();
    // Dragging the resize handle changes the width many times a second: save the last one.
    this.pendingSave = { ...this.pendingSave, ...change };
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

  // ---------------------------------------------------------------------------------
  // The page
  // ---------------------------------------------------------------------------------

  private showClaimInPage(key: string): void {
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
    this.painter.setActive(key);
  }

  // ---------------------------------------------------------------------------------
  // What features see (feature.ts)
  // ---------------------------------------------------------------------------------

  on<E extends keyof LensEvents>(event: E, handler: (payload: LensEvents[E]) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    const set = this.listeners[event] as Set<(payload: LensEvents[E]) => void>;
    set.add(handler);
    signal.addEventListener('abort', () => set.delete(handler), { once: true });
  }

  private emit<E extends keyof LensEvents>(event: E, payload: LensEvents[E]): void {
    for (const handler of [...(this.listeners[event] as Set<(payload: LensEvents[E]) => void>)]) handler(payload);
  }

  onFrameRequest<T extends FrameRequest['type']>(type: T, handler: (request: FrameRequestOf<T>) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.frameHandlers.set(type, handler as (request: FrameRequest) => void);
    signal.addEventListener('abort', () => this.frameHandlers.delete(type), { once: true });
  }

  contribute<K extends keyof FrameContributions>(key: K, read: () => FrameContributions[K], signal: AbortSignal): void {
    if (signal.aborted) return;
    (this.contributions as Record<K, () => FrameContributions[K]>)[key] = read;
    signal.addEventListener('abort', () => delete this.contributions[key], { once: true });
  }

  redraw(): void {
    this.draw();
  }

  rescan(reason: 'rescan' | 'grew'): void {
    if (reason === 'rescan') void this.scan('rescan');
    else this.rescanWithinBudget(reason);
  }

  checkLocation(): void {
    this.onLocationMaybeChanged();
  }

  claimOf(key: string): { thesisId: string; claim: Claim } | null {
    const thesisId = key.slice(0, key.lastIndexOf('#'));
    const index = Number(key.slice(key.lastIndexOf('#') + 1));
    const result = this.results.find((r, i) => (r.thesisId ?? this.packs?.[i]?.id ?? `thesis-${i}`) === thesisId);
    const claim = result?.claims[index];
    return claim ? { thesisId, claim } : null;
  }

  rangeOf(key: string): Range | null {
    return this.painter.rangeOf(key);
  }

  claimAt(target: EventTarget | null, x: number, y: number): string | null {
    return this.painter.mayContain(target) ? (this.painter.claimAt(x, y)?.key ?? null) : null;
  }

  openCard(key: string): void {
    this.painter.setActive(key);
    this.focusRequest = { key, nonce: ++this.nonce };
    this.setOpen(true, false);
    this.frame.focus();
  }

  closeOverlay(): boolean {
    if (!this.isOpen() || !this.overlay()) return false;
    this.setOpen(false);
    return true;
  }

  returnFocusToPanel(): void {
    this.refocus = ++this.nonce;
    this.frame.focus();
    this.draw();
  }

  isOwnNode(node: Node | null): boolean {
    if (!node) return false;
    if (node === this.frame.element) return true;
    return node.nodeType === 1 && (node as Element).hasAttribute(MARK_ATTRIBUTE);
  }

  private draw(): void {
    if (this.ctx.isInvalid) return;
    if (this.results.length === 0 && !this.explicitOpen) return;
    const open = this.isOpen();
    const clippingsState = this.contributions.clippings?.() ?? null;
    this.frame.show({
      results: this.results,
      packs: this.packs ?? [],
      scan: this.scanPhase,
      prefs: this.prefs,
      open,
      overlay: this.overlay(),
      markers: this.contributions.markers?.() ?? [],
      focusRequest: this.focusRequest,
      focusPanel: this.focusPanel,
      refocus: this.refocus,
      page: { ...pageInfo(), published: this.published },
      viewportWidth: window.innerWidth,
      clippings: clippingsState,
    });
  }

  private stop(): void {
    this.run?.abort();
    this.features.abort();
    this.painter.destroy();
    this.frame.destroy();
    this.options.onTeardown();
  }
}

/** The page as a status update's source: its canonical address when it is a web page. */
function pageInfo(): { title: string; url: string } {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  return { title: document.title || location.hostname, url: canonical && /^https?:/.test(canonical) ? canonical : location.href.split('#')[0]! };
}
