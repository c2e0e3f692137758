import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '@/lib/ext/page-messaging';
import { t } from '@/lib/i18n';
import type { ClaimKey, ClaimView, ItemView } from '@/components/sidebar/model';
import type { ExtraSection, LensActions } from '@/components/sidebar/types';
import { currentClipper, type Clipper } from './clipper-api';
import { EMPTY_PAGE_CLIPPINGS, type PageClippingsState } from './model';
import { PageClippingsSection } from './PageClippingsSection';

export interface LensClippings {
  /** "Save" on claim cards and the highlight card. */
  actions: Required<Pick<LensActions, 'onSaveClaim'>>;
  /** "Saved from this page" at the end of the sidebar. */
  section: ExtraSection;
  /** The page's topics as the lens found them (stored with clippings saved here). */
  setTopics(topics: readonly string[]): void;
  /** True when the claim's sentence is saved as a clipping on this page (its Save button says "Saved"). */
  isClaimSaved(claim: ClaimView): boolean;
  /** The page's clippings as the section shows them (the lens draws them in its frame). */
  state(): PageClippingsState;
  show(id: string): void;
  openLibrary(): void;
}

/** After the background injected the clipper: it registers within a few tasks. */
const WAIT_STEPS_MS = [0, 50, 100, 200, 400, 800];

/**
 * The page's clipper for the lens: the one running, or the one the background injects now
 * (`content-scripts/clipper.js` is the only bundle that holds the clipper's code; the lens
 * bundles just this connector). Null where no clipper can run.
 */
export async function attachClipper(): Promise<Clipper | null> {
  const running = currentClipper();
  if (running) return running;
  await request('clippings/attach', {}).catch(() => ({ attached: false }));
  for (const delay of WAIT_STEPS_MS) {
    const clipper = currentClipper();
    if (clipper) return clipper;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return currentClipper();
}

/**
 * What the lens needs to offer clippings: one call, the things to pass on (see LensClippings).
 * The clipper itself (dialog, highlights, the Save button beside a selection) runs in its own
 * script; this connects to it.
 */
export function connectLensClippings(
  ctx: ContentScriptContext,
  lens: {
    /** Draw the sidebar again (the section's data changed). */
    rerender: () => void;
    /** The claim's Range in the page, when the lens has one. */
    rangeOfClaim: (key: ClaimKey) => Range | null;
    /** Where focus goes back after the save dialog closes (the lens's own Save button). */
    returnFocus?: () => void;
  },
): LensClippings {
  let state: PageClippingsState = EMPTY_PAGE_CLIPPINGS;
  let topics: readonly string[] = [];
  let clipper: Clipper | null = null;
  const ready = attachClipper().then((attached) => {
    if (!attached || ctx.isInvalid) return null;
    clipper = attached;
    clipper.setPageContext({ topics });
    const unsubscribe = clipper.subscribe((next) => {
      state = next;
      lens.rerender();
    });
    ctx.onInvalidated(unsubscribe);
    return clipper;
  });
  return {
    actions: {
      onSaveClaim: (claim: ClaimView, item: ItemView | undefined) => {
        const links = claim.claim.items;
        const stance = links.find((link) => link.id === item?.id)?.stance ?? links[0]?.stance ?? 'neutral';
        void ready.then((running) =>
          running?.saveClaim({
            quote: claim.claim.text,
            range: lens.rangeOfClaim(claim.key),
            items: links.map((link) => ({ thesisId: claim.thesisId, itemId: link.id })),
            stance,
            returnFocus: lens.returnFocus,
          }),
        );
      },
    },
    section: {
      id: 'clippings',
      get title() {
        return t('clipper_sectionTitle');
      },
      render: () => <PageClippingsSection state={state} onShow={(id) => clipper?.show(id)} onOpenLibrary={() => clipper?.openLibrary()} />,
    },
    setTopics: (next) => {
      topics = [...next];
      clipper?.setPageContext({ topics });
    },
    isClaimSaved: (claim) => clipper?.isSaved(claim.claim.text) ?? false,
    state: () => state,
    show: (id) => clipper?.show(id),
    openLibrary: () => clipper?.openLibrary(),
  };
}
