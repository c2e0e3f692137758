import { render } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import { t } from '@/lib/i18n';
import { downloadText } from '@/lib/ext/download';
import type { ReadingLogRow } from '@/lib/messages/evidence';
import type { ReadingLogSettings } from '@/lib/evidence/schema';
import { ReadingLog } from '@/components/reading-log/ReadingLog';
import { claimBreakdown, exportFile, type ItemStanceCount } from '@/components/reading-log/model';
import '@/components/reading-log/reading-log.css';

/**
 * The reading log (reading-log.html): lists, searches, exports and clears what the background
 * keeps of the relevant articles the reader opened. Every change goes through the background,
 * the only writer; this page renders its answers.
 */

const PAGE = 50;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function App() {
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [limit, setLimit] = useState(PAGE);
  const [rows, setRows] = useState<ReadingLogRow[]>([]);
  const [total, setTotal] = useState(0);
  const [logSize, setLogSize] = useState(0);
  const [settings, setSettings] = useState<ReadingLogSettings>({ enabled: true });
  const [breakdown, setBreakdown] = useState<Map<string, ItemStanceCount[]>>(new Map());
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      const reply = await request('reading-log/list', { query, offset: 0, limit });
      setRows(reply.rows);
      setTotal(reply.total);
      setSettings(reply.settings);
      if (!query) setLogSize(reply.total);
      setPhase('ready');
    } catch (e) {
      setError(errorText(e));
      setPhase('error');
    }
  }, [query, limit, revision]);

  useEffect(() => {
    void load();
  }, [load]);

  // Claims by item and stance: the list's rows carry only a count, so the entries are read
  // once per change of the log (all on this device, bounded at 5,000 articles).
  useEffect(() => {
    request('reading-log/export', {})
      .then(({ entries }) => {
        setBreakdown(new Map(entries.map((entry) => [entry.pageKey, claimBreakdown(entry)])));
        setLogSize(entries.length);
      })
      .catch(() => setBreakdown(new Map()));
  }, [revision]);

  useEffect(() => {
    request('checklist/effective-packs', {})
      .then(({ packs }) => setTitles(new Map(packs.flatMap((pack) => pack.items.map((item) => [item.id, item.title] as const)))))
      .catch(() => setTitles(new Map()));
    // The log changes while this page is open (an article read in another tab): asked again on return.
    const onVisible = () => document.visibilityState === 'visible' && setRevision((n) => n + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const itemTitle = useMemo(() => (itemId: string) => titles.get(itemId) ?? itemId, [titles]);
  const changed = () => setRevision((n) => n + 1);

  return (
    <ReadingLog
      phase={phase}
      error={error}
      rows={rows}
      total={total}
      logSize={logSize}
      query={query}
      settings={settings}
      breakdown={breakdown}
      itemTitle={itemTitle}
      notice={notice}
      checklistHref="/options.html"
      libraryHref="/library.html"
      onQuery={(next) => {
        setQuery(next);
        setLimit(PAGE);
      }}
      onMore={() => setLimit((n) => n + PAGE)}
      onExport={() =>
        void request('reading-log/export', {})
          .then(({ entries }) => {
            const file = exportFile(entries, new Date().toISOString().slice(0, 10));
            downloadText(file.name, 'application/json', file.json);
            setNotice({ kind: 'info', text: t('readinglog_exported', entries.length) });
          })
          .catch((e) => setNotice({ kind: 'error', text: errorText(e) }))
      }
      onClear={() =>
        void request('reading-log/clear', {})
          .then(({ cleared }) => {
            setNotice({ kind: 'info', text: t('readinglog_cleared', cleared) });
            changed();
          })
          .catch((e) => setNotice({ kind: 'error', text: errorText(e) }))
      }
      onRemove={(pageKey) =>
        void request('reading-log/remove', { pageKey })
          .then(() => {
            setNotice({ kind: 'info', text: t('readinglog_removed') });
            changed();
          })
          .catch((e) => setNotice({ kind: 'error', text: errorText(e) }))
      }
      onEnabled={(enabled) =>
        void request('reading-log/settings', { enabled })
          .then(setSettings)
          .catch((e) => setNotice({ kind: 'error', text: errorText(e) }))
      }
    />
  );
}

document.title = `Thesis Lens · ${t('readinglog_title')}`;
render(<App />, document.getElementById('app')!);
