import type { Stance, Status } from '@/lib/pack/schema';
import type { TabReport, TabReportItem } from '@/lib/messages/lens';
import { t, type MessageKey } from '@/lib/i18n';

/** What the popup knows about the current tab (the `lens/tab-state` answer). */
export interface PopupTabState {
  report: TabReport | null;
  host: string | null;
  paused: boolean;
  allSites: boolean;
}

export interface PopupProps {
  state: PopupTabState | null;
  /** A sentence for the reader after an action (announced politely). */
  notice: string;
  /** Something failed: shown as an alert. */
  error: string;
  busy: boolean;
  onShowSidebar: () => void;
  onAnnotate: () => void;
  onTogglePaused: () => void;
  onToggleAllSites: () => void;
  onOpenChecklist: () => void;
  onOpenLibrary: () => void;
  onOpenReadingLog?: () => void;
}

function Switch(props: { id: string; label: string; hint?: string; checked: boolean; disabled?: boolean; onToggle: () => void }) {
  return (
    <div class="tl-popup__switch-row">
      <div>
        <span id={`${props.id}-label`} class="tl-popup__switch-label">
          {props.label}
        </span>
        {props.hint ? (
          <span id={`${props.id}-hint`} class="tl-popup__hint">
            {props.hint}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        id={props.id}
        role="switch"
        class="tl-popup__switch"
        aria-checked={props.checked}
        aria-labelledby={`${props.id}-label`}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        disabled={props.disabled}
        onClick={props.onToggle}
      >
        <span class="tl-popup__switch-knob" aria-hidden="true" />
      </button>
    </div>
  );
}

const STATUS_KEYS: Record<Status, MessageKey> = {
  confirmed: 'status_confirmed',
  'on-track': 'status_onTrack',
  pending: 'status_pending',
  'at-risk': 'status_atRisk',
  broken: 'status_broken',
};
const STANCE = {
  supports: { icon: '▲', key: 'stance_supports' },
  challenges: { icon: '▼', key: 'stance_challenges' },
  neutral: { icon: '●', key: 'stance_neutral' },
} as const satisfies Record<Stance, { icon: string; key: MessageKey }>;

/** The items the page touches, each with its status and its claims (the sidebar has the rest). */
function ItemList({ items, multipleTheses }: { items: TabReportItem[]; multipleTheses: boolean }) {
  return (
    <ul class="tl-popup__items" aria-label={t('popup_itemsLabel')} data-testid="popup-items">
      {items.map((item) => (
        <li key={`${item.thesisId}/${item.id}`} class="tl-popup__item" data-item-id={item.id}>
          <div class="tl-popup__item-head">
            <span class="tl-popup__item-title">{item.title}</span>
            <span class={`tl-popup__status tl-popup__status--${item.status}`}>{t(STATUS_KEYS[item.status])}</span>
          </div>
          {multipleTheses ? <p class="tl-popup__item-thesis">{item.thesisTitle}</p> : null}
          <ul class="tl-popup__claims" aria-label={t('popup_itemClaims', item.title)}>
            {item.claims.map((claim, index) => (
              <li key={index} class={`tl-popup__claim tl-popup__claim--${claim.stance}`}>
                <span class="tl-popup__stance">
                  <span aria-hidden="true">{STANCE[claim.stance].icon} </span>
                  {t(STANCE[claim.stance].key)}
                  {claim.hedged ? ` · ${t('popup_hedged')}` : ''}
                </span>{' '}
                <span class="tl-popup__claim-text">{claim.text}</span>
              </li>
            ))}
          </ul>
          {item.claimCount > item.claims.length ? <p class="tl-popup__more">{t('popup_moreClaims', item.claimCount - item.claims.length)}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function Summary({ state }: { state: PopupTabState }) {
  const report = state.report;
  if (state.paused) return <p class="tl-popup__summary">{t('popup_paused')}</p>;
  if (!report) return <p class="tl-popup__summary">{t('popup_notAnnotated')}</p>;
  if (!report.relevant) return <p class="tl-popup__summary">{t('popup_nothingFound')}</p>;
  return (
    <div class="tl-popup__summary">
      <p class="tl-popup__count" data-testid="claim-count">
        {t(report.claims === 1 ? 'popup_claimCountOne' : 'popup_claimCountMany', report.claims)}
      </p>
      {report.topics.length ? (
        <ul class="tl-popup__topics" aria-label={t('popup_topics')}>
          {report.topics.map((topic) => (
            <li key={topic} class="tl-popup__topic">
              {topic}
            </li>
          ))}
        </ul>
      ) : null}
      {report.theses.length > 1 ? (
        <ul class="tl-popup__theses" aria-label={t('popup_claimsPerThesis')}>
          {report.theses.map((thesis) => (
            <li key={thesis.id}>{t('popup_thesisClaims', thesis.title, thesis.claims)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The toolbar popup for one tab: what was found, the sidebar, pause, all sites, the other pages. */
export function Popup(props: PopupProps) {
  const { state } = props;
  const lensActive = Boolean(state?.report?.relevant) && !state?.paused;
  return (
    <main class="tl-popup" aria-busy={props.busy || !state}>
      <header class="tl-popup__header">
        <h1 class="tl-popup__title">{t('extName')}</h1>
        {state?.host ? <p class="tl-popup__host">{state.host}</p> : null}
      </header>

      {state ? <Summary state={state} /> : <p class="tl-popup__summary">{t('popup_loading')}</p>}

      <div class="tl-popup__actions">
        {lensActive ? (
          <button type="button" class="tl-popup__button tl-popup__button--primary" disabled={props.busy} onClick={props.onShowSidebar}>
            {t('popup_showSidebar')}
          </button>
        ) : (
          <button type="button" class="tl-popup__button tl-popup__button--primary" disabled={props.busy || !state || state.paused} onClick={props.onAnnotate}>
            {t('popup_annotate')}
          </button>
        )}
      </div>

      {lensActive && state?.report?.items.length ? (
        <ItemList items={state.report.items} multipleTheses={new Set(state.report.items.map((item) => item.thesisId)).size > 1} />
      ) : null}

      {state ? (
        <div class="tl-popup__settings">
          {state.host ? (
            <Switch
              id="tl-pause"
              label={t('popup_pauseOn', state.host)}
              checked={state.paused}
              disabled={props.busy}
              onToggle={props.onTogglePaused}
            />
          ) : null}
          <Switch
            id="tl-all-sites"
            label={t('popup_allSites')}
            hint={t('popup_allSitesHint')}
            checked={state.allSites}
            disabled={props.busy}
            onToggle={props.onToggleAllSites}
          />
        </div>
      ) : null}

      <p class="tl-popup__notice" role="status" aria-live="polite">
        {props.notice}
      </p>
      {props.error ? (
        <p class="tl-popup__error" role="alert">
          {props.error}
        </p>
      ) : null}

      <nav class="tl-popup__links" aria-label={t('popup_pages')}>
        <button type="button" class="tl-popup__link" onClick={props.onOpenChecklist}>
          {t('popup_checklist')}
        </button>
        <button type="button" class="tl-popup__link" onClick={props.onOpenLibrary}>
          {t('popup_library')}
        </button>
        {props.onOpenReadingLog ? (
          <button type="button" class="tl-popup__link" onClick={props.onOpenReadingLog}>
            {t('readinglog_link')}
          </button>
        ) : null}
      </nav>
    </main>
  );
}
