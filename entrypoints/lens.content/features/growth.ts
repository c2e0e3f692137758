import type { LensFeature } from '../feature';

/** New text (characters) that makes a rescan worthwhile: a paragraph, not a clock or an ad label. */
const GROWTH_CHARS = 300;
const GROWTH_DEBOUNCE_MS = 800;

/**
 * Rescans when the article's text grows (late rendering, "read more"): debounced, and within
 * the tab's rescan budget (the shell's). Watches from the end of the first scan.
 */
export const growth: LensFeature = {
  name: 'growth',
  start(lens, signal) {
    let grown = 0;
    let timer: number | undefined;
    let observer: MutationObserver | null = null;

    const onMutations = (records: MutationRecord[]) => {
      for (const record of records) {
        if (grown >= GROWTH_CHARS) break;
        if (record.type === 'characterData') {
          grown += Math.max(0, (record.target as CharacterData).data.length - (record.oldValue?.length ?? 0));
          continue;
        }
        for (const node of record.addedNodes) {
          if (lens.isOwnNode(node)) continue;
          if (node.nodeType !== 1 && node.nodeType !== 3) continue;
          grown += node.textContent?.length ?? 0;
          if (grown >= GROWTH_CHARS) break;
        }
      }
      if (grown < GROWTH_CHARS) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = lens.ctx.setTimeout(() => {
        timer = undefined;
        grown = 0;
        lens.rescan('grew');
      }, GROWTH_DEBOUNCE_MS);
    };

    lens.on(
      'scanned',
      () => {
        if (observer || signal.aborted) return;
        observer = new MutationObserver(onMutations);
        observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true, characterDataOldValue: true });
      },
      signal,
    );
    // Our own <mark> wrappers (fallback) and skip link are not page growth.
    lens.on('painted', () => void observer?.takeRecords(), signal);
    lens.on('navigated', () => void (grown = 0), signal);
    signal.addEventListener('abort', () => {
      observer?.disconnect();
      observer = null;
      if (timer !== undefined) clearTimeout(timer);
    });
  },
};
