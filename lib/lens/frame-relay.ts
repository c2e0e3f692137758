/**
 * The background's half of the lens's channel: it pairs the lens in a page (the "host") with
 * the panel's frame that lens created, by the frame's token, and passes their messages along.
 *
 * Why through the background rather than a port straight from the content script to the
 * frame: in Firefox an extension page framed in a web page runs with content-script-level
 * APIs, and a `runtime.connect` from a content script never reaches its `runtime.onConnect`
 * (Mozilla's answer in w3c/webextensions#35). In Chromium it does; in Firefox the frame
 * stayed blank. Both ends connecting to the background works in both browsers, so there is
 * one path.
 *
 * Only this extension's own contexts can open a runtime port (no `externally_connectable`), so
 * a page script can be neither end. The background tells the ends apart from the browser's
 * `sender` (a content script in a web page; our frame's address), never from the message.
 * Both ends of a pair must be in the same tab; a newcomer for a taken end replaces it (the
 * frame reloads when the page moves the host; the host reconnects after the background
 * restarted).
 */

/** What the relay needs of a `runtime.Port`. */
export interface RelayPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export type RelayEnd = 'host' | 'frame';

/** The port names: the end, then the frame's token. */
export const HOST_PORT_PREFIX = 'tl-lens-host:';
export const FRAME_PORT_PREFIX = 'tl-lens-frame:';

/** Which end and which token a port's name says, or null for a port that is not the lens's. */
export function relayEndOf(name: string): { end: RelayEnd; token: string } | null {
  const match = /^tl-lens-(host|frame):([0-9a-f]{32})$/.exec(name);
  return match ? { end: match[1] as RelayEnd, token: match[2]! } : null;
}

interface Pair {
  tabId: number;
  host: RelayPort | null;
  frame: RelayPort | null;
}

/** Sent to the host when its frame is connected and listening (the frame's own 'ready', or on its behalf). */
const READY = { type: 'ready' } as const;

export class FrameRelay {
  private readonly pairs = new Map<string, Pair>();

  /** Open pairs (for tests: nothing is kept once both ends are gone). */
  get size(): number {
    return this.pairs.size;
  }

  /**
   * Takes a port the browser says came from `tabId`. False (and the port is closed) when the
   * token is already paired in another tab.
   */
  accept(port: RelayPort, end: RelayEnd, token: string, tabId: number): boolean {
    let pair = this.pairs.get(token);
    if (pair && pair.tabId !== tabId) {
      safely(() => port.disconnect());
      return false;
    }
    if (!pair) {
      pair = { tabId, host: null, frame: null };
      this.pairs.set(token, pair);
    }
    const current = pair;
    const previous = current[end];
    current[end] = port;
    if (previous) safely(() => previous.disconnect());

    port.onMessage.addListener((message) => {
      if (current[end] !== port) return;
      const other = end === 'host' ? current.frame : current.host;
      if (other) safely(() => other.postMessage(message));
    });
    port.onDisconnect.addListener(() => {
      if (current[end] !== port) return;
      current[end] = null;
      // The lens left the page (or reloads): the frame has nothing to draw for now. It keeps
      // its last picture and reconnects; a lens that comes back is paired with it again.
      if (!current.host && !current.frame && this.pairs.get(token) === current) this.pairs.delete(token);
    });
    // A host that arrives after its frame is told at once that the frame is listening.
    if (end === 'host' && current.frame) safely(() => port.postMessage(READY));
    return true;
  }
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // The other end went away meanwhile; its onDisconnect tidies up.
  }
}
