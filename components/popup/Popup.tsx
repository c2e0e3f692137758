import type { TabReport } from '@/lib/messages/lens';

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

function Summary({ state }: { state: PopupTabState }) {
  const report = state.report;
  if (state.paused) return <p class="tl-popup__summary">Paused on this site. Turn the switch off to read it against your theses again.</p>;
  if (!report) {
    return (
      <p class="tl-popup__summary">
        Not annotated. Thesis Lens reads news sites by itself; use “Annotate this page” anywhere else.
      </p>
    );
  }
  if (!report.relevant) return <p class="tl-popup__summary">Nothing about your theses found on this page.</p>;
  return (
    <div class="tl-popup__summary">
      <p class="tl-popup__count" data-testid="claim-count">
        <strong>{report.claims}</strong> {report.claims === 1 ? 'claim' : 'claims'} on this page
      </p>
      {report.topics.length ? (
        <ul class="tl-popup__topics" aria-label="Topics">
          {report.topics.map((topic) => (
            <li key={topic} class="tl-popup__topic">
              {topic}
            </li>
          ))}
        </ul>
      ) : null}
      {report.theses.length > 1 ? (
        <ul class="tl-popup__theses" aria-label="Claims per thesis">
          {report.theses.map((thesis) => (
            <li key={thesis.id}>
              {thesis.title}: {thesis.claims}
            </li>
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
        <h1 class="tl-popup__title">Thesis Lens</h1>
        {state?.host ? <p class="tl-popup__host">{state.host}</p> : null}
      </header>

      {state ? <Summary state={state} /> : <p class="tl-popup__summary">Loading…</p>}

      <div class="tl-popup__actions">
        {lensActive ? (
          <button type="button" class="tl-popup__button tl-popup__button--primary" disabled={props.busy} onClick={props.onShowSidebar}>
            Show sidebar
          </button>
        ) : (
          <button type="button" class="tl-popup__button tl-popup__button--primary" disabled={props.busy || !state || state.paused} onClick={props.onAnnotate}>
            Annotate this page
          </button>
        )}
      </div>

      {state ? (
        <div class="tl-popup__settings">
          {state.host ? (
            <Switch
              id="tl-pause"
              label={`Pause on ${state.host}`}
              checked={state.paused}
              disabled={props.busy}
              onToggle={props.onTogglePaused}
            />
          ) : null}
          <Switch
            id="tl-all-sites"
            label="Run on all sites"
            hint="Not just news sites. The browser asks for access first."
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

      <nav class="tl-popup__links" aria-label="Thesis Lens pages">
        <button type="button" class="tl-popup__link" onClick={props.onOpenChecklist}>
          Checklist
        </button>
        <button type="button" class="tl-popup__link" onClick={props.onOpenLibrary}>
          Library
        </button>
      </nav>
    </main>
  );
}
