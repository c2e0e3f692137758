import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClipper } from './clipper';

/**
 * The clipper: the save dialog and the page's clippings (highlights, "not found" list).
 * Not in the manifest: the background injects it on demand (context menu, keyboard
 * command: activeTab) and when a page with clippings is revisited. The lens starts the same
 * code itself (`startClipper`), and one instance per page serves both.
 * CSS is inlined (`?inline`) into its shadow root, as the lens does, so that no extension
 * resource has to be web-accessible.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    startClipper(ctx);
  },
});
