import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import { counted, t } from '@/lib/i18n';
import { today } from '@/lib/pack/status';
import type { FrameRequest, FrameState, RailMarker } from '@/lib/lens/frame-protocol';
import { PageClippingsSection } from '../clippings/PageClippingsSection';
import { SidebarStatusUpdate } from '../checklist/SidebarStatusUpdate';
import { STANCE_LABELS } from '../status/labels';
import { Sidebar } from './Sidebar';
import { StanceMark, StatusBadge } from '../status/StatusBadge';
import { buildLensView, type ClaimView, type ItemView, type LensView } from './model';
import { claimStance, filterView, readingOrder, summarize, type NoteFilter, type NoteOrder } from './note';
import { ClaimText, isLongClaim, MoreToggle, WhyLinked } from './ClaimCard';
import { ArticleNoveltyNote, EvidenceProvider } from './EvidenceNote';
import type { ExtraSection, LensActions } from './types';

/**
 * What the lens's frame draws (an extension page beside the article): the rail when closed,
 * the panel when open, and the status update dialog over it. It renders what the content
 * script sends and answers with requests (`send`); writes go to the background.
 */
export function FrameApp({ state, send }: { state: FrameState; send: (request: FrameRequest) => void }) {
  const fullView = useMemo(() => buildLensView(state.results.filter((r) => r.relevant), state.packs), [state.results, state.packs]);
  const [order, setOrder] = useState<NoteOrder>('item');
  const [filter, setFilter] = useState<NoteFilter>('all');
  const view = useMemo(() => filterView(fullView, filter), [fullView, filter]);
  const [updating, setUpdating] = useState<{ item: ItemView; claim?: ClaimView } | null>(null);
  // Folded items, for this page view (this frame outlives the panel's closing and opening).
  const collapsed = useRef(new Set<string>());
  const [, setFolds] = useState(0);
  // A claim the reader asked to see is never inside a folded item: its items open first.
  const handledFocus = useRef<number | null>(null);
  if (state.focusRequest && state.focusRequest.nonce !== handledFocus.current) {
    handledFocus.current = state.focusRequest.nonce;
    for (const item of fullView.itemsOfClaim.get(state.focusRequest.key) ?? []) collapsed.current.delete(itemKey(item));
  }
  // What had the focus when the page was asked for a dialog (save): it gets it back after.
  const focusBefore = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (state.refocus) focusBefore.current?.focus();
  }, [state.refocus]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !state.open || updating) return;
      send({ type: 'set-open', open: false });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [state.open, updating]);

  if (!state.open) return <Rail markers={state.markers} count={fullView.claims.size} side={state.prefs.side} send={send} />;

  const actions: LensActions = {
    onSaveClaim: (claim, item) => {
      focusBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      send({ type: 'save-claim', key: claim.key, itemId: item?.id });
    },
    onUpdateStatus: (item, claim) => setUpdating({ item, claim }),
    onCorrect: (claim, itemId, fix) =>
      send({
        type: 'correct',
        correction: {
          thesisId: claim.thesisId,
          text: claim.claim.text,
          lang: claim.claim.lang,
          kind: fix.kind,
          itemId,
          ...(fix.kind === 'stance' ? { stance: fix.stance } : {}),
          ...(fix.kind === 'item' ? { toItemId: fix.toItemId } : {}),
        },
      }),
    isCollapsed: (item) => collapsed.current.has(itemKey(item)),
    onToggleItem: (item) => {
      const key = itemKey(item);
      if (!collapsed.current.delete(key)) collapsed.current.add(key);
      setFolds((n) => n + 1);
    },
    itemChoices: (thesisId) => state.packs.find((pack) => pack.id === thesisId)?.items.map((item) => ({ id: item.id, title: item.title })) ?? [],
  };
  const clippings = state.clippings;
  const extraSections: ExtraSection[] = clippings
    ? [
        {
          id: 'clippings',
          title: t('sidebar_saved_here'),
          render: () => <PageClippingsSection state={clippings} onShow={(id) => send({ type: 'show-clipping', id })} onOpenLibrary={() => send({ type: 'open-library' })} />,
        },
      ]
    : [];
  return (
    <EvidenceProvider version={state.results} load={() => request('evidence/page', {})}>
      <Sidebar
        view={view}
        prefs={{ ...state.prefs, minimized: false }}
        scan={state.scan}
        onPrefsChange={(change) => {
          if (change.minimized) send({ type: 'set-open', open: false });
          const { minimized: _ignored, ...rest } = change;
          if (Object.keys(rest).length > 0) send({ type: 'prefs', change: rest });
        }}
        onActivateClaim={(key) => send({ type: 'activate', key })}
        onClose={() => send({ type: 'set-open', open: false })}
        actions={actions}
        extraSections={extraSections}
        focusRequest={state.focusRequest}
        focusPanel={state.focusPanel}
        intro={
          <>
            <NoteHeader view={fullView} order={order} filter={filter} onOrder={setOrder} onFilter={setFilter} />
            <ArticleNoveltyNote pageUrl={state.page.url} items={state.packs.flatMap((pack) => pack.items)} />
            <Legend />
          </>
        }
        body={order === 'reading' || (filter !== 'all' && view.claims.size === 0) ? <ReadingList view={view} filter={filter} send={send} /> : undefined}
        viewportWidth={state.viewportWidth}
      />
      {updating ? (
        <div class={state.prefs.side === 'left' ? 'tl-sidebar-update-host tl-sidebar-update-host--left' : 'tl-sidebar-update-host'}>
          <SidebarStatusUpdate
            key={`${updating.item.thesisId}/${updating.item.id}`}
            item={{ thesisId: updating.item.thesisId, id: updating.item.id, title: updating.item.title, status: updating.item.status }}
            claimText={updating.claim?.claim.text}
            page={state.page}
            today={today()}
            save={async (value) => {
              await request('checklist/add-status', { thesisId: updating.item.thesisId, itemId: updating.item.id, ...value });
              send({ type: 'rescan' });
            }}
            undo={async () => {
              const { removed } = await request('checklist/undo-status', { thesisId: updating.item.thesisId, itemId: updating.item.id });
              if (!removed) throw new Error('Nothing to undo.');
              send({ type: 'rescan' });
            }}
            onClose={() => setUpdating(null)}
          />
        </div>
      ) : null}
    </EvidenceProvider>
  );
}

/** The closed panel: a slim strip with the count (opens the panel) and a mark where each claim is. */
export function Rail({ markers, count, side, send }: { markers: readonly RailMarker[]; count: number; side: 'left' | 'right'; send: (request: FrameRequest) => void }) {
  const openRef = useRef<HTMLButtonElement>(null);
  // Closed from the keyboard (inside this frame): focus stays with the control that opens it again.
  useEffect(() => {
    if (document.hasFocus()) openRef.current?.focus();
  }, []);
  return (
    <nav class={`tl-rail tl-rail--${side}`} aria-label="Thesis Lens">
      <button ref={openRef} type="button" class="tl-rail__open" aria-label={t('sidebar_rail_open', count)} title={t('sidebar_rail_open', count)} onClick={() => send({ type: 'set-open', open: true })}>
        <span class="tl-rail__logo" aria-hidden="true">◎</span>
        <span class="tl-rail__count">{count}</span>
      </button>
      <div class="tl-rail__track">
        {markers.map((marker) => (
          <button
            type="button"
            tabIndex={-1}
            key={marker.key}
            class={`tl-rail__marker tl-rail__marker--${marker.stance}`}
            style={{ top: `${(marker.at * 100).toFixed(2)}%` }}
            title={t('sidebar_rail_marker', STANCE_LABELS[marker.stance].word)}
            aria-label={t('sidebar_rail_marker', STANCE_LABELS[marker.stance].word)}
            onClick={() => send({ type: 'activate', key: marker.key })}
          />
        ))}
      </div>
    </nav>
  );
}

/** The highlight colours in words; each entry explains itself on hover and focus. */
export function Legend() {
  const entries = [
    { stance: 'supports' as const, explain: t('sidebar_legend_supports') },
    { stance: 'challenges' as const, explain: t('sidebar_legend_challenges') },
    { stance: 'neutral' as const, explain: t('sidebar_legend_neutral') },
  ];
  return (
    <details class="tl-legend">
      <summary>{t('sidebar_legend')}</summary>
      <ul role="list">
        {entries.map(({ stance, explain }) => (
          <li key={stance} class="tl-legend__entry" tabIndex={0} title={explain}>
            <span class={`tl-legend__swatch tl-legend__swatch--${stance}`} aria-hidden="true" />
            <span class={`tl-stance tl-stance--${stance}`}>{STANCE_LABELS[stance].word}</span>
            <span class="tl-legend__explain">: {explain}</span>
          </li>
        ))}
        <li class="tl-legend__entry" tabIndex={0} title={t('sidebar_legend_hedged')}>
          <span class="tl-legend__swatch tl-legend__swatch--hedged" aria-hidden="true" />
          <span class="tl-legend__explain">{t('sidebar_legend_hedged')}</span>
        </li>
      </ul>
    </details>
  );
}

/** What the article does to the thesis, and how to read it: the order and the filter. */
export function NoteHeader({ view, order, filter, onOrder, onFilter }: {
  view: LensView;
  order: NoteOrder;
  filter: NoteFilter;
  onOrder: (order: NoteOrder) => void;
  onFilter: (filter: NoteFilter) => void;
}) {
  if (view.claims.size === 0) return null;
  const summary = summarize(view);
  const orders: Array<[NoteOrder, string]> = [
    ['item', t('sidebar_order_item')],
    ['reading', t('sidebar_order_reading')],
  ];
  const filters: Array<[NoteFilter, string]> = [
    ['all', t('sidebar_filter_all')],
    ['challenges', t('sidebar_filter_challenges')],
    ['figures', t('sidebar_filter_figures')],
  ];
  return (
    <div class="tl-note">
      <p class="tl-note__summary">{t(
          'sidebar_note_summary',
          counted(summary.claims, 'sidebar_count_claim_one', 'sidebar_count_claims'),
          counted(summary.items, 'sidebar_count_item_one', 'sidebar_count_items'),
          counted(summary.supports, 'sidebar_count_support_one', 'sidebar_count_support'),
          counted(summary.challenges, 'sidebar_count_challenge_one', 'sidebar_count_challenge'),
        )}</p>
      {summary.differs + summary.newer > 0 ? <p class="tl-note__figures">{t('sidebar_note_figures', summary.differs, summary.newer)}</p> : null}
      <div class="tl-note__controls">
        <div role="group" aria-label={t('sidebar_order')} class="tl-segmented">
          {orders.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={order === value ? 'true' : 'false'} onClick={() => onOrder(value)}>
              {label}
            </button>
          ))}
        </div>
        <div role="group" aria-label={t('sidebar_filter')} class="tl-segmented">
          {filters.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={filter === value ? 'true' : 'false'} onClick={() => onFilter(value)}>
              {label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** One card per sentence, in the article's order, with a chip for each item it touches. */
export function ReadingList({ view, filter, send }: { view: LensView; filter: NoteFilter; send: (request: FrameRequest) => void }) {
  const rows = readingOrder(view, filter);
  if (rows.length === 0) return <p class="tl-empty" role="status">{t('sidebar_no_match')}</p>;
  return (
    <ol class="tl-reading" aria-label={t('sidebar_order_reading')}>
      {rows.map(({ claim, items }) => (
        <ReadingCard key={claim.key} claim={claim} items={items} send={send} />
      ))}
    </ol>
  );
}

function ReadingCard({ claim, items, send }: { claim: ClaimView; items: readonly ItemView[]; send: (request: FrameRequest) => void }) {
  const [open, setOpen] = useState(false);
  const textId = `tl-reading-text-${claim.key}`;
  return (
    <li class="tl-claim tl-reading__card">
      <button type="button" class="tl-claim__show" data-claim-key={claim.key} title={t('sidebar_show_in_article')} onClick={() => send({ type: 'activate', key: claim.key })}>
        <span class="tl-claim__meta">
          <StanceMark stance={claimStance(claim.claim)} />
          {claim.claim.hedged ? <span class="tl-claim__hedged" title={t('sidebar_legend_hedged')}>{t('sidebar_hedged')}</span> : null}
        </span>
        <ClaimText id={textId} text={claim.claim.text} open={open} />
      </button>
      {isLongClaim(claim.claim.text) ? <MoreToggle controls={textId} open={open} onToggle={() => setOpen(!open)} /> : null}
      <ul class="tl-chips" role="list">
        {items.map((item) => (
          <li key={item.id} class="tl-chip" title={item.statusNote ?? ''}>
            <span class="tl-chip__title">{item.title}</span> <StatusBadge status={item.status} />
            <WhyLinked reasons={(claim.claim.items.find((link) => link.id === item.id) as { reasons?: Parameters<typeof WhyLinked>[0]['reasons'] } | undefined)?.reasons} />
          </li>
        ))}
      </ul>
    </li>
  );
}

const itemKey = (item: ItemView) => `${item.thesisId}/${item.id}`;
