import type { RelayPort } from './frame-relay';

/**
 * One end of the lens's channel (the lens in the page, or the panel's frame) that holds its
 * port to the background only while there is something to say.
 *
 * Why: the two ends meet through the background (frame-relay.ts). An idle service worker
 * (Chromium, about 30 s) or event page ends both ports; reconnecting at once would start it
 * again every half minute for as long as a lens tab is open. So an end whose port closed stays
 * closed; the next message it has to send connects it, queues the message, and wakes the
 * other end (a bare `postMessage` between the page and the frame: a word with no data, which
 * at worst makes an end connect). Queued messages go out once the other end shows it is
 * there.
 */
export interface LazyChannelOptions<In, Out> {
  connect(): RelayPort;
  onMessage(message: In): void;
  /** Asks the other end to connect too (it may already be). */
  wake(): void;
  /** Does this message show the other end is connected (its 'ready', its state)? */
  fromPeer(message: In): boolean;
  /** Sent first on every connection (the frame says it is listening). */
  greeting?: Out;
  /** False once the end is gone for good (the content script's context invalidated). */
  alive?(): boolean;
  /**
   * Keep what is sent before the other end is there (default). The lens says false: it sends
   * only states, and answers the other end's 'ready' with its latest one.
   */
  queue?: boolean;
}

export interface LazyChannel<Out> {
  /** Connects now (on start, or when the other end asked). Does nothing when connected. */
  open(): void;
  /** Sends, connecting and waking the other end first when the port has closed. */
  send(message: Out): void;
  close(): void;
  readonly connected: boolean;
}

/** At most this many messages wait for the other end; the oldest go first. */
const QUEUE_LIMIT = 20;

export function lazyChannel<In, Out>(options: LazyChannelOptions<In, Out>): LazyChannel<Out> {
  let port: RelayPort | null = null;
  let peer = false;
  const queue: Out[] = [];

  const post = (message: Out) => {
    try {
      port?.postMessage(message);
    } catch {
      // The background went away meanwhile; onDisconnect closes the port.
    }
  };

  const open = () => {
    if (port || options.alive?.() === false) return;
    const current = options.connect();
    port = current;
    peer = false;
    current.onMessage.addListener((raw) => {
      if (port !== current) return;
      const message = raw as In;
      if (!peer && options.fromPeer(message)) {
        peer = true;
        for (const waiting of queue.splice(0)) post(waiting);
      }
      options.onMessage(message);
    });
    current.onDisconnect.addListener(() => {
      if (port !== current) return;
      port = null;
      peer = false;
    });
    if (options.greeting !== undefined) post(options.greeting);
  };

  return {
    open,
    send(message) {
      if (port && peer) {
        post(message);
        return;
      }
      if (options.queue !== false) {
        queue.push(message);
        if (queue.length > QUEUE_LIMIT) queue.shift();
      }
      if (!port) {
        open();
        options.wake();
      }
    },
    close() {
      const current = port;
      port = null;
      peer = false;
      queue.length = 0;
      try {
        current?.disconnect();
      } catch {
        // already gone
      }
    },
    get connected() {
      return port !== null;
    },
  };
}

/** The word one end posts to the other's window to have it connect. Carries nothing else. */
export const WAKE_WORD = 'thesis-lens:connect';
