import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLens } from './lens';

/**
 * The lens: the sidebar and the inline highlights on a page the gate found relevant (or the
 * reader asked to annotate). Not listed in the manifest: the background injects it with
 * `scripting.executeScript({ files: ['/content-scripts/lens.js'] })`.
 *
 * The panel is an extension page in an iframe (frame-host.ts); the script itself loads no CSS
 * ('manual' makes WXT leave CSS to us).
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // WXT would otherwise announce this script's "started" event name to the page with
  // window.postMessage, handing page scripts what they need to replay it (see lens.tsx).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startLens(ctx);
  },
});
