import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { request } from '@/lib/ext/messaging';
import { today as todayOf } from '@/lib/pack/status';
import { checkFeedUrl } from '@/lib/checklist/feeds';
import type { ChecklistOverview } from '@/lib/messages/checklist';
import { ThesisView, type ThesisActions } from '@/components/checklist/ThesisView';
import { FeedsPanel, ImportPanel, NewThesisForm, SyncPanel } from '@/components/checklist/Panels';
import type { ClippingSummary } from '@/components/checklist/ChecklistItem';
import type { RecentClippings } from '@/components/checklist/ThesisGlance';
import { t } from '@/lib/i18n';
import '@/components/status/status.css';
import '@/components/checklist/status-update-form.css';
import '@/components/checklist/checklist.css';
import { downloadText } from '@/lib/ext/download';
import { CorrectionsList } from '@/components/corrections/CorrectionsList';
import { useThesisEvidence } from '@/components/evidence/use-thesis-evidence';
import '@/components/evidence/evidence.css';

/**
 * The checklist page (the extension's options page, opened in a tab): every thesis as a
 * checklist of catalysts and risks with their status history; status updates and undo; thesis
 * and item management; packs in and out; feeds; sync state. It reads through messages and
 * asks the background (the only writer) for every change; it reloads when stored data changes
 * (an update from the sidebar in another tab, a feed refresh, sync).
 */

const STORE_KEYS = ['checklist-theses', 'checklist-feeds', 'checklist-sync-state'];

function selectedFromHash(): string | null {
  const match = /^#thesis=([a-z0-9-]+)$/.exec(location.hash);
  return match ? match[1]! : null;
}

/** Clippings about a thesis saved in the last 30 days (count and the latest three), or undefined when unknown. */
async function recentClippingsOf(thesisId: string, today: string): Promise<RecentClippings | undefined> {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  try {
    const { clippings, total } = await request('clippings/list', { filters: { thesisId, from }, limit: 3 });
    return { count: total, latest: clippings.map((clipping) => ({ id: clipping.id, quote: clipping.quote.replace(/\s+/g, ' ').trim(), title: clipping.page.title })) };
  } catch {
    return undefined;
  }
}

/** Clipping counts per item, or undefined when the clippings feature does not answer (older build, failure). */
async function clippingCounts(thesisId: string): Promise<Record<string, number> | undefined> {
  try {
    return (await request('clippings/count-by-item', { thesisId })).counts;
  } catch {
    return undefined;
  }
}

function App() {
  const [overview, setOverview] = useState<ChecklistOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(selectedFromHash());
  const [counts, setCounts] = useState<Record<string, number> | undefined>(undefined);
  const [recent, setRecent] = useState<RecentClippings | undefined>(undefined);
  /** The new-thesis form takes room only when asked for. */
  const [creating, setCreating] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const today = todayOf();

  const reload = useCallback(async () => {
    try {
      setOverview(await request('checklist/overview', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  }, []);

  useEffect(() => {
    void reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((key) => STORE_KEYS.includes(key))) void reload();
    };
    const onHash = () => setSelected(selectedFromHash());
    browser.storage.onChanged.addListener(onChanged);
    addEventListener('hashchange', onHash);
    return () => {
      browser.storage.onChanged.removeListener(onChanged);
      removeEventListener('hashchange', onHash);
    };
  }, [reload]);

  const theses = overview?.theses ?? [];
  const current = theses.find((thesis) => thesis.id === selected) ?? theses[0];

  useEffect(() => {
    if (!current) return;
    let stale = false;
    void clippingCounts(current.id).then((value) => !stale && setCounts(value));
    void recentClippingsOf(current.id, today).then((value) => !stale && setRecent(value));
    return () => {
      stale = true;
    };
  }, [current?.id, overview]);

  const readingLog = useThesisEvidence(current?.id, overview, async (message) => {
    await reload();
    setAnnouncement(message);
  });

  const select = (id: string) => {
    history.replaceState(null, '', `#thesis=${id}`);
    setSelected(id);
  };

  const act = async <T,>(work: () => Promise<T>, message?: string): Promise<T> => {
    const result = await work();
    await reload();
    if (message) setAnnouncement(message);
    return result;
  };

  const actions: ThesisActions = {
    onAddStatus: (thesisId, itemId, value) => act(() => request('checklist/add-status', { thesisId, itemId, ...value }), t('checklist_statusSaved')).then(() => undefined),
    onUndo: (thesisId, itemId) => act(() => request('checklist/undo-status', { thesisId, itemId }), t('checklist_undone')).then(() => undefined),
    // `base`: the item as this page showed it, so that only the fields changed here are saved (no other tab's edit is reverted).
    onEditItem: (thesisId, itemId, patch) => {
      const shown = theses.find((thesis) => thesis.id === thesisId)?.pack?.items.find((item) => item.id === itemId) as Record<string, unknown> | undefined;
      const base = shown ? Object.fromEntries(Object.keys(patch).map((field) => [field, shown[field]])) : undefined;
      return act(() => request('checklist/edit-item', { thesisId, itemId, patch, base }), t('checklist_itemSaved')).then(() => undefined);
    },
    onRemoveItem: (thesisId, itemId) => act(() => request('checklist/remove-item', { thesisId, itemId }), t('checklist_itemRemoved')).then(() => undefined),
    onEditThesis: (id, patch) => act(() => request('checklist/edit-thesis', { id, ...patch }), t('checklist_thesisSaved')).then(() => undefined),
    onDuplicate: async (id) => {
      const made = await act(() => request('checklist/duplicate-thesis', { id }), t('checklist_thesisDuplicated'));
      select(made.id);
    },
    onDelete: async (id) => {
      await act(() => request('checklist/delete-thesis', { id }), t('checklist_thesisDeleted'));
      select(theses.find((thesis) => thesis.id !== id)?.id ?? '');
    },
    onExport: async (id) => {
      const file = await request('checklist/export-pack', { id });
      downloadText(file.filename, 'application/json', file.json);
    },
    loadClippings: async (thesisId, itemId): Promise<ClippingSummary[]> => {
      const { clippings } = await request('clippings/list', { filters: { thesisId, itemId }, limit: 50 });
      return clippings.map((clipping) => ({ id: clipping.id, quote: clipping.quote, url: clipping.page.url, title: clipping.page.title, createdAt: clipping.createdAt }));
    },
  };

  return (
    <div class="tl-page">
      <header class="tl-page__head">
        <h1>{t('checklist_pageTitle')}</h1>
        <nav aria-label={t('checklist_pagesNav')}>
          <a href="/library.html">{t('checklist_libraryLink')}</a>
          {' · '}
          <a href="/reading-log.html">{t('readinglog_link')}</a>
        </nav>
      </header>
      <p class="tl-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {loadError ? (
        <p class="tl-error" role="alert">
          {t('checklist_loadFailed', loadError)}
        </p>
      ) : null}
      {overview?.problems.length ? (
        <div class="tl-errors-box" role="alert">
          <p>{t('checklist_skipped')}</p>
          <ul>
            {overview.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="tl-layout">
        <nav class="tl-theses" aria-label={t('checklist_theses')}>
          <h2 class="tl-theses__heading">{t('checklist_theses')}</h2>
          <ul role="list">
            {theses.map((thesis) => (
              <li key={thesis.id}>
                <a
                  href={`#thesis=${thesis.id}`}
                  aria-current={thesis.id === current?.id ? 'page' : undefined}
                  class={thesis.id === current?.id ? 'tl-theses__link tl-theses__link--current' : 'tl-theses__link'}
                >
                  {thesis.title}
                  {thesis.enabled ? null : <span class="tl-muted"> {t('checklist_disabled')}</span>}
                </a>
              </li>
            ))}
          </ul>
          <button type="button" class="tl-button tl-theses__new" aria-expanded={creating} onClick={() => setCreating(!creating)}>
            {t('checklist_newThesis')}
          </button>
        </nav>
        <main class="tl-main">
          {current ? (
            <ThesisView key={current.id} thesis={current} today={today} clippingCounts={counts} recentClippings={recent} actions={actions} evidence={readingLog.evidence} evidenceActions={readingLog.actions} />
          ) : overview ? (
            <p>{t('checklist_noThesis')}</p>
          ) : (
            <p>{t('checklist_loading')}</p>
          )}
        </main>
        <aside class="tl-aside" aria-label={t('checklist_manage')}>
          {creating ? (
            <NewThesisForm
              templates={theses.filter((thesis) => thesis.pack).map((thesis) => ({ id: thesis.id, title: thesis.title }))}
              onCreate={async (value) => {
                select((await act(() => request('checklist/create-thesis', value), t('checklist_thesisCreated'))).id);
                setCreating(false);
              }}
              onCreateFromTemplate={async (title, templateId) => {
                select((await act(() => request('checklist/create-thesis', { title, templateId }), t('checklist_thesisCreated'))).id);
                setCreating(false);
              }}
              onCancel={() => setCreating(false)}
            />
          ) : null}
          <ImportPanel
            onImport={async (text, onConflict) => {
              const result = await act(() => request('checklist/import-pack', { text, onConflict }));
              if (result.status === 'imported') select(result.id);
              return result;
            }}
          />
          <FeedsPanel
            feeds={overview?.feeds ?? []}
            onSubscribe={async (raw) => {
              const checked = checkFeedUrl(raw);
              if (!checked.ok) throw new Error(checked.error);
              // Asked right here, in the click's user gesture, and only for the feed's origin.
              const granted = await browser.permissions.request({ origins: [`${checked.origin}/*`] });
              if (!granted) throw new Error(t('checklist_permissionDenied', checked.origin));
              const { feed } = await act(() => request('checklist/subscribe-feed', { url: checked.url }));
              setAnnouncement(feed.error ? t('checklist_subscribedFailed', feed.error.message) : t('checklist_subscribed', feed.packTitle ?? checked.url));
            }}
            onRefresh={async (url) => {
              await act(() => request('checklist/refresh-feeds', { url }), t('checklist_feedRefreshed'));
            }}
            onUnsubscribe={async (url) => {
              await act(() => request('checklist/unsubscribe-feed', { url }), t('checklist_unsubscribed'));
            }}
          />
          {overview ? <SyncPanel sync={overview.sync} /> : null}
          <CorrectionsList />
        </aside>
      </div>
    </div>
  );
}

document.title = t('checklist_pageTitle');
render(<App />, document.getElementById('app')!);
