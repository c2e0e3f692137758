import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageClippingsSection } from '@/components/clippings/PageClippingsSection';
import { EMPTY_PAGE_CLIPPINGS, type PageClippingsState } from '@/components/clippings/model';
import type { ClaimKey, ClaimView, ItemView } from '@/components/sidebar/model';
import type { ExtraSection, LensActions } from '@/components/sidebar/types';
import { startClipper } from './clipper';

export interface LensClippings {
  /** "Save" on claim cards and the highlight card. */
  actions: Required<Pick<LensActions, 'onSaveClaim'>>;
  /** "Saved from this page" at the end of the sidebar. */
  section: ExtraSection;
  /** The page's topics as the lens found them (stored with clippings saved here). */
  setTopics(topics: readonly string[]): void;
  /** The page's clippings as the section shows them (the lens draws them in its frame). */
  state(): PageClippingsState;
  show(id: string): void;
  openLibrary(): void;
}

/**
 * What the lens needs to offer clippings: one call, three things to pass on (see
 * LensClippings). The clipper itself (dialog, highlights, page clippings) is shared with the
 * injected clipper script, whichever started first.
 */
export function connectLensClippings(
  ctx: ContentScriptContext,
  lens: {
    /** Draw the sidebar again (the section's data changed). */
    rerender: () => void;
    /** The claim's Range in the page, when the lens has one. */
    rangeOfClaim: (key: ClaimKey) => Range | null;
  },
): LensClippings {
  const clipper = startClipper(ctx);
  let state: PageClippingsState = EMPTY_PAGE_CLIPPINGS;
  const unsubscribe = clipper.subscribe((next) => {
    state = next;
    lens.rerender();
  });
  ctx.onInvalidated(unsubscribe);
  return {
    actions: {
      onSaveClaim: (claim: ClaimView, item: ItemView | undefined) => {
        const links = claim.claim.items;
        const stance = links.find((link) => link.id === item?.id)?.stance ?? links[0]?.stance ?? 'neutral';
        clipper.saveClaim({
          quote: claim.claim.text,
          range: lens.rangeOfClaim(claim.key),
          items: links.map((link) => ({ thesisId: claim.thesisId, itemId: link.id })),
          stance,
        });
      },
    },
    section: {
      id: 'clippings',
      title: 'Saved from this page',
      render: () => <PageClippingsSection state={state} onShow={(id) => clipper.show(id)} onOpenLibrary={() => clipper.openLibrary()} />,
    },
    setTopics: (topics) => clipper.setPageContext({ topics }),
    state: () => state,
    show: (id) => clipper.show(id),
    openLibrary: () => clipper.openLibrary(),
  };
}
