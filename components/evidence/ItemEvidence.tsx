import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { CandidateFigure, EvidenceClaim, EvidenceSource, FigureConflict, ItemEvidence, StatusSuggestion, ThesisEvidence } from '@/lib/evidence/schema';
import { STANCE_LABELS, STATUS_LABELS, formatDate } from '../status/labels';
import { StanceMark } from '../status/StatusBadge';

/**
 * What the reading log says about one checklist item, on the checklist page: the claims read
 * since its latest status (supports and challenges, each with its source and date, and how
 * many separate sites), sources that disagree on a figure side by side, newer key figures to
 * add, and the suggested status with its rule and basis. It renders what it is given; the
 * page asks the background for every change.
 */

export interface EvidenceActions {
  onApply: (suggestion: StatusSuggestion) => Promise<void>;
  onDismiss: (suggestion: StatusSuggestion) => Promise<void>;
  onAddFigure: (candidate: CandidateFigure) => Promise<void>;
}

export interface ItemEvidenceProps extends EvidenceActions {
  itemTitle: string;
  /** Used for element ids (unique on the page). */
  idPrefix: string;
  evidence: ItemEvidence | undefined;
  conflicts: readonly FigureConflict[];
  candidates: readonly CandidateFigure[];
  suggestion: StatusSuggestion | undefined;
  /** The key figure's label for a measure id ("cloud-revenue-yoy" → "Alibaba Cloud revenue growth, year over year"). */
  measureLabel?: (measure: string) => string;
}

/** The rule that fired, in words: its own sentence when the catalogue has one, else the general rule. */
export function ruleText(rule: string): string {
  const key = `readinglog_rule_${rule.replace(/[^A-Za-z0-9_]/g, '_')}` as MessageKey;
  const text = t(key);
  return text && text !== key ? text : t('readinglog_ev_ruleGeneric');
}

/** The props of one item's evidence, picked out of the thesis's evidence. */
export function evidenceOfItem(thesis: ThesisEvidence, itemId: string): Pick<ItemEvidenceProps, 'evidence' | 'conflicts' | 'candidates' | 'suggestion'> {
  return {
    evidence: thesis.items.find((item) => item.itemId === itemId),
    conflicts: thesis.conflicts.filter((conflict) => conflict.itemId === itemId),
    candidates: thesis.candidates.filter((candidate) => candidate.itemId === itemId),
    suggestion: thesis.suggestions.find((suggestion) => suggestion.itemId === itemId),
  };
}

export function hasEvidence(props: Pick<ItemEvidenceProps, 'evidence' | 'conflicts' | 'candidates' | 'suggestion'>): boolean {
  return Boolean(props.suggestion || props.conflicts.length || props.candidates.length || (props.evidence && props.evidence.supports.length + props.evidence.challenges.length > 0));
}

/** "3 claims from 2 sites", in the reader's language. */
export function claimsFromSites(claims: number, sites: number): string {
  return t('readinglog_ev_claimsFrom', ...claimsAndSites(claims, sites));
}

/** A side's lists open when short; a long one stays folded under its count. */
const OPEN_UP_TO = 3;

function SourceCite({ source }: { source: EvidenceSource }) {
  return (
    <span class="tl-ev-source">
      <span class="tl-ev-source__site">{source.site}</span>
      {' · '}
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        {source.title.trim() || source.url}
      </a>
      {' · '}
      <time dateTime={source.date}>{formatDate(source.date)}</time>
    </span>
  );
}

function ClaimList({ claims, label }: { claims: readonly EvidenceClaim[]; label: string }) {
  return (
    <ul class="tl-ev-claims" aria-label={label}>
      {claims.map((claim, index) => (
        <li key={`${claim.source.pageKey}#${index}`} class={`tl-ev-claim tl-ev-claim--${claim.stance}`}>
          <q class="tl-ev-claim__text">{claim.text}</q>
          {claim.hedged ? <span class="tl-ev-claim__hedged"> ({t('readinglog_ev_hedged')})</span> : null}
          <br />
          <SourceCite source={claim.source} />
        </li>
      ))}
    </ul>
  );
}

/** "3 claims", "2 sites" (or the one-forms), in the reader's language. */
export function claimsAndSites(claims: number, sites: number): [string, string] {
  return [claims === 1 ? t('readinglog_ev_oneClaim') : t('readinglog_ev_nClaims', claims), sites === 1 ? t('readinglog_ev_oneSite') : t('readinglog_ev_nSites', sites)];
}

/** One side of the evidence: its count and sites, and its claims (folded when many). */
function Side({ stance, claims, sites }: { stance: 'supports' | 'challenges'; claims: readonly EvidenceClaim[]; sites: number }) {
  if (claims.length === 0) return null;
  const count = claimsFromSites(claims.length, sites);
  return (
    <details class={`tl-ev-side tl-ev-side--${stance}`} open={claims.length <= OPEN_UP_TO}>
      <summary class="tl-ev-side__count">
        <StanceMark stance={stance} /> {count}
      </summary>
      <ClaimList claims={claims} label={t('readinglog_ev_sideLabel', STANCE_LABELS[stance].word, count)} />
    </details>
  );
}

export function ItemEvidenceView(props: ItemEvidenceProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const { evidence, conflicts, candidates, suggestion } = props;
  const measure = props.measureLabel ?? ((id: string) => id);
  if (!hasEvidence(props)) {
    return evidence?.since ? <p class="tl-ev tl-ev--none tl-muted">{t('readinglog_ev_nothing', formatDate(evidence.since))}</p> : null;
  }
  const headingId = `${props.idPrefix}-evidence`;
  return (
    <div class="tl-ev" role="group" aria-labelledby={headingId} data-testid="item-evidence">
      <h5 id={headingId} class="tl-ev__heading">
        {evidence?.since ? t('readinglog_ev_since', formatDate(evidence.since)) : t('readinglog_ev_sinceNone')}
      </h5>
      {suggestion ? (
        <div class="tl-ev-suggestion" role="group" aria-labelledby={`${headingId}-suggestion`} data-testid="evidence-suggestion">
          <p id={`${headingId}-suggestion`} class="tl-ev-suggestion__title">
            {t('readinglog_ev_suggestion', STATUS_LABELS[suggestion.from].word, STATUS_LABELS[suggestion.to].word)}
          </p>
          <p class="tl-ev-suggestion__rule">
            {t('readinglog_ev_rule', ruleText(suggestion.rule))} <span class="tl-muted">{t('readinglog_rule_weight')}</span>
          </p>
          <div class="tl-actions">
            <button type="button" class="tl-button tl-button--primary" disabled={busy} aria-label={t('readinglog_ev_applyNamed', STATUS_LABELS[suggestion.to].word, props.itemTitle)} onClick={run(() => props.onApply(suggestion))}>
              {t('readinglog_ev_apply')}
            </button>
            <button type="button" class="tl-button" disabled={busy} aria-label={t('readinglog_ev_dismissNamed', props.itemTitle)} onClick={run(() => props.onDismiss(suggestion))}>
              {t('readinglog_ev_dismiss')}
            </button>
          </div>
          <details class="tl-ev-suggestion__basis">
            <summary>{t('readinglog_ev_basis', ...claimsAndSites(suggestion.basis.length, suggestion.sites))}</summary>
            <ClaimList claims={suggestion.basis} label={t('readinglog_ev_basis', ...claimsAndSites(suggestion.basis.length, suggestion.sites))} />
          </details>
        </div>
      ) : null}
      {error ? (
        <p class="tl-error" role="alert">
          {error}
        </p>
      ) : null}
      {evidence ? <Side stance="supports" claims={evidence.supports} sites={evidence.supportSites} /> : null}
      {evidence ? <Side stance="challenges" claims={evidence.challenges} sites={evidence.challengeSites} /> : null}
      {conflicts.length ? (
        <div class="tl-ev-conflicts" data-testid="evidence-conflicts">
          <h6 class="tl-ev__subheading">{t('readinglog_ev_conflicts')}</h6>
          {conflicts.map((conflict) => (
            <div key={`${conflict.measure}/${conflict.period}`} class="tl-ev-conflict">
              <p class="tl-ev-conflict__what">{t('readinglog_ev_conflict', measure(conflict.measure), formatDate(conflict.period))}</p>
              <ul class="tl-ev-conflict__reports" role="list">
                {conflict.reports.map((report, index) => (
                  <li key={`${report.source.pageKey}#${index}`} class="tl-ev-report">
                    <span class="tl-ev-report__value">{report.figure}</span>
                    <SourceCite source={report.source} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
      {candidates.length ? (
        <div class="tl-ev-candidates" data-testid="evidence-candidates">
          <h6 class="tl-ev__subheading">{t('readinglog_ev_candidates')}</h6>
          <ul role="list" class="tl-ev-candidates__list">
            {candidates.map((candidate) => {
              const figure = candidate.reports[0]?.figure ?? String(candidate.value);
              const period = candidate.period ? formatDate(candidate.period) : t('readinglog_ev_noPeriod');
              return (
                <li key={candidate.id} class="tl-ev-candidate">
                  <p class="tl-ev-candidate__what">{t('readinglog_ev_candidate', measure(candidate.measure), period, figure)}</p>
                  <ul class="tl-ev-candidate__sources" role="list">
                    {candidate.reports.map((report, index) => (
                      <li key={`${report.source.pageKey}#${index}`}>
                        <SourceCite source={report.source} />
                      </li>
                    ))}
                  </ul>
                  {candidate.period ? (
                    <button type="button" class="tl-button tl-button--small" disabled={busy} aria-label={t('readinglog_ev_addFigureNamed', figure, measure(candidate.measure))} onClick={run(() => props.onAddFigure(candidate))}>
                      {t('readinglog_ev_addFigure')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
