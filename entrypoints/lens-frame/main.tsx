import browser from 'webextension-polyfill';
import { render } from 'preact';
import { tokenFromHash, type FrameMessage, type FrameRequest } from '@/lib/lens/frame-protocol';
import { FrameApp } from '@/components/sidebar/FrameApp';
import { FRAME_PORT_PREFIX } from '@/lib/lens/frame-relay';
import statusCss from '@/components/status/status.css?inline';
import sidebarCss from '@/components/sidebar/sidebar.css?inline';
import statusFormCss from '@/components/checklist/status-update-form.css?inline';
import frameCss from '@/components/sidebar/frame.css?inline';

/**
 * The reading panel and the rail, as an extension page in an iframe the lens puts beside the
 * article (lib/lens/frame-protocol.ts says why). It draws what the lens in the page sends
 * over a `runtime.connect` port named with this frame's token, which the background pairs with
 * the lens's own port, and reads and writes the
 * checklist through the background like any extension page. Page scripts can post messages
 * to this window; it listens to none.
 */
const style = document.createElement('style');
// The sidebar's styles were written for a shadow root: its :host is this document's root.
style.textContent = [statusCss, sidebarCss.replaceAll(':host', ':root'), statusFormCss, frameCss].join('\n');
document.head.append(style);

const token = tokenFromHash(location.hash);
const app = document.getElementById('app')!;

/** Reconnections in a row without a state from the lens before the frame gives up and clears. */
const CONNECT_ATTEMPTS = 20;
const CONNECT_RETRY_MS = 250;

/**
 * The port to the background, which pairs it with the lens that made this frame (same token,
 * same tab; lib/lens/frame-relay.ts). When the background restarts the port closes: the panel
 * keeps its picture and connects again; the lens answers 'ready' with its state.
 */
function connect(token: string, attempt = 0): void {
  const port = browser.runtime.connect({ name: `${FRAME_PORT_PREFIX}${token}` });
  const send = (message: FrameRequest) => {
    try {
      port.postMessage(message);
    } catch {
      // The background went away; the reconnection below resends 'ready'.
    }
  };
  port.onMessage.addListener((raw: unknown) => {
    const message = raw as FrameMessage;
    if (message?.type !== 'state') return;
    attempt = 0;
    try {
      render(<FrameApp state={message.state} send={send} />, app);
    } catch (error) {
      // Said, not hidden: a panel that cannot draw shows why.
      app.textContent = `Thesis Lens could not draw its panel: ${error instanceof Error ? error.message : String(error)}`;
      app.setAttribute('role', 'alert');
    }
  });
  port.onDisconnect.addListener(() => {
    if (attempt >= CONNECT_ATTEMPTS) {
      render(null, app);
      return;
    }
    setTimeout(() => connect(token, attempt + 1), CONNECT_RETRY_MS);
  });
  // Tells the lens this frame is listening (the background passes it on, or says it for us
  // when the lens connects later).
  send({ type: 'ready' });
}

if (token) connect(token);
