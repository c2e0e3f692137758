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
import '@/components/status/status.css';
import '@/components/checklist/status-update-form.css';
import '@/components/checklist/checklist.css';
import { downloadText } from '@/lib/ext/download';
import { CorrectionsList } from '@/components/corrections/CorrectionsList';

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
    return () => {
      stale = true;
    };
  }, [current?.id, overview]);

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
    onAddStatus: (thesisId, itemId, value) => act(() => request('checklist/add-status', { thesisId, itemId, ...value }), 'Status saved.').then(() => undefined),
    onUndo: (thesisId, itemId) => act(() => request('checklist/undo-status', { thesisId, itemId }), 'Last update undone.').then(() => undefined),
    onEditItem: (thesisId, itemId, patch) => act(() => request('checklist/edit-item', { thesisId, itemId, patch }), 'Item saved.').then(() => undefined),
    onRemoveItem: (thesisId, itemId) => act(() => request('checklist/remove-item', { thesisId, itemId }), 'Item removed.').then(() => undefined),
    onEditThesis: (id, patch) => act(() => request('checklist/edit-thesis', { id, ...patch }), 'Thesis saved.').then(() => undefined),
    onDuplicate: async (id) => {
      const made = await act(() => request('checklist/duplicate-thesis', { id }), 'Thesis duplicated (disabled until you enable it).');
      select(made.id);
    },
    onDelete: async (id) => {
      await act(() => request('checklist/delete-thesis', { id }), 'Thesis deleted.');
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
        <h1>Thesis Lens · Checklist</h1>
        <nav aria-label="Thesis Lens pages">
          <a href="/library.html">Clippings library</a>
        </nav>
      </header>
      <p class="tl-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {loadError ? (
        <p class="tl-error" role="alert">
          Could not load the checklist: {loadError}
        </p>
      ) : null}
      {overview?.problems.length ? (
        <div class="tl-errors-box" role="alert">
          <p>Some stored data could not be read and was skipped:</p>
          <ul>
            {overview.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="tl-layout">
        <nav class="tl-theses" aria-label="Theses">
          <h2 class="tl-theses__heading">Theses</h2>
          <ul role="list">
            {theses.map((thesis) => (
              <li key={thesis.id}>
                <a
                  href={`#thesis=${thesis.id}`}
                  aria-current={thesis.id === current?.id ? 'page' : undefined}
                  class={thesis.id === current?.id ? 'tl-theses__link tl-theses__link--current' : 'tl-theses__link'}
                >
                  {thesis.title}
                  {thesis.enabled ? null : <span class="tl-muted"> (disabled)</span>}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="tl-main">
          {current ? <ThesisView key={current.id} thesis={current} today={today} clippingCounts={counts} actions={actions} /> : overview ? <p>No thesis yet: create one.</p> : <p>Loading…</p>}
        </main>
        <aside class="tl-aside" aria-label="Manage">
          <NewThesisForm
            templates={theses.filter((thesis) => thesis.pack).map((thesis) => ({ id: thesis.id, title: thesis.title }))}
            onCreate={async (value) => select((await act(() => request('checklist/create-thesis', value), 'Thesis created.')).id)}
            onCreateFromTemplate={async (title, templateId) => select((await act(() => request('checklist/create-thesis', { title, templateId }), 'Thesis created.')).id)}
          />
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
              if (!granted) throw new Error(`Permission to read ${checked.origin} was not granted; not subscribed.`);
              const { feed } = await act(() => request('checklist/subscribe-feed', { url: checked.url }));
              setAnnouncement(feed.error ? `Subscribed, but the first fetch failed: ${feed.error.message}` : `Subscribed to “${feed.packTitle}”.`);
            }}
            onRefresh={async (url) => {
              await act(() => request('checklist/refresh-feeds', { url }), 'Feed refreshed.');
            }}
            onUnsubscribe={async (url) => {
              await act(() => request('checklist/unsubscribe-feed', { url }), 'Unsubscribed.');
            }}
          />
          {overview ? <SyncPanel sync={overview.sync} /> : null}
          <CorrectionsList />
        </aside>
      </div>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
