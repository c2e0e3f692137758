import type { ComponentChildren } from 'preact';
import type { SidebarPrefs } from '@/lib/messages/lens';
import { HighlightCard } from '@/components/highlight/HighlightCard';
import { Sidebar, type ScanState } from '@/components/sidebar/Sidebar';
import type { ClaimKey, ClaimView, LensView } from '@/components/sidebar/model';
import type { ExtraSection, LensActions } from '@/components/sidebar/types';

export interface CardState {
  key: ClaimKey;
  anchor: { top: number; bottom: number; left: number };
  takeFocus: boolean;
}

export interface LensUiState {
  view: LensView;
  prefs: SidebarPrefs;
  scan: ScanState;
  /** False after the reader hid the panel on this page (×). */
  sidebarVisible: boolean;
  card: CardState | null;
  focusRequest: { key: ClaimKey; nonce: number } | null;
  /** Changes when the panel should take focus (opened by a command). */
  focusPanel: number;
}

export interface LensUiCallbacks {
  onPrefsChange: (change: Partial<SidebarPrefs>) => void;
  onActivateClaim: (key: ClaimKey) => void;
  onCloseSidebar: () => void;
  onOpenInSidebar: (claim: ClaimView) => void;
  onCloseCard: () => void;
  onCardPointer: (inside: boolean) => void;
  actions?: LensActions;
  extraSections?: readonly ExtraSection[];
  /** Dialogs other features draw over the page (e.g. the checklist's status update). */
  overlays?: ReadonlyArray<() => ComponentChildren>;
}

/** Everything the lens draws in its shadow root: the sidebar and the highlight card. */
export function LensApp({ state, callbacks }: { state: LensUiState; callbacks: LensUiCallbacks }) {
  const card = state.card;
  const cardClaim = card ? state.view.claims.get(card.key) : undefined;
  return (
    <>
      {state.sidebarVisible ? (
        <Sidebar
          view={state.view}
          prefs={state.prefs}
          scan={state.scan}
          onPrefsChange={callbacks.onPrefsChange}
          onActivateClaim={callbacks.onActivateClaim}
          onClose={callbacks.onCloseSidebar}
          actions={callbacks.actions}
          extraSections={callbacks.extraSections}
          focusRequest={state.focusRequest}
          focusPanel={state.focusPanel}
        />
      ) : null}
      {card && cardClaim ? (
        <HighlightCard
          claim={cardClaim}
          items={state.view.itemsOfClaim.get(card.key) ?? []}
          anchor={card.anchor}
          takeFocus={card.takeFocus}
          onOpenInSidebar={callbacks.onOpenInSidebar}
          onClose={callbacks.onCloseCard}
          onPointerEnter={() => callbacks.onCardPointer(true)}
          onPointerLeave={() => callbacks.onCardPointer(false)}
          actions={callbacks.actions}
        />
      ) : null}
      {callbacks.overlays?.map((overlay) => overlay())}
    </>
  );
}
