import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { median, percentile, round, timeMedian, type BenchSection } from './bench';
import { repoRoot } from '../support/shared';
import { buildSearchIndex, searchClippings } from '../../lib/clippings/search';
import { toAnnotationJson, toCsv, toMarkdown } from '../../lib/clippings/export';
import { parseClippingsImport } from '../../lib/clippings/import';
import type { Clipping } from '../../lib/clippings/schema';
import { anchorInText, buildPageTextIndex, describeOffsets } from '../../lib/anchoring';
import { clipping } from '../unit/clippings-fixtures';

/**
 * The library at 10,000 clippings: search (every keystroke), exports, import; and
 * re-anchoring 50 clippings on a demo-like page (the demo article, unchanged and edited).
 * Each against a reference in the same process: a plain Array.filter that lowercases as it
 * goes (what search.ts's precomputed haystacks avoid), JSON.stringify of the same data, and
 * indexOf of each quote (the cheapest possible "find it again").
 */

const LIBRARY_SIZE = 10_000;
const WORDS = ['cloud', 'revenue', 'H200', 'licence', 'export', 'controls', 'capex', 'margin', 'Beijing', 'Nvidia', 'quick', 'commerce', 'valuation', 'guidance', 'Qwen', 'data', 'centre', 'customs', 'approval', 'rally'];

function library(): Clipping[] {
  return Array.from({ length: LIBRARY_SIZE }, (_, n) => {
    const base = clipping(n);
    const words = Array.from({ length: 24 }, (_, i) => WORDS[(n * 7 + i * 13) % WORDS.length]).join(' ');
    return { ...base, quote: `${base.quote}; ${words}.`, note: n % 4 ? '' : `Thought ${n}: ${WORDS[n % WORDS.length]} matters` };
  });
}

const QUERIES = ['cloud', 'h200 licence', 'margin', 'quarter 4711', 'beijing customs approval', 'no-such-word', 'batch-3', 'thought 20'];

function searchBench(clippings: Clipping[]) {
  const buildMs = timeMedian(() => buildSearchIndex(clippings), () => undefined, { minRuns: 3 });
  const index = buildSearchIndex(clippings);
  const ours: number[] = [];
  const reference: number[] = [];
  for (let round = 0; round < 15; round++) {
    for (const query of QUERIES) {
      let start = performance.now();
      const hits = searchClippings(index, { query });
      ours.push(performance.now() - start);
      const terms = query.toLowerCase().split(/\s+/);
      start = performance.now();
      const plain = clippings.filter((c) => {
        const text = `${c.quote} ${c.note} ${c.tags.join(' ')} ${c.page.title}`.toLowerCase();
        return terms.every((term) => text.includes(term));
      });
      reference.push(performance.now() - start);
      if (round === 0 && hits.length !== plain.length) throw new Error(`search and reference disagree on "${query}": ${hits.length} vs ${plain.length}`);
    }
  }
  return { buildMs, ours, reference };
}

function anchoringBench() {
  const html = readFileSync(join(repoRoot, 'tests/fixtures/pages/demo-alibaba-h200.html'), 'utf8');
  const original = buildPageTextIndex(parseHTML(html).document as unknown as Document).text;
  // 50 clippings: sentences and sentence fragments of the article, as a reader would save them.
  const sentences = original.split(/(?<=[.!?])\s+/).filter((s) => s.length > 40);
  const saved = Array.from({ length: 50 }, (_, i) => {
    const sentence = sentences[i % sentences.length]!;
    const part = i % 2 ? sentence : sentence.slice(0, Math.max(30, Math.floor(sentence.length * 0.6)));
    const at = original.indexOf(part);
    const [quote, position] = describeOffsets(original, at, at + part.length)!;
    return { quote, position };
  });
  // The page edited: a paragraph inserted above, a word changed in every third paragraph.
  let edits = 0;
  const editedHtml = html
    .replace('<div class="article-body">', '<div class="article-body"><p>Update: this story was revised after publication to add company comment.</p>')
    .replace(/<p>([^<]{80,})<\/p>/g, (whole, text: string) => (edits++ % 3 === 0 ? `<p>${text.replace(/ the /, ' this ')}</p>` : whole));
  const edited = buildPageTextIndex(parseHTML(editedHtml).document as unknown as Document).text;

  const run = (text: string) => saved.map((s) => anchorInText(text, s));
  const found = (text: string) => run(text).filter(Boolean).length;
  const methods = (text: string) => run(text).reduce<Record<string, number>>((acc, a) => ((acc[a?.method ?? 'not found'] = (acc[a?.method ?? 'not found'] ?? 0) + 1), acc), {});
  return {
    unchangedMs: timeMedian(() => run(original), () => undefined),
    editedMs: timeMedian(() => run(edited), () => undefined),
    referenceMs: timeMedian(() => saved.map((s) => edited.indexOf(s.quote.exact)), () => undefined),
    foundUnchanged: found(original),
    foundEdited: found(edited),
    methodsEdited: methods(edited),
    textChars: edited.length,
  };
}

export async function run(): Promise<BenchSection> {
  const clippings = library();
  const search = searchBench(clippings);
  const jsonMs = timeMedian(() => JSON.stringify(clippings), () => undefined, { minRuns: 5 });
  const markdownMs = timeMedian(() => toMarkdown(clippings), () => undefined, { minRuns: 5 });
  const csvMs = timeMedian(() => toCsv(clippings), () => undefined, { minRuns: 5 });
  const annotationMs = timeMedian(() => toAnnotationJson(clippings), () => undefined, { minRuns: 5 });
  const exported = toAnnotationJson(clippings);
  const parseMs = timeMedian(() => JSON.parse(exported), () => undefined, { minRuns: 3 });
  const importMs = timeMedian(() => parseClippingsImport(exported), () => undefined, { minRuns: 3 });
  const anchoring = anchoringBench();
  const searchMedian = median(search.ours);
  const referenceMedian = median(search.reference);
  const rows = [
    { task: 'search (per query)', 'median ms': round(searchMedian), 'p95 ms': round(percentile(search.ours, 95)), 'reference median ms': round(referenceMedian), 'ratio to reference': round(searchMedian / referenceMedian) },
    { task: 'build search index (once per load)', 'median ms': round(search.buildMs), 'p95 ms': null, 'reference median ms': round(referenceMedian), 'ratio to reference': round(search.buildMs / referenceMedian) },
    { task: 'export Markdown', 'median ms': round(markdownMs), 'p95 ms': null, 'reference median ms': round(jsonMs), 'ratio to reference': round(markdownMs / jsonMs) },
    { task: 'export CSV', 'median ms': round(csvMs), 'p95 ms': null, 'reference median ms': round(jsonMs), 'ratio to reference': round(csvMs / jsonMs) },
    { task: 'export JSON-LD', 'median ms': round(annotationMs), 'p95 ms': null, 'reference median ms': round(jsonMs), 'ratio to reference': round(annotationMs / jsonMs) },
    { task: 'import JSON-LD (validate all)', 'median ms': round(importMs), 'p95 ms': null, 'reference median ms': round(parseMs), 'ratio to reference': round(importMs / parseMs) },
    { task: 're-anchor 50, unchanged page', 'median ms': round(anchoring.unchangedMs), 'p95 ms': null, 'reference median ms': round(anchoring.referenceMs, 3), 'ratio to reference': round(anchoring.unchangedMs / anchoring.referenceMs) },
    { task: 're-anchor 50, edited page', 'median ms': round(anchoring.editedMs), 'p95 ms': null, 'reference median ms': round(anchoring.referenceMs, 3), 'ratio to reference': round(anchoring.editedMs / anchoring.referenceMs) },
  ];
  return {
    title: `Clippings: library of ${LIBRARY_SIZE.toLocaleString('en')} (search, export, import) and re-anchoring`,
    columns: ['task', 'median ms', 'p95 ms', 'reference median ms', 'ratio to reference'],
    rows,
    notes: [
      `search: ${QUERIES.length} queries × 15 rounds; reference = Array.filter lowercasing quote+note+tags+title per clipping per query (same results checked).`,
      `exports and import: reference = JSON.stringify / JSON.parse of the same ${LIBRARY_SIZE} clippings (${(exported.length / 1024 / 1024).toFixed(1)} MB of JSON-LD).`,
      `re-anchoring: 50 quotes from the demo article (${anchoring.textChars} chars of page text); found ${anchoring.foundUnchanged}/50 unchanged, ${anchoring.foundEdited}/50 edited (${Object.entries(anchoring.methodsEdited).map(([k, v]) => `${k} ${v}`).join(', ')}); reference = indexOf of each quote.`,
    ],
  };
}
