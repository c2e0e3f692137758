import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ArticleNovelty, ItemEvidence } from '@/lib/evidence/schema';
import { formatDate } from '../status/labels';

/**
 * The reading log in the panel: for the article's items, the evidence read since their latest
 * status in one line, and what this article adds that no earlier one did (a first source, a
 * figure nobody reported). The frame asks the background (`evidence/page`, which takes the
 * article from the sender tab) through `load`; the item cards and the note read the answer
 * from a context, so the panel's own components need one line each. No browser API here: the
 * item card imports this module wherever it is rendered.
 */

export interface PageEvidence {
  novelty: ArticleNovelty | null;
  items: ItemEvidence[];
}

const PageEvidenceContext = createContext<PageEvidence | null>(null);

/** Asks for the page's evidence when the panel opens and whenever the article's results change (`version`). */
export function EvidenceProvider({ version, load, children }: { version: unknown; load: () => Promise<PageEvidence>; children: ComponentChildren }) {
  const [evidence, setEvidence] = useState<PageEvidence | null>(null);
  useEffect(() => {
    let stale = false;
    load()
      .then((answer) => !stale && setEvidence(answer))
      // The log is off or cannot answer: the panel shows what it did before, nothing more.
      .catch(() => !stale && setEvidence(null));
    return () => {
      stale = true;
    };
  }, [version]);
  return <PageEvidenceContext.Provider value={evidence}>{children}</PageEvidenceContext.Provider>;
}

/** "2 sites" or "1 site". */
function sitesText(sites: number): string {
  return sites === 1 ? t('readinglog_ev_oneSite') : t('readinglog_ev_nSites', sites);
}

/** "Since 12 Jan 2026: 3 support (2 sites), 1 challenge (1 site)", a side with nothing left out; null when nothing was read. */
export function evidenceLine(evidence: ItemEvidence | undefined): string | null {
  if (!evidence || evidence.supports.length + evidence.challenges.length === 0) return null;
  const parts: string[] = [];
  if (evidence.supports.length) parts.push(t('readinglog_panel_supports', evidence.supports.length, sitesText(evidence.supportSites)));
  if (evidence.challenges.length) parts.push(t('readinglog_panel_challenges', evidence.challenges.length, sitesText(evidence.challengeSites)));
  const counts = parts.join(t('readinglog_panel_join'));
  return evidence.since ? t('readinglog_panel_line', formatDate(evidence.since), counts) : t('readinglog_panel_lineAll', counts);
}

/** One item's evidence since its latest status, under its status line in the panel. */
export function ItemEvidenceLine({ itemId }: { itemId: string }) {
  const evidence = useContext(PageEvidenceContext);
  const line = evidenceLine(evidence?.items.find((item) => item.itemId === itemId));
  if (!line) return null;
  return (
    <p class="tl-item__note tl-item__evidence" data-testid="panel-evidence">
      {line}
    </p>
  );
}

/** What this article adds to what was read before, at the top of the panel. */
export function ArticleNoveltyNote({ titleOf, measureLabel = (_itemId, measure) => measure }: { titleOf: (itemId: string) => string; measureLabel?: (itemId: string, measure: string) => string }) {
  const novelty = useContext(PageEvidenceContext)?.novelty;
  if (!novelty || novelty.newSourceFor.length + novelty.newFigures.length === 0) return null;
  return (
    <ul class="tl-note tl-note__figures" role="list" aria-label={t('readinglog_panel_heading')} data-testid="panel-novelty" style={{ listStyle: 'none', padding: 0 }}>
      {novelty.newSourceFor.length ? <li>{t('readinglog_panel_newSource', novelty.newSourceFor.map(titleOf).join(t('readinglog_panel_listJoin')))}</li> : null}
      {novelty.newFigures.map((figure, index) => {
        const label = measureLabel(figure.itemId, figure.measure);
        return <li key={`f${index}`}>{t('readinglog_panel_newFigure', figure.figure, figure.period ? `${label}, ${formatDate(figure.period)}` : label)}</li>;
      })}
    </ul>
  );
}
