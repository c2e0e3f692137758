import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ClippingsStore } from '@/entrypoints/background/clippings-db';
import { toAnnotationJson } from '@/lib/clippings/export';
import { parseClippingsImport } from '@/lib/clippings/import';
import type { Clipping } from '@/lib/clippings/schema';
import { clipping } from './clippings-fixtures';

/**
 * An import restores exactly what was exported, whatever the text says (issue 9): notes and
 * quotes that look like markup are ordinary text in financial writing.
 */

const HOSTILE_LOOKING = [
  "P/E < Meta's",
  'downside < base case',
  'EV/EBITDA <form factor> matters less than <style of management>',
  'a <script>alert(1)</script> quoted from an article about web security',
  'onclick="x" is what the article calls the bug',
  'javascript: the language, data: text/html the MIME type',
  'margin < 10% & growth > 20%; "quoted" \'single\' `tick` \\ backslash',
  '中文笔记：市盈率 < 同业 <meta> 标签',
  'line one\nline two\n\n  indented  ',
  '=cmd|calc!A1 and +1 and -1 and @SUM',
  '[link](javascript:alert(1)) **bold** # heading',
];

function hostileClippings(): Clipping[] {
  return HOSTILE_LOOKING.map((text, n) => {
    const base = clipping(n);
    return {
      ...base,
      quote: `${text} (quote ${n})`,
      selectors: [{ ...base.selectors[0], exact: `${text} (quote ${n})`, prefix: `before < ${n}`, suffix: `<after> ${n}` }, base.selectors[1]],
      note: text,
      tags: [text.slice(0, 90).trim().replace(/\s+/g, ' ') || 'tag'],
      page: { ...base.page, title: `Title: ${text}`.slice(0, 1000), site: `Site <${n}>` },
      topics: [`topic <${n}>`],
    };
  });
}

describe('export → import round trip over hostile-looking but legitimate text', () => {
  it('parses back every field exactly', () => {
    const originals = hostileClippings();
    const { clippings, duplicatesInFile } = parseClippingsImport(toAnnotationJson(originals));
    expect(duplicatesInFile).toBe(0);
    expect(clippings).toEqual(originals);
  });

  it('imports into an empty library, and the library holds the same clippings', async () => {
    const originals = hostileClippings();
    const store = await ClippingsStore.open({ name: `roundtrip-${Date.now()}` });
    expect(await store.importFile(toAnnotationJson(originals))).toEqual({ added: originals.length, duplicates: 0 });
    const stored = await store.all();
    const byId = (list: Clipping[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(stored)).toEqual(byId(originals));
    // And the same file again adds nothing.
    expect(await store.importFile(toAnnotationJson(stored))).toEqual({ added: 0, duplicates: originals.length });
    store.close();
  });
});

describe('the library\'s size limit', () => {
  it('an import that would take the library over its limit is refused whole, before writing; saves stop at the limit', async () => {
    const store = await ClippingsStore.open({ name: `limit-${Date.now()}`, maxClippings: 5 });
    await store.importFile(toAnnotationJson([clipping(1), clipping(2), clipping(3)]));
    await expect(store.importFile(toAnnotationJson([clipping(4), clipping(5), clipping(6)]))).rejects.toThrow(
      'Import refused, nothing was changed: the library would hold 6 clippings, more than the 5 Thesis Lens keeps (it has 3).',
    );
    expect(await store.count()).toBe(3);
    // Duplicates do not count: the same three again are skipped, not refused.
    expect(await store.importFile(toAnnotationJson([clipping(1), clipping(2), clipping(3)]))).toEqual({ added: 0, duplicates: 3 });
    await store.importFile(toAnnotationJson([clipping(4), clipping(5)]));
    const { draft } = await import('./clippings-fixtures');
    await expect(store.save(draft(9))).rejects.toThrow('Not saved: the library holds 5 clippings, the most Thesis Lens keeps. Delete some first.');
    expect(await store.count()).toBe(5);
    store.close();
  });
});
