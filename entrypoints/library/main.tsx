import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import type { Clipping, ClippingEditable, ClippingFilters, ItemRef } from '@/lib/clippings/schema';
import { buildSearchIndex, facetsOf, searchClippings } from '@/lib/clippings/search';
import { itemKey, toAnnotationJson, toCsv, toMarkdown } from '@/lib/clippings/export';
import { MAX_IMPORT_BYTES } from '@/lib/clippings/import';
import type { ClippingProblem } from '@/lib/messages/clippings';
import type { ItemOption } from '@/components/clippings/model';
import { Library, type ExportFormat } from '@/components/library/Library';
import '@/components/library/library.css';
import { downloadText } from '@/lib/ext/download';

/**
 * The clippings library (library.html). It loads the whole library once and searches it
 * here (lib/clippings/search.ts: fast enough for 10,000 on every keystroke); every change
 * goes through the background, the only writer. `?q=`, `?item=thesisId/itemId` preset the
 * filters (links from the sidebar and the checklist page).
 */

const PAGE_SIZE = 100;
const UNDO_MS = 8000;

function initialFilters(): ClippingFilters {
  const params = new URLSearchParams(location.search);
  const [thesisId, itemId] = (params.get('item') ?? '').split('/');
  return {
    query: params.get('q') ?? undefined,
    thesisId: itemId ? thesisId : undefined,
    itemId: itemId || undefined,
  };
}

function App() {
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [clippings, setClippings] = useState<Clipping[]>([]);
  const [problems, setProblems] = useState<ClippingProblem[]>([]);
  const [itemOptions, setItemOptions] = useState<ItemOption[]>([]);
  const [filters, setFilters] = useState<ClippingFilters>(initialFilters);
  const [visible, setVisible] = useState(PAGE_SIZE);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [undo, setUndo] = useState<Clipping | null>(null);
  const undoTimer = useRef<number | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const [{ clippings: all }, { problems: broken }] = await Promise.all([request('clippings/list', { filters: {} }), request('clippings/problems', {})]);
      setClippings(all);
      setProblems(broken);
      setPhase('ready');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setPhase('error');
    }
  }, []);

  useEffect(() => {
    void load();
    request('checklist/effective-packs', {})
      .then(({ packs }) =>
        setItemOptions(packs.flatMap((pack) => pack.items.map((item) => ({ thesisId: pack.id, thesisTitle: pack.title, itemId: item.id, title: item.title, kind: item.kind })))),
      )
      .catch(() => setItemOptions([]));
  }, [load]);

  const index = useMemo(() => buildSearchIndex(clippings), [clippings]);
  const shown = useMemo(() => searchClippings(index, filters), [index, filters]);
  const facets = useMemo(() => facetsOf(clippings), [clippings]);
  const titles = useMemo(() => new Map(itemOptions.map((o) => [itemKey(o), o.title])), [itemOptions]);
  const itemTitle = useCallback((ref: ItemRef) => titles.get(itemKey(ref)) ?? ref.itemId, [titles]);

  const replace = (clipping: Clipping) => setClippings((all) => all.map((c) => (c.id === clipping.id ? clipping : c)));

  const onUpdate = async (id: string, changes: Partial<ClippingEditable>) => {
    const { clipping } = await request('clippings/update', { id, changes });
    replace(clipping);
  };

  const onDelete = async (clipping: Clipping) => {
    try {
      const { deleted } = await request('clippings/delete', { id: clipping.id });
      setClippings((all) => all.filter((c) => c.id !== clipping.id));
      setUndo(deleted ?? clipping);
      clearTimeout(undoTimer.current);
      undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
    } catch (e) {
      setNotice({ kind: 'error', text: `Not deleted: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onUndo = async () => {
    if (!undo) return;
    const { clipping } = await request('clippings/restore', { clipping: undo });
    setUndo(null);
    setClippings((all) => [clipping, ...all.filter((c) => c.id !== clipping.id)].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)));
  };

  const onExport = (format: ExportFormat) => {
    const stamp = new Date().toISOString().slice(0, 10);
    if (format === 'markdown') downloadText(`thesis-lens-clippings-${stamp}.md`, 'text/markdown;charset=utf-8', toMarkdown(shown, { itemTitles: titles }));
    else if (format === 'csv') downloadText(`thesis-lens-clippings-${stamp}.csv`, 'text/csv;charset=utf-8', toCsv(shown, { itemTitles: titles }));
    else downloadText(`thesis-lens-clippings-${stamp}.jsonld`, 'application/ld+json', toAnnotationJson(shown));
  };

  const onImport = async (file: File) => {
    // Refused before reading: a 50 MB file is not read into memory at all.
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ kind: 'error', text: `Import refused, nothing was changed: ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.` });
      return;
    }
    try {
      const { added, duplicates } = await request('clippings/import', { text: await file.text() });
      setNotice({ kind: 'info', text: `Imported ${added} clipping${added === 1 ? '' : 's'}${duplicates ? `; ${duplicates} already in the library, skipped` : ''}.` });
      await load();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Library
      phase={phase}
      error={error}
      total={clippings.length}
      shown={shown}
      visible={visible}
      filters={filters}
      facets={facets}
      itemOptions={itemOptions}
      itemTitle={itemTitle}
      problems={problems}
      notice={notice}
      undo={undo}
      onFilters={(change) => {
        setFilters((current) => ({ ...current, ...change }));
        setVisible(PAGE_SIZE);
      }}
      onShowMore={() => setVisible((v) => v + PAGE_SIZE)}
      onUpdate={onUpdate}
      onDelete={(c) => void onDelete(c)}
      onUndo={() => void onUndo()}
      onExport={onExport}
      onImport={(file) => void onImport(file)}
    />
  );
}

render(<App />, document.getElementById('app')!);
