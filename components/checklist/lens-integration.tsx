import type { ComponentChildren } from 'preact';
import { request } from '@/lib/ext/messaging';
import { today } from '@/lib/pack/status';
import { detectArticle } from '@/lib/pipeline/article';
import type { ClaimView, ItemView } from '../sidebar/model';
import type { LensActions } from '../sidebar/types';
import { SidebarStatusUpdate } from './SidebarStatusUpdate';
import type { StatusUpdateValue } from './StatusUpdateForm';

/**
 * What the lens needs to offer "Update status" (the checklist feature), in one call, like the
 * clippings' `connectLensClippings`: the action for item cards, and the dialog to draw over
 * the sidebar. Saving and undoing go to the background (the only writer); the lens then
 * rescans with the new packs, so the item's badge changes at once.
 */

export interface LensStatusUpdates {
  actions: Required<Pick<LensActions, 'onUpdateStatus'>>;
  /** The dialog when open, else null. */
  render: () => ComponentChildren;
}

interface OpenDialog {
  item: ItemView;
  claim?: ClaimView;
}

/** The article's publication date (YYYY-MM-DD), which dates a status update started from it. */
function articleDate(): string | null {
  try {
    return detectArticle(document, { url: location.href }).published;
  } catch {
    return null;
  }
}

export function connectLensStatusUpdates(lens: {
  /** Draw the lens UI again (the dialog opened or closed). */
  rerender: () => void;
  /** Read the packs again and rescan (a status changed). */
  rescan: () => void;
  /** Which side the sidebar is on, to put the dialog over it. */
  side: () => 'left' | 'right';
}): LensStatusUpdates {
  let open: OpenDialog | null = null;
  const close = () => {
    open = null;
    lens.rerender();
  };
  return {
    actions: {
      onUpdateStatus: (item, claim) => {
        open = { item, claim };
        lens.rerender();
      },
    },
    render: () => {
      if (!open) return null;
      const { item, claim } = open;
      const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
      return (
        <div class={lens.side() === 'left' ? 'tl-sidebar-update-host tl-sidebar-update-host--left' : 'tl-sidebar-update-host'}>
          <SidebarStatusUpdate
            key={`${item.thesisId}/${item.id}`}
            item={{ thesisId: item.thesisId, id: item.id, title: item.title, status: item.status }}
            claimText={claim?.claim.text}
            page={{ title: document.title || location.hostname, url: canonical && /^https?:/.test(canonical) ? canonical : location.href.split('#')[0]!, published: articleDate() }}
            today={today()}
            save={async (value: StatusUpdateValue) => {
              await request('checklist/add-status', { thesisId: item.thesisId, itemId: item.id, ...value });
              lens.rescan();
            }}
            undo={async () => {
              const { removed } = await request('checklist/undo-status', { thesisId: item.thesisId, itemId: item.id });
              if (!removed) throw new Error('Nothing to undo.');
              lens.rescan();
            }}
            onClose={close}
          />
        </div>
      );
    },
  };
}
