import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { NEWS_MATCHES } from '@/lib/news-sites';
import { createGate, mainRoot, parseGateTerms, FALLBACK_GATE_TERMS, GATE_TERMS_KEY, GATE_SAMPLE_CHARS } from '@/lib/gate';
import type { RequestOf } from '@/lib/messages';

/** A page that is still rendering its text (a single-page app) gets one more look after this. */
const LATE_TEXT_DELAY_MS = 2500;
/** After a soft navigation, the new article's text usually arrives within this. */
const SOFT_NAVIGATION_DELAY_MS = 1000;

/**
 * The gate: on every news page, decide cheaply whether the page may be about an enabled
 * thesis and only then ask the background to inject the lens. On any other page it does
 * nothing visible: no messages, no observers (only WXT's navigation listener, for soft
 * navigation, and one bounded late look). It imports no zod, no Preact, no pipeline.
 */
export default defineContentScript({
  matches: NEWS_MATCHES,
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const stored = await browser.storage.local.get(GATE_TERMS_KEY).catch(() => ({}) as Record<string, unknown>);
    const look = createGate(parseGateTerms(stored[GATE_TERMS_KEY]) ?? FALLBACK_GATE_TERMS);
    let hitUrl = '';

    /**
     * The gate's decision for an address, once no other look will come for it: an explicit
     * signal for tests, in this isolated world only (page scripts cannot read it).
     */
    const decided = (decision: { relevant: boolean; injected?: boolean }) => {
      (globalThis as { __thesisLensGate?: unknown }).__thesisLensGate = { url: location.href, ...decision };
    };

    /** Looks at the page; asks for the lens on a hit. Returns how much text there was. */
    const lookAndAsk = (): number => {
      if (ctx.isInvalid || location.href === hitUrl) return Infinity;
      const { relevant, textLength } = look(document);
      if (!relevant) return textLength;
      hitUrl = location.href;
      const payload: RequestOf<'lens/gate-hit'> = { url: hitUrl };
      browser.runtime
        .sendMessage({ type: 'lens/gate-hit', payload })
        .then((reply: unknown) => decided({ relevant: true, injected: (reply as { data?: { injected?: boolean } } | undefined)?.data?.injected === true }))
        .catch(() => {
          // The background is being updated or reloaded: the next navigation tries again.
        });
      return textLength;
    };

    const lookNowAndOnceMore = () => {
      const firstLength = lookAndAsk();
      if (firstLength === Infinity || hitUrl === location.href) return;
      if (firstLength >= GATE_SAMPLE_CHARS) return decided({ relevant: false });
      const url = location.href;
      ctx.setTimeout(() => {
        if (location.href !== url || hitUrl === url) return;
        // Only worth a second look if the text grew (rendered late) since the first.
        if ((mainRoot(document)?.textContent?.length ?? 0) > firstLength) lookAndAsk();
        if (hitUrl !== url) decided({ relevant: false });
      }, LATE_TEXT_DELAY_MS);
    };

    lookNowAndOnceMore();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(lookNowAndOnceMore, SOFT_NAVIGATION_DELAY_MS);
    });
  },
});
