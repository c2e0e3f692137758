import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { FrameRequest, RailMarker } from '@/lib/lens/frame-protocol';
import type { PaintedClaim } from '@/lib/ext/highlights';
import type { PageClippingsState } from '@/components/clippings/model';
import type { ThesisPack } from '@/lib/pack/schema';
import type { Claim, ScanResult } from '@/lib/pipeline/types';

/**
 * What a feature of the lens sees of the shell (lens.tsx): the page's results as they come,
 * the frame's requests of its kind, and a few verbs. A feature is one file with one `start`;
 * everything it registers ends when `signal` aborts (the lens stops: paused, replaced, or the
 * extension went away). Features never reach into each other.
 */
export interface LensFeature {
  readonly name: string;
  start(lens: LensShell, signal: AbortSignal): void;
}

/** What happened in the lens, for features to follow. */
export interface LensEvents {
  /** A scan finished: every result (the badge wants the irrelevant ones too) and the packs it used. */
  results: { results: readonly ScanResult[]; packs: readonly ThesisPack[] };
  /** The claims are about to be painted (what the page gets of ours goes in now: the rules name elements by position). */
  painting: readonly PaintedClaim[];
  /** The claims are painted in the page (and our own nodes are in it). */
  painted: readonly PaintedClaim[];
  /** Nothing on this page is about a thesis (any more): what the lens put in the page goes. */
  cleared: undefined;
  /** A scan ended, successfully or not. */
  scanned: undefined;
  /** The page's address changed without a reload (a soft navigation): a new article. */
  navigated: undefined;
}

/** Parts of what the frame draws that a feature supplies. */
export interface FrameContributions {
  clippings: PageClippingsState | null;
  markers: RailMarker[];
}

export type FrameRequestOf<T extends FrameRequest['type']> = Extract<FrameRequest, { type: T }>;

export interface LensShell {
  readonly ctx: ContentScriptContext;
  on<E extends keyof LensEvents>(event: E, handler: (payload: LensEvents[E]) => void, signal: AbortSignal): void;
  /** Handles the frame's requests of one type (one handler per type). */
  onFrameRequest<T extends FrameRequest['type']>(type: T, handler: (request: FrameRequestOf<T>) => void, signal: AbortSignal): void;
  /** Supplies a part of the frame's state (read on every draw). */
  contribute<K extends keyof FrameContributions>(key: K, read: () => FrameContributions[K], signal: AbortSignal): void;
  /** Draws the frame again (a contribution changed). */
  redraw(): void;
  /** Scans again: at once when the reader asked ('rescan'), within the tab's budget when the page caused it. */
  rescan(reason: 'rescan' | 'grew'): void;
  /** The address may have changed (soft navigation): a new article then. */
  checkLocation(): void;
  /** A claim of the current results, by its key. */
  claimOf(key: string): { thesisId: string; claim: Claim } | null;
  /** Where a claim is painted in the page. */
  rangeOf(key: string): Range | null;
  /** The painted claim under a point of the reader's click, if any. */
  claimAt(target: EventTarget | null, x: number, y: number): string | null;
  /** Opens the panel on a claim's card and gives it focus (the reader pointed at the claim). */
  openCard(key: string): void;
  /** The panel covers the article (narrow window) and is open: closes it. */
  closeOverlay(): boolean;
  /** Opens the panel and gives it focus, as the reader's command does. True when it shows. */
  openFromCommand(): boolean;
  /** The frame takes focus again, and the control that had it in the frame (a dialog closed). */
  returnFocusToPanel(): void;
  /** Nodes of ours in the page (the frame's host, painted marks): not the article's growth. */
  isOwnNode(node: Node): boolean;
}
