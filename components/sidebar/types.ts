import type { ComponentChildren } from 'preact';
import type { Stance } from '@/lib/pack/schema';
import type { ClaimView, ItemView } from './model';

/**
 * Extension points for features that plug into the reading UI. Each action is optional:
 * when absent, its button is not rendered at all (no dead controls).
 *
 * - `onSaveClaim(claim, item)`: save the claim as a clipping (the clippings feature). Shown on
 *   every claim card in the sidebar (with the item it is listed under) and on the highlight
 *   card (with the claim's first item).
 * - `onUpdateStatus(item, claim?)`: record a new status for a checklist item (the checklist
 *   feature). Shown on every item card; `claim` is set when started from a claim.
 */
/** A reader's correction of a claim (see lib/corrections). */
export type ClaimFix = { kind: 'not-claim' } | { kind: 'stance'; stance: Stance } | { kind: 'item'; toItemId: string };

export interface LensActions {
  /** Correct a claim where it is seen: not a claim, another stance, another item. */
  onCorrect?: (claim: ClaimView, itemId: string | undefined, fix: ClaimFix) => void;
  /** The items a claim may be moved to (its thesis's). */
  itemChoices?: (thesisId: string) => Array<{ id: string; title: string }>;
  onSaveClaim?: (claim: ClaimView, item: ItemView | undefined) => void;
  onUpdateStatus?: (item: ItemView, claim?: ClaimView) => void;
  /**
   * Folded items, kept by whoever outlives the panel (the frame keeps them for the page view,
   * across closing and opening the panel). Absent: each card keeps its own.
   */
  isCollapsed?: (item: ItemView) => boolean;
  onToggleItem?: (item: ItemView) => void;
}

/** An extra section at the end of the sidebar (e.g. "Saved from this page"). */
export interface ExtraSection {
  id: string;
  title: string;
  render: () => ComponentChildren;
}
