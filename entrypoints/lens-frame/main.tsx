import browser from 'webextension-polyfill';
import { render } from 'preact';
import { tokenFromHash, type FrameMessage, type FrameRequest } from '@/lib/lens/frame-protocol';
import { FrameApp } from '@/components/sidebar/FrameApp';
import { FRAME_PORT_PREFIX, type RelayPort } from '@/lib/lens/frame-relay';
import { lazyChannel, WAKE_WORD } from '@/lib/lens/lazy-channel';
import statusCss from '@/components/status/status.css?inline';
import sidebarCss from '@/components/sidebar/sidebar.css?inline';
import statusFormCss from '@/components/checklist/status-update-form.css?inline';
import frameCss from '@/components/sidebar/frame.css?inline';

/**
 * The reading panel and the rail, as an extension page in an iframe the lens puts beside the
 * article (lib/lens/frame-protocol.ts says why). It draws what the lens in the page sends
 * over a `runtime.connect` port named with this frame's token, which the background pairs with
 * the lens's own port, and reads and writes the checklist through the background like any
 * extension page. Page scripts can post messages to this window; the only one it heeds is the
 * bare word asking it to connect, which carries nothing and reveals nothing.
 */
const style = document.createElement('style');
// The sidebar's styles were written for a shadow root: its :host is this document's root.
style.textContent = [statusCss, sidebarCss.replaceAll(':host', ':root'), statusFormCss, frameCss].join('\n');
document.head.append(style);

const token = tokenFromHash(location.hash);
const app = document.getElementById('app')!;

/**
 * The channel to the lens that made this frame, through the background (same token, same
 * tab; lib/lens/frame-relay.ts), held only while there is something to say
 * (lib/lens/lazy-channel.ts). When an idle background ends it, the panel keeps its picture;
 * the reader's next action reconnects it and wakes the lens, and the lens's next state
 * reconnects it from the other side.
 */
function start(token: string): void {
  const channel = lazyChannel<FrameMessage, FrameRequest>({
    connect: () => browser.runtime.connect({ name: `${FRAME_PORT_PREFIX}${token}` }) as RelayPort,
    onMessage: (message) => {
      if (message?.type !== 'state') return;
      try {
        render(<FrameApp state={message.state} send={channel.send} />, app);
      } catch (error) {
        // Said, not hidden: a panel that cannot draw shows why.
        app.textContent = `Thesis Lens could not draw its panel: ${error instanceof Error ? error.message : String(error)}`;
        app.setAttribute('role', 'alert');
      }
    },
    // The lens's window is the page's: the word carries nothing the page does not know.
    wake: () => window.parent.postMessage(WAKE_WORD, '*'),
    fromPeer: (message) => message?.type === 'state',
    // Tells the lens this frame is listening (the background passes it on, or says it for us
    // when the lens connects later).
    greeting: { type: 'ready' },
  });
  // The lens asks the frame to connect when it has a new picture while both were asleep. Any
  // window can post this word; it only makes the frame connect, which it may anyway.
  window.addEventListener('message', (event) => {
    if (event.data === WAKE_WORD) channel.open();
  });
  channel.open();
}

if (token) start(token);
