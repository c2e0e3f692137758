import type { Stance } from '@/lib/pack/schema';
import type { Claim } from '@/lib/pipeline/types';
import type { ClaimView, ItemView, LensView } from './model';

/**
 * The analyst's note over a lens view: what the article does to the thesis, the two orders
 * and the filters. Pure data, no DOM.
 */

/** Why a link was made, when the linker says (the pipeline adds it to each ClaimLink; optional until then). */
export interface LinkReasons {
  subject?: string;
  event?: string;
  direction?: 'up' | 'down';
  negated?: boolean;
  hedged?: boolean;
  words: string[];
  modelScore?: number;
  linkScore?: number;
}

export function reasonsOf(claim: Claim, itemId: string): LinkReasons | undefined {
  const link = claim.items.find((candidate) => candidate.id === itemId) as { reasons?: LinkReasons } | undefined;
  return link?.reasons;
}

export type NoteFilter = 'all' | 'challenges' | 'figures';
export type NoteOrder = 'item' | 'reading';

export interface NoteSummary {
  items: number;
  claims: number;
  supports: number;
  challenges: number;
  /** Figures that differ from the checklist's, and figures newer than it. */
  differs: number;
  newer: number;
}

/** The stance a sentence takes: its first (strongest) link's. */
export function claimStance(claim: Claim): Stance {
  return claim.items[0]?.stance ?? 'neutral';
}

function hasFigureConflict(claim: Claim): boolean {
  return claim.checks.some((check) => check.verdict === 'differs' || check.verdict === 'newer');
}

function keep(filter: NoteFilter, claim: Claim, stance: Stance): boolean {
  if (filter === 'challenges') return stance === 'challenges';
  if (filter === 'figures') return hasFigureConflict(claim);
  return true;
}

export function summarize(view: LensView): NoteSummary {
  const claims = [...view.claims.values()];
  const items = new Set(view.theses.flatMap((thesis) => thesis.touched.map((item) => `${item.thesisId}/${item.id}`)));
  return {
    items: items.size,
    claims: claims.length,
    supports: claims.filter((c) => claimStance(c.claim) === 'supports').length,
    challenges: claims.filter((c) => claimStance(c.claim) === 'challenges').length,
    differs: claims.reduce((n, c) => n + c.claim.checks.filter((check) => check.verdict === 'differs').length, 0),
    newer: claims.reduce((n, c) => n + c.claim.checks.filter((check) => check.verdict === 'newer').length, 0),
  };
}

/** The view with only the claims the filter keeps (items left without claims fold away with the others). */
export function filterView(view: LensView, filter: NoteFilter): LensView {
  if (filter === 'all') return view;
  const theses = view.theses.map((thesis) => {
    const items: ItemView[] = [...thesis.touched, ...thesis.untouched].map((item) => ({ ...item, claims: item.claims.filter((c) => keep(filter, c.claim, c.stance)) }));
    return { ...thesis, touched: items.filter((item) => item.claims.length > 0), untouched: items.filter((item) => item.claims.length === 0) };
  });
  const claims = new Map([...view.claims].filter(([, c]) => keep(filter, c.claim, claimStance(c.claim))));
  return { theses, claims, itemsOfClaim: view.itemsOfClaim };
}

/** One card per sentence, in the article's order, with the items it touches. */
export function readingOrder(view: LensView, filter: NoteFilter): Array<{ claim: ClaimView; items: ItemView[] }> {
  return [...view.claims.values()]
    .filter((c) => keep(filter, c.claim, claimStance(c.claim)))
    .sort((a, b) => (a.claim.start ?? 0) - (b.claim.start ?? 0))
    .map((claim) => ({ claim, items: view.itemsOfClaim.get(claim.key) ?? [] }));
}
