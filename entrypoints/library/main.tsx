import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '@/lib/ext/messaging';
import type { Clipping, ClippingEditable, ClippingFilters, ItemRef } from '@/lib/clippings/schema';
import type { LibraryRow, LibraryView } from '@/lib/clippings/search';
import { itemKey, toAnnotationJson, toCsv, toMarkdown } from '@/lib/clippings/export';
import { articleNote, groupByArticle, noteFileName, notebookZip, singleClippingMarkdown, type NoteOptions } from '@/lib/clippings/notebook';
import { MAX_IMPORT_BYTES } from '@/lib/clippings/import';
import type { ClippingProblem } from '@/lib/messages/clippings';
import type { LibraryFacets } from '@/lib/messages/library';
import { t } from '@/lib/i18n';
import type { ItemOption } from '@/components/clippings/model';
import { STANCE_LABELS } from '@/components/status/labels';
import { Library, type ExportFormat } from '@/components/library/Library';
import '@/components/library/library.css';
import { downloadText } from '@/lib/ext/download';

/**
 * The clippings library (library.html). The background searches and groups; this page asks
 * for the rows on screen, a block at a time (`library/query`), and renders only those. Every
 * change goes through the background, the only writer. `?q=`, `?item=thesisId/itemId`, `?thesis=`, `?from=`
 * preset the filters (links from the sidebar and the checklist page); `?view=` the arrangement.
 */

/** Rows per request: about two screenfuls, so that the first answer is small and quick to check. */
const BLOCK = 40;
const UNDO_MS = 8000;
const EMPTY_FACETS: LibraryFacets = { sites: [], topics: [], items: [] };

function initialFilters(): ClippingFilters {
  const params = new URLSearchParams(location.search);
  const [thesisId, itemId] = (params.get('item') ?? '').split('/');
  const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  return {
    query: params.get('q') ?? undefined,
    thesisId: itemId ? thesisId : params.get('thesis') || undefined,
    itemId: itemId || undefined,
    from: day(params.get('from')),
  };
}

function initialView(): LibraryView {
  const view = new URLSearchParams(location.search).get('view');
  return view === 'flat' || view === 'item' ? view : 'article';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function download(name: string, type: string, content: Uint8Array | string): void {
  if (typeof content === 'string') return downloadText(name, type, content);
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function App() {
  const [phase, setPhase] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');
  const [counts, setCounts] = useState({ total: 0, matching: 0, rowCount: 0 });
  const [facets, setFacets] = useState<LibraryFacets>(EMPTY_FACETS);
  const [problems, setProblems] = useState<ClippingProblem[]>([]);
  const [itemOptions, setItemOptions] = useState<ItemOption[]>([]);
  const [filters, setFilters] = useState<ClippingFilters>(initialFilters);
  const [view, setView] = useState<LibraryView>(initialView);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [undo, setUndo] = useState<Clipping | null>(null);
  /** Bumped after a change to the library: the same query, asked again. */
  const [revision, setRevision] = useState(0);
  const [, setLoaded] = useState(0);
  const undoTimer = useRef<number | undefined>(undefined);
  const rows = useRef(new Map<number, LibraryRow>());
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const queryKey = JSON.stringify([view, filters]);

  const fetchBlock = useCallback(
    async (block: number, withFacets = false) => {
      const mine = generation.current;
      asked.current.add(block);
      try {
        const reply = await request('library/query', { filters, view, offset: block * BLOCK, limit: BLOCK, withFacets });
        if (mine !== generation.current) return;
        reply.rows.forEach((row, i) => rows.current.set(reply.offset + i, row));
        setCounts({ total: reply.total, matching: reply.matching, rowCount: reply.rowCount });
        if (reply.facets) setFacets(reply.facets);
        setPhase('ready');
        setLoaded((n) => n + 1);
      } catch (e) {
        if (mine !== generation.current) return;
        asked.current.delete(block);
        setError(errorText(e));
        setPhase('error');
      }
    },
    [queryKey],
  );

  // A new search, view or change: forget the rows, ask for the first block.
  useEffect(() => {
    generation.current++;
    rows.current = new Map();
    asked.current = new Set();
    void fetchBlock(0, revision === 0 || facets === EMPTY_FACETS);
  }, [fetchBlock, revision]);

  useEffect(() => {
    request('clippings/problems', {})
      .then(({ problems: broken }) => setProblems(broken))
      .catch(() => setProblems([]));
    request('checklist/effective-packs', {})
      .then(({ packs }) =>
        setItemOptions(packs.flatMap((pack) => pack.items.map((item) => ({ thesisId: pack.id, thesisTitle: pack.title, itemId: item.id, title: item.title, kind: item.kind })))),
      )
      .catch(() => setItemOptions([]));
  }, []);

  const onRange = useCallback(
    (start: number, end: number) => {
      for (let block = Math.floor(start / BLOCK); block * BLOCK < end; block++) if (!asked.current.has(block)) void fetchBlock(block);
    },
    [fetchBlock],
  );

  const titles = useMemo(() => new Map(itemOptions.map((o) => [itemKey(o), o.title])), [itemOptions]);
  const itemTitle = useCallback((ref: ItemRef) => titles.get(itemKey(ref)) ?? ref.itemId, [titles]);
  const noteOptions = (): NoteOptions => ({
    itemTitles: titles,
    stanceWords: { supports: STANCE_LABELS.supports.word, challenges: STANCE_LABELS.challenges.word, neutral: STANCE_LABELS.neutral.word },
    words: { source: t('library_noteSource'), published: t('library_published', '').trim(), saved: t('library_saved', '').trim(), openAtPassage: t('library_noteOpenAtPassage'), items: t('library_noteItems') },
  });

  const changed = () => setRevision((n) => n + 1);

  const onUpdate = async (id: string, changes: Partial<ClippingEditable>) => {
    await request('clippings/update', { id, changes });
    changed();
  };

  const onDelete = async (clipping: Clipping) => {
    try {
      const { deleted } = await request('clippings/delete', { id: clipping.id });
      changed();
      setUndo(deleted ?? clipping);
      clearTimeout(undoTimer.current);
      undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
    } catch (e) {
      setNotice({ kind: 'error', text: t('library_notDeleted', errorText(e)) });
    }
  };

  const onUndo = async () => {
    if (!undo) return;
    await request('clippings/restore', { clipping: undo });
    setUndo(null);
    changed();
  };

  const copy = async (markdown: string) => {
    try {
      await navigator.clipboard.writeText(markdown);
      setNotice({ kind: 'info', text: t('library_copied') });
    } catch (e) {
      setNotice({ kind: 'error', text: t('library_copyFailed', errorText(e)) });
    }
  };

  const articleClippings = async (articleKey: string) => (await request('library/clippings', { filters, articleKey })).clippings;

  const onExport = async (format: ExportFormat) => {
    try {
      const stamp = new Date().toISOString().slice(0, 10);
      const { clippings } = await request('library/clippings', { filters });
      if (format === 'notes') {
        const articles = groupByArticle(clippings);
        if (articles.length === 1) download(noteFileName(articles[0]!), 'text/markdown;charset=utf-8', articleNote(articles[0]!, noteOptions()));
        else download(`thesis-lens-notes-${stamp}.zip`, 'application/zip', notebookZip(articles, { ...noteOptions(), folder: `Thesis Lens ${stamp}` }));
      } else if (format === 'markdown') download(`thesis-lens-clippings-${stamp}.md`, 'text/markdown;charset=utf-8', toMarkdown(clippings, { itemTitles: titles }));
      else if (format === 'csv') download(`thesis-lens-clippings-${stamp}.csv`, 'text/csv;charset=utf-8', toCsv(clippings, { itemTitles: titles }));
      else download(`thesis-lens-clippings-${stamp}.jsonld`, 'application/ld+json', toAnnotationJson(clippings));
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  };

  const onImport = async (file: File) => {
    // Refused before reading: a 50 MB file is not read into memory at all.
    if (file.size > MAX_IMPORT_BYTES) {
      setNotice({ kind: 'error', text: t('library_importTooBig', file.name, (file.size / 1024 / 1024).toFixed(1), MAX_IMPORT_BYTES / 1024 / 1024) });
      return;
    }
    try {
      const { added, duplicates } = await request('clippings/import', { text: await file.text() });
      setNotice({ kind: 'info', text: duplicates ? t('library_importedWithDuplicates', added, duplicates) : t('library_imported', added) });
      setFacets(EMPTY_FACETS);
      changed();
    } catch (e) {
      setNotice({ kind: 'error', text: errorText(e) });
    }
  };

  return (
    <Library
      phase={phase}
      error={error}
      total={counts.total}
      matching={counts.matching}
      rowCount={counts.rowCount}
      rowAt={(index) => rows.current.get(index)}
      queryKey={queryKey}
      onRange={onRange}
      view={view}
      filters={filters}
      facets={facets}
      itemOptions={itemOptions}
      itemTitle={itemTitle}
      problems={problems}
      notice={notice}
      undo={undo}
      checklistHref="/options.html"
      onView={(next) => {
        setView(next);
        const params = new URLSearchParams(location.search);
        params.set('view', next);
        history.replaceState(null, '', `?${params.toString()}`);
      }}
      onFilters={(change) => setFilters((current) => ({ ...current, ...change }))}
      onUpdate={onUpdate}
      onDelete={(c) => void onDelete(c)}
      onUndo={() => void onUndo()}
      onExport={(format) => void onExport(format)}
      onImport={(file) => void onImport(file)}
      onCopyArticle={(key) =>
        void articleClippings(key).then((clippings) => {
          const [article] = groupByArticle(clippings);
          if (article) return copy(articleNote(article, noteOptions()));
        })
      }
      onDownloadArticle={(key) =>
        void articleClippings(key).then((clippings) => {
          const [article] = groupByArticle(clippings);
          if (article) download(noteFileName(article), 'text/markdown;charset=utf-8', articleNote(article, noteOptions()));
        })
      }
      onCopyClipping={(clipping) => void copy(singleClippingMarkdown(clipping, noteOptions()))}
    />
  );
}

document.title = `Thesis Lens · ${t('library_title')}`;
render(<App />, document.getElementById('app')!);
