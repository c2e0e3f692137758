import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarPrefs } from '@/lib/messages/lens';
import { ItemCard } from './ItemCard';
import { counted, t } from '@/lib/i18n';
import type { ClaimKey, LensView, ThesisView } from './model';
import type { ExtraSection, LensActions } from './types';

export const MIN_WIDTH = 260;
export const MAX_WIDTH = 720;
const KEYBOARD_STEP = 24;

export type ScanState = { phase: 'scanning' } | { phase: 'ready' } | { phase: 'error'; message: string };

export interface SidebarProps {
  view: LensView;
  prefs: SidebarPrefs;
  scan: ScanState;
  onPrefsChange: (change: Partial<SidebarPrefs>) => void;
  /** Show the claim in the article (scroll + flash). */
  onActivateClaim: (key: ClaimKey) => void;
  /** Hide the panel and its tab for this page (the toolbar, the popup or the shortcut bring it back). */
  onClose: () => void;
  actions?: LensActions;
  extraSections?: readonly ExtraSection[];
  /** Focus this claim's button (after "Open in sidebar" on the highlight card); `nonce` repeats a request. */
  focusRequest?: { key: ClaimKey; nonce: number } | null;
  /** Focus the panel's heading whenever this number changes (the panel was opened by a command). */
  focusPanel?: number;
  /** Drawn first in the panel's body (the legend). */
  intro?: ComponentChildren;
  /** Drawn instead of the per-item sections (the reading order). */
  body?: ComponentChildren;
  /** The page's viewport width when the panel is drawn in a frame (widths are clamped to it). */
  viewportWidth?: number;
}

/** The page's viewport width (the panel may be drawn in a frame of its own width). */
let pageViewportWidth: number | undefined;

function clampWidth(width: number): number {
  const viewport = pageViewportWidth ?? (typeof window === 'undefined' ? undefined : window.innerWidth);
  const viewportMax = viewport === undefined ? MAX_WIDTH : Math.max(MIN_WIDTH, viewport - 80);
  return Math.round(Math.min(MAX_WIDTH, viewportMax, Math.max(MIN_WIDTH, width)));
}

/** The reading panel: by thesis, the checklist items this article touches, their status and claims. */
export function Sidebar(props: SidebarProps) {
  const { prefs, view } = props;
  pageViewportWidth = props.viewportWidth;
  const claimCount = view.theses.reduce((sum, thesis) => sum + thesis.claimCount, 0);
  const panelRef = useRef<HTMLElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const wasMinimized = useRef(prefs.minimized);

  // Keep focus with the reader's control when the panel opens or folds away.
  useEffect(() => {
    if (wasMinimized.current === prefs.minimized) return;
    wasMinimized.current = prefs.minimized;
    if (prefs.minimized) tabRef.current?.focus();
    else panelRef.current?.querySelector<HTMLElement>('.tl-panel__heading')?.focus();
  }, [prefs.minimized]);

  useEffect(() => {
    if (!props.focusPanel || prefs.minimized) return;
    panelRef.current?.querySelector<HTMLElement>('.tl-panel__heading')?.focus();
  }, [props.focusPanel, prefs.minimized]);

  useEffect(() => {
    const request = props.focusRequest;
    if (!request || prefs.minimized) return;
    const button = panelRef.current?.querySelector<HTMLElement>(`[data-claim-key="${CSS.escape(request.key)}"]`);
    if (!button) return;
    button.scrollIntoView({ block: 'center' });
    button.focus();
  }, [props.focusRequest, prefs.minimized]);

  if (prefs.minimized) {
    return (
      <div class={`tl-root tl-side--${prefs.side}`}>
        <button
          ref={tabRef}
          type="button"
          class="tl-tab"
          aria-expanded="false"
          aria-controls="tl-panel"
          onClick={() => props.onPrefsChange({ minimized: false })}
        >
          <span class="tl-tab__logo" aria-hidden="true">◎</span>
          <span>Thesis Lens</span>
          <span class="tl-tab__count">
            {claimCount} {claimCount === 1 ? 'claim' : 'claims'}
          </span>
        </button>
      </div>
    );
  }

  return (
    <div class={`tl-root tl-side--${prefs.side}`}>
      <aside
        id="tl-panel"
        ref={panelRef}
        class="tl-panel"
        role="complementary"
        aria-label="Thesis Lens"
        style={{ width: `${clampWidth(prefs.width)}px` }}
      >
        <ResizeHandle prefs={prefs} onPrefsChange={props.onPrefsChange} />
        <header class="tl-panel__header">
          <h2 class="tl-panel__heading" tabIndex={-1}>
            <span class="tl-panel__logo" aria-hidden="true">◎</span> Thesis Lens
          </h2>
          <div class="tl-panel__tools">
            <button
              type="button"
              class="tl-icon-button"
              aria-label={prefs.side === 'right' ? t('sidebar_move_left') : t('sidebar_move_right')}
              title={prefs.side === 'right' ? t('sidebar_move_left') : t('sidebar_move_right')}
              onClick={() => props.onPrefsChange({ side: prefs.side === 'right' ? 'left' : 'right' })}
            >
              <span aria-hidden="true">⇄</span>
            </button>
            <button
              type="button"
              class="tl-icon-button"
              aria-label={t('sidebar_minimise')}
              title={t('sidebar_minimise')}
              aria-expanded="true"
              aria-controls="tl-panel"
              onClick={() => props.onPrefsChange({ minimized: true })}
            >
              <span aria-hidden="true">–</span>
            </button>
            <button type="button" class="tl-icon-button" aria-label={t('sidebar_hide_here')} title={t('sidebar_hide_here')} onClick={props.onClose}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        </header>
        <div class="tl-panel__body">
          {props.intro}
          <ScanStatus scan={props.scan} view={view} />
          {props.body ??
            view.theses.map((thesis) => (
              // One thesis under the note's header: its count would repeat the header's.
              <ThesisSection key={thesis.id} thesis={thesis} onActivateClaim={props.onActivateClaim} actions={props.actions} summary={!props.intro || view.theses.length > 1} />
            ))}
          {props.extraSections?.map((section) => (
            <section key={section.id} class="tl-extra" aria-labelledby={`tl-extra-${section.id}`}>
              <h3 class="tl-thesis__title" id={`tl-extra-${section.id}`}>
                {section.title}
              </h3>
              {section.render()}
            </section>
          ))}
        </div>
      </aside>
    </div>
  );
}

function ScanStatus({ scan, view }: { scan: ScanState; view: LensView }) {
  if (scan.phase === 'scanning' && view.theses.length === 0) {
    return (
      <p class="tl-empty" role="status">
        {t('sidebar_reading')}
      </p>
    );
  }
  if (scan.phase === 'error') {
    return (
      <p class="tl-empty tl-empty--error" role="alert">
        {t('sidebar_scan_error', scan.message)}
      </p>
    );
  }
  if (view.theses.length === 0) {
    return (
      <p class="tl-empty" role="status">
        {t('sidebar_nothing')}
      </p>
    );
  }
  return null;
}

function ThesisSection({ thesis, onActivateClaim, actions, summary }: {
  thesis: ThesisView;
  onActivateClaim: (key: ClaimKey) => void;
  actions: LensActions | undefined;
  summary: boolean;
}) {
  const [othersOpen, setOthersOpen] = useState(false);
  const headingId = `tl-thesis-${thesis.id}`;
  const othersId = `tl-others-${thesis.id}`;
  return (
    <section class="tl-thesis" aria-labelledby={headingId}>
      <h3 class="tl-thesis__title" id={headingId}>
        {thesis.title}
      </h3>
      {summary ? (
        <p class="tl-thesis__summary">
          {t('sidebar_thesis_summary', counted(thesis.claimCount, 'sidebar_count_claim_one', 'sidebar_count_claims'), thesis.touched.length, thesis.touched.length + thesis.untouched.length)}
        </p>
      ) : null}
      <ul class="tl-items" role="list" aria-label={t('sidebar_items_here', thesis.title)}>
        {thesis.touched.map((item) => (
          <ItemCard key={item.id} item={item} onActivateClaim={onActivateClaim} actions={actions} />
        ))}
      </ul>
      {thesis.untouched.length > 0 ? (
        <div class="tl-others">
          <button
            type="button"
            class="tl-disclosure"
            aria-expanded={othersOpen ? 'true' : 'false'}
            aria-controls={othersId}
            onClick={() => setOthersOpen(!othersOpen)}
          >
            <span class="tl-disclosure__icon" aria-hidden="true">{othersOpen ? '▾' : '▸'}</span>
            {t('sidebar_others', thesis.untouched.length)}
          </button>
          <ul id={othersId} class="tl-items tl-items--others" role="list" hidden={!othersOpen} aria-label={t('sidebar_others', thesis.title)}>
            {thesis.untouched.map((item) => (
              <ItemCard key={item.id} item={item} onActivateClaim={onActivateClaim} actions={actions} compact />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** Drag (pointer) or arrow keys (keyboard) to resize; the width is remembered. */
function ResizeHandle({ prefs, onPrefsChange }: { prefs: SidebarPrefs; onPrefsChange: (change: Partial<SidebarPrefs>) => void }) {
  const width = clampWidth(prefs.width);
  const grows = prefs.side === 'right' ? 'ArrowLeft' : 'ArrowRight';
  const shrinks = prefs.side === 'right' ? 'ArrowRight' : 'ArrowLeft';
  return (
    <div
      class="tl-resize"
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('sidebar_resize')}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      aria-valuetext={t('sidebar_width', width)}
      onKeyDown={(event) => {
        let next: number | null = null;
        if (event.key === grows) next = width + KEYBOARD_STEP;
        else if (event.key === shrinks) next = width - KEYBOARD_STEP;
        else if (event.key === 'Home') next = MIN_WIDTH;
        else if (event.key === 'End') next = MAX_WIDTH;
        if (next === null) return;
        event.preventDefault();
        onPrefsChange({ width: clampWidth(next) });
      }}
      onPointerDown={(event) => {
        const handle = event.currentTarget as HTMLElement;
        handle.setPointerCapture(event.pointerId);
        event.preventDefault();
        const move = (e: PointerEvent) => {
          const next = prefs.side === 'right' ? window.innerWidth - e.clientX : e.clientX;
          onPrefsChange({ width: clampWidth(next) });
        };
        const up = () => {
          handle.removeEventListener('pointermove', move);
          handle.removeEventListener('pointerup', up);
          handle.removeEventListener('pointercancel', up);
        };
        handle.addEventListener('pointermove', move);
        handle.addEventListener('pointerup', up);
        handle.addEventListener('pointercancel', up);
      }}
    />
  );
}
