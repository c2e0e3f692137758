import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { ArticleNovelty, ItemEvidence } from '@/lib/evidence/schema';
import type { Item } from '@/lib/pack/schema';
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

/** Whether a source's site is the page's own (the log names sites by registrable domain: "reuters.com"). */
function sameSite(pageUrl: string, site: string): boolean {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return false;
  }
  return host === site || host.endsWith(`.${site}`);
}

/** Figures listed at most; the rest are counted. */
const MAX_FIGURES = 3;

export interface NoveltyProps {
  /** The article's address: what "another site" is measured against. */
  pageUrl: string;
  /** The checklist's items (the enabled theses'): their titles, key figures and labels. */
  items: ReadonlyArray<Pick<Item, 'id' | 'title' | 'figures'>>;
}

/**
 * What this article adds to what was read before, at the top of the panel. Only against other
 * reading: the first article on a story is not "a new source", and a figure the checklist
 * already holds is not "one no one reported"; a long list of figures is cut to the first few.
 */
export function ArticleNoveltyNote({ pageUrl, items }: NoveltyProps) {
  const evidence = useContext(PageEvidenceContext);
  const itemOf = (itemId: string) => items.find((item) => item.id === itemId);
  const titleOf = (itemId: string) => itemOf(itemId)?.title ?? itemId;
  const measureLabel = (itemId: string, measure: string) => itemOf(itemId)?.figures.find((figure) => figure.measure === measure)?.label ?? measure;
  // A figure whose measure and period the checklist holds is not news, whatever the log says.
  const isKnownFigure = (itemId: string, measure: string, period: string | null) => Boolean(itemOf(itemId)?.figures.some((figure) => figure.measure === measure && figure.periodEnd === period));
  const novelty = evidence?.novelty;
  if (!evidence || !novelty) return null;
  const othersOn = (itemId: string) => {
    const item = evidence.items.find((entry) => entry.itemId === itemId);
    return Boolean(item && [...item.supports, ...item.challenges].some((claim) => !sameSite(pageUrl, claim.source.site)));
  };
  const otherReading = evidence.items.some((item) => othersOn(item.itemId));
  if (!otherReading) return null;
  const newSources = novelty.newSourceFor.filter(othersOn);
  const figures = novelty.newFigures.filter((figure) => !isKnownFigure(figure.itemId, figure.measure, figure.period));
  if (newSources.length + figures.length === 0) return null;
  return (
    <ul class="tl-note tl-note__figures" role="list" aria-label={t('readinglog_panel_heading')} data-testid="panel-novelty" style={{ listStyle: 'none', padding: 0 }}>
      {newSources.length ? <li>{t('readinglog_panel_newSource', newSources.map(titleOf).join(t('readinglog_panel_listJoin')))}</li> : null}
      {figures.slice(0, MAX_FIGURES).map((figure, index) => {
        const label = measureLabel(figure.itemId, figure.measure);
        return <li key={`f${index}`}>{t('readinglog_panel_newFigure', figure.figure, figure.period ? `${label}, ${formatDate(figure.period)}` : label)}</li>;
      })}
      {figures.length > MAX_FIGURES ? <li>{t('readinglog_panel_moreFigures', figures.length - MAX_FIGURES)}</li> : null}
    </ul>
  );
}
