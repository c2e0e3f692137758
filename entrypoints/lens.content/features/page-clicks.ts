import type { LensFeature } from '../feature';

/**
 * The reader's clicks and keys in the page: a click on a highlighted claim opens its card in
 * the panel; a click elsewhere, or Escape, closes a panel that covers the article. Only the
 * reader's own input counts: page scripts can dispatch events, never trusted ones.
 */
export const pageClicks: LensFeature = {
  name: 'page-clicks',
  start(lens, signal) {
    document.addEventListener(
      'click',
      (event: MouseEvent) => {
        if (!event.isTrusted || lens.isOwnNode(event.target as Node)) return;
        const selection = document.getSelection();
        const selecting = selection ? !selection.isCollapsed : false;
        const key = selecting ? null : lens.claimAt(event.target, event.clientX, event.clientY);
        if (key) lens.openCard(key);
        else lens.closeOverlay();
      },
      { signal },
    );
    document.addEventListener(
      'keydown',
      (event: KeyboardEvent) => {
        if (event.isTrusted && event.key === 'Escape') lens.closeOverlay();
      },
      { signal },
    );
  },
};
