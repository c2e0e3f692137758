import type { Stance, ThesisPack } from '../pack/schema';
import type { ScanResult } from '../pipeline/types';
import type { SidebarPrefs } from '../messages/lens';
import type { PageClippingsState } from '@/components/clippings/model';
import type { CorrectionRequest } from '../corrections';

/**
 * The lens's trust boundary. The page runs untrusted scripts; everything private (the
 * reader's checklist, statuses, notes, clippings) is drawn inside an extension page
 * (`lens-frame.html`) in an iframe, which page scripts cannot read (another origin), search
 * (`window.find` does not cross frames, while it does find text in closed shadow roots),
 * or click (events they make never reach another origin's document).
 *
 * The content script and the frame each open a `runtime.connect` port to the background,
 * which pairs them by a per-frame random token (same tab only) and passes messages along
 * (frame-relay.ts: in Firefox a content script's port cannot reach the frame directly). Only
 * this extension's own contexts can open such ports: page scripts cannot listen to them or
 * write to them. Nothing here is sent with `window.postMessage`.
 */

export const FRAME_PATH = '/lens-frame.html';

/** A claim's marker on the rail: where it is in the page (0 = top, 1 = bottom) and its stance. */
export interface RailMarker {
  key: string;
  at: number;
  stance: Stance;
}

export type ScanPhase = { phase: 'scanning' } | { phase: 'ready' } | { phase: 'error'; message: string };

/** Everything the frame draws, from the content script. */
export interface FrameState {
  results: ScanResult[];
  packs: ThesisPack[];
  scan: ScanPhase;
  prefs: SidebarPrefs;
  /** Open = the panel; closed = the rail. */
  open: boolean;
  /** The panel covers the page (narrow window) rather than sitting beside it. */
  overlay: boolean;
  markers: RailMarker[];
  /** Focus this claim's card (the reader clicked or focused it in the page). */
  focusRequest: { key: string; nonce: number } | null;
  /** Changes when the panel should take focus (opened by a command, the skip link). */
  focusPanel: number;
  /** Changes when the focus should come back to where it was in the frame (a dialog the page showed for it closed). */
  refocus: number;
  /** The page, as a status update started from it is sourced and dated. */
  page: { title: string; url: string; published: string | null };
  /** The page's viewport width: the panel's width is bounded by it, not by the frame's. */
  viewportWidth: number;
  clippings: PageClippingsState | null;
}

/** What the frame asks the content script to do. */
export type FrameRequest =
  | { type: 'ready' }
  | { type: 'activate'; key: string }
  | { type: 'set-open'; open: boolean }
  | { type: 'prefs'; change: Partial<SidebarPrefs> }
  | { type: 'rescan' }
  | { type: 'save-claim'; key: string; itemId?: string }
  | { type: 'show-clipping'; id: string }
  | { type: 'open-library' }
  | { type: 'correct'; correction: CorrectionRequest };

export type FrameMessage = { type: 'state'; state: FrameState };

/** A token for one frame: 128 random bits, hex. */
export function newFrameToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The frame's token from its address (`lens-frame.html#<token>`), or null when it has none. */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[0-9a-f]{32}$/.test(token) ? token : null;
}
