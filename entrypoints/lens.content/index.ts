import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLens } from './lens';

/**
 * The lens: the sidebar and the inline highlights on a page the gate found relevant (or the
 * reader asked to annotate). Not listed in the manifest: the background injects it with
 * `scripting.executeScript({ files: ['/content-scripts/lens.js'] })`.
 *
 * CSS is inlined into the shadow root (`?inline` imports, see lens.tsx) rather than loaded by
 * WXT's `cssInjectionMode: 'ui'`: for a runtime-registered script WXT would list the CSS file
 * in web_accessible_resources with no `matches`, so the fetch would fail (and a fetchable
 * resource would let pages detect the extension). 'manual' makes WXT leave CSS to us.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    startLens(ctx);
  },
});
