import browser, { type Runtime } from 'webextension-polyfill';
import { render } from 'preact';
import { PORT_PREFIX, tokenFromHash, type FrameMessage, type FrameRequest } from '@/lib/lens/frame-protocol';
import { FrameApp } from '@/components/sidebar/FrameApp';
import statusCss from '@/components/status/status.css?inline';
import sidebarCss from '@/components/sidebar/sidebar.css?inline';
import statusFormCss from '@/components/checklist/status-update-form.css?inline';
import frameCss from '@/components/sidebar/frame.css?inline';

/**
 * The reading panel and the rail, as an extension page in an iframe the lens puts beside the
 * article (lib/lens/frame-protocol.ts says why). It draws what the lens in the page sends
 * over a `runtime.connect` port named with this frame's token, and reads and writes the
 * checklist through the background like any extension page. Page scripts can post messages
 * to this window; it listens to none.
 */
const style = document.createElement('style');
// The sidebar's styles were written for a shadow root: its :host is this document's root.
style.textContent = [statusCss, sidebarCss.replaceAll(':host', ':root'), statusFormCss, frameCss].join('\n');
document.head.append(style);

const token = tokenFromHash(location.hash);
const app = document.getElementById('app')!;

if (token) {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    // Only this extension's own contexts can open a runtime port; the token says it is this frame's lens.
    if (port.name !== `${PORT_PREFIX}${token}` || port.sender?.id !== browser.runtime.id) return;
    const send = (message: FrameRequest) => {
      try {
        port.postMessage(message);
      } catch {
        // The page went away.
      }
    };
    port.onMessage.addListener((raw: unknown) => {
      const message = raw as FrameMessage;
      if (message?.type !== 'state') return;
      try {
        render(<FrameApp state={message.state} send={send} />, app);
      } catch (error) {
        // Said, not hidden: a panel that cannot draw shows why.
        app.textContent = `Thesis Lens could not draw its panel: ${error instanceof Error ? error.message : String(error)}`;
        app.setAttribute('role', 'alert');
      }
    });
    port.onDisconnect.addListener(() => render(null, app));
    // Tells the lens this port reached its frame (it reconnects until it hears this).
    send({ type: 'ready' });
  });
}
