import browser from 'webextension-polyfill';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_PORT_PREFIX, type RelayPort } from '@/lib/lens/frame-relay';
import { lazyChannel, WAKE_WORD, type LazyChannel } from '@/lib/lens/lazy-channel';
import { FRAME_PATH, newFrameToken, type FrameMessage, type FrameRequest, type FrameState } from '@/lib/lens/frame-protocol';

/** The host's tag name when the page has not taken it. */
export const HOST_NAME = 'thesis-lens-sidebar';
/** The rail's width (the closed panel). */
export const RAIL_WIDTH = 28;
/** Below this much room for the article beside the panel, the panel overlays instead. */
const MIN_ARTICLE_WIDTH = 640;
/** A page that removes the panel this many times is refusing it: stop re-creating it and say so. */
const MAX_RECREATIONS = 5;

/**
 * The lens's place in the page: a host element with a closed shadow root, holding only an
 * iframe of the extension's own page (`lens-frame.html`), where everything private is drawn.
 *
 * Why an iframe rather than a closed shadow root holding the panel itself: a closed root keeps
 * page scripts from its nodes, but not from its text. `window.find("Broken")` searches closed
 * shadow roots (tested in Chromium), so a page could probe the reader's statuses and notes
 * word by word. Another origin's document is out of reach of `window.find`, of the DOM, of
 * synthetic events, and of the page's CSS. This is how Hypothesis isolates its sidebar.
 * The page sees the host element, its size, and the iframe's address; it cannot tell what is
 * in it. The closed root keeps the page from re-pointing the iframe elsewhere.
 *
 * The page may pre-define the host's element name (its constructor would run on our
 * element): the name is then replaced by an unguessable one. It may remove the host: it is put
 * back, up to MAX_RECREATIONS times, after which `blocked` is true and the lens says so.
 */
export class FrameHost {
  private host: HTMLElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private sheet: HTMLStyleElement | null = null;
  private readonly token = newFrameToken();
  private readonly channel: LazyChannel<FrameMessage>;
  private state: FrameState | null = null;
  private recreations = 0;
  private observer: MutationObserver | null = null;
  private pageMarginSet: { property: string; value: string; priority: string } | null = null;
  /** The page keeps removing the panel: it cannot be shown. */
  blocked = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onRequest: (request: FrameRequest) => void,
  ) {
    this.channel = this.openChannel();
  }

  /** Creates the host if needed (or puts it back); false when the page will not have it. */
  ensure(): boolean {
    if (this.blocked || this.ctx.isInvalid) return false;
    if (!this.host) this.create();
    else if (!this.host.isConnected) this.reattach();
    return !this.blocked;
  }

  visible(): boolean {
    const host = this.host;
    if (!host || !host.isConnected || this.blocked) return false;
    const rect = host.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(host).visibility !== 'hidden';
  }

  get element(): HTMLElement | null {
    return this.host;
  }

  /** Sends the frame what to draw, and lays the page out around it. */
  show(state: FrameState): void {
    this.state = state;
    if (!this.ensure()) return;
    this.layout(state);
    this.post({ type: 'state', state });
  }

  /** Gives the frame keyboard focus (the panel was opened by a command, the skip link). */
  focus(): void {
    this.iframe?.focus();
  }

  /** Would an open panel cover the article here (narrow window)? */
  overlays(width: number): boolean {
    return window.innerWidth - width < MIN_ARTICLE_WIDTH;
  }

  destroy(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.channel.close();
    this.restorePageMargin();
    this.host?.remove();
    this.host = null;
    this.iframe = null;
  }

  private create(): void {
    const host = document.createElement(hostName());
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = document.createElement('style');
    const iframe = document.createElement('iframe');
    iframe.src = `${browser.runtime.getURL(FRAME_PATH as '/lens-frame.html')}#${this.token}`;
    iframe.title = 'Thesis Lens';
    // The frame's own page is trusted; it needs no powers from the embedding page.
    iframe.setAttribute('allow', '');
    root.append(sheet, iframe);
    this.host = host;
    this.iframe = iframe;
    this.sheet = sheet;
    document.documentElement.append(host);
    this.watch();
    this.channel.open();
  }

  /** The page removed or moved the host: put it back (the iframe reloads and reconnects). */
  private reattach(): void {
    if (!this.host) return;
    this.recreations += 1;
    if (this.recreations > MAX_RECREATIONS) {
      this.blocked = true;
      this.observer?.disconnect();
      this.restorePageMargin();
      return;
    }
    document.documentElement.append(this.host);
  }

  private watch(): void {
    this.observer?.disconnect();
    this.observer = new MutationObserver(() => {
      if (this.host && this.host.parentNode !== document.documentElement && !this.blocked) {
        this.reattach();
        if (this.state && !this.blocked) this.layout(this.state);
      }
    });
    this.observer.observe(document.documentElement, { childList: true });
  }

  /**
   * The channel to the frame through the background (lib/lens/frame-relay.ts), held only while
   * there is something to say (lib/lens/lazy-channel.ts): when an idle background ends it, the
   * next state reconnects it and wakes the frame. The frame's 'ready' (or the background's, on
   * its behalf) is answered with the latest state; nothing else waits in a queue.
   */
  private openChannel(): LazyChannel<FrameMessage> {
    // The frame asks the lens to connect when the reader acts in it while both were asleep.
    // Only the frame's own window counts; the word carries nothing, so at worst it connects.
    this.ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (event.data === WAKE_WORD && this.iframe && event.source === this.iframe.contentWindow) this.channel.open();
    });
    return lazyChannel<FrameRequest, FrameMessage>({
      connect: () => browser.runtime.connect({ name: `${HOST_PORT_PREFIX}${this.token}` }) as RelayPort,
      onMessage: (message) => {
        if (message?.type === 'ready') {
          if (this.state) this.post({ type: 'state', state: this.state });
          return;
        }
        this.onRequest(message);
      },
      wake: () => this.iframe?.contentWindow?.postMessage(WAKE_WORD, '*'),
      fromPeer: (message) => message?.type === 'ready',
      alive: () => !this.ctx.isInvalid && this.host !== null,
      queue: false,
    });
  }

  private post(message: FrameMessage): void {
    this.channel.send(message);
  }

  private layout(state: FrameState): void {
    const side = state.prefs.side;
    const width = state.open ? Math.min(state.prefs.width, Math.max(RAIL_WIDTH, window.innerWidth - 40)) : RAIL_WIDTH;
    if (this.sheet) {
      this.sheet.textContent = [
        `:host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important; bottom: 0 !important;`,
        ` ${side}: 0 !important; ${side === 'right' ? 'left' : 'right'}: auto !important; width: ${width}px !important; height: 100vh !important;`,
        ` z-index: 2147483646 !important; visibility: visible !important; opacity: 1 !important; transform: none !important; }`,
        `iframe { display: block; border: 0; width: 100%; height: 100%; color-scheme: normal; background: transparent; }`,
      ].join('');
    }
    // Side by side when there is room: the page gives up the panel's width. Overlay: only the rail's.
    this.setPageMargin(side, state.open && !state.overlay ? width : RAIL_WIDTH);
  }

  private setPageMargin(side: 'left' | 'right', px: number): void {
    const style = document.documentElement.style;
    const property = `margin-${side}`;
    if (this.pageMarginSet && this.pageMarginSet.property !== property) this.restorePageMargin();
    if (!this.pageMarginSet) this.pageMarginSet = { property, value: style.getPropertyValue(property), priority: style.getPropertyPriority(property) };
    style.setProperty(property, `${px}px`, 'important');
  }

  private restorePageMargin(): void {
    const saved = this.pageMarginSet;
    if (!saved) return;
    const style = document.documentElement.style;
    if (saved.value) style.setProperty(saved.property, saved.value, saved.priority);
    else style.removeProperty(saved.property);
    this.pageMarginSet = null;
  }
}

/**
 * Our element name, unless the page defined it first (its constructor would run on our host
 * and could take its shadow root): then a random one nobody can have defined.
 */
function hostName(): string {
  const probe = document.createElement(HOST_NAME);
  if (!probe.matches(':defined')) return HOST_NAME;
  return `${HOST_NAME}-${newFrameToken().slice(0, 12)}`;
}
