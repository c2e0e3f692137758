import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { htmlToDocument } from '../../lib/cli/scan';
import { defaultPack } from '../../lib/pack/default-pack';
import { detectArticle } from '../../lib/pipeline/article';
import { scan } from '../../lib/pipeline/scan';
import { corpusPages, repoRoot } from '../support/shared';
import { median, percentile, round, timeMedian, type BenchSection } from './bench';

/**
 * The page pipeline against Readability, page by page, in one process.
 *
 * Each page is parsed once with linkedom (parsing is not counted: on a live page the DOM is
 * already there). Then, repeated until stable (median of ≥5 runs and ≥20 ms):
 * - `scan(document, defaultPack)`: the whole pipeline, article detection included, on the
 *   document as is (the pipeline does not mutate it);
 * - `new Readability(clone).parse()`: Readability mutates the document it parses, so each
 *   run gets a fresh `document.cloneNode(true)`, made outside the timed region. The clone's
 *   cost is reported apart (Firefox's reader view pays it too), not charged to either side.
 * Then the cost of rejecting non-article pages: `scan()` and `detectArticle()` alone on pages
 * that are not articles (corpus pages so judged, the section-front fixture, and two
 * synthetic pages: an app shell and a 100k-node link list).
 */

interface Page {
  name: string;
  source: 'corpus' | 'fixture' | 'synthetic';
  html: string;
}

function fixturePages(): Page[] {
  const dir = join(repoRoot, 'tests', 'fixtures', 'pages');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({ name: name.slice(0, -5), source: 'fixture' as const, html: readFileSync(join(dir, name), 'utf8') }));
}

function syntheticNonArticles(): Page[] {
  const shell = `<html><head><title>Dashboard</title></head><body><div id="app">${'<div class="row"><span class="cell">Value</span><button>Edit</button><a href="/x">Open</a></div>'.repeat(1500)}</div></body></html>`;
  const links = `<html><head><title>Site map</title></head><body><ul>${'<li><a href="/story">Alibaba cloud H200 headline</a></li>'.repeat(33_000)}</ul></body></html>`;
  return [
    { name: 'synthetic-app-shell (6k nodes)', source: 'synthetic', html: shell },
    { name: 'synthetic-link-list (100k nodes)', source: 'synthetic', html: links },
  ];
}

const us = (ms: number) => round(ms * 1000, 1);

export async function run(): Promise<BenchSection> {
  const notes: string[] = [];
  let corpus: Page[] = [];
  try {
    corpus = corpusPages().map((page) => ({ name: page.name, source: 'corpus' as const, html: page.html }));
  } catch (error) {
    notes.push(`../shared is missing: corpus pages skipped (${(error as Error).message.split('.')[0]}); fixtures only.`);
  }
  const pages = [...corpus, ...fixturePages()];
  const options = { asOf: '2026-06-01' };

  const perPage: Array<{ name: string; scan: number; readability: number; clone: number; isArticle: boolean }> = [];
  for (const page of pages) {
    const document = htmlToDocument(page.html);
    const isArticle = detectArticle(document).isArticle;
    const scanMs = timeMedian(() => scan(document, defaultPack, options), () => undefined);
    const cloneMs = timeMedian(() => document.cloneNode(true), () => undefined);
    const readabilityMs = timeMedian(
      (clone: Document) => new Readability(clone).parse(),
      () => document.cloneNode(true) as Document,
    );
    perPage.push({ name: page.name, scan: scanMs, readability: readabilityMs, clone: cloneMs, isArticle });
  }

  const rows: BenchSection['rows'] = [];
  const summarise = (label: string, set: typeof perPage) => {
    if (set.length === 0) return;
    const scans = set.map((p) => p.scan);
    const reads = set.map((p) => p.readability);
    const ratios = set.map((p) => p.scan / p.readability);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    rows.push({
      measure: label,
      pages: set.length,
      'pipeline median ms': round(median(scans), 3),
      'pipeline p95 ms': round(percentile(scans, 95), 3),
      'Readability median ms': round(median(reads), 3),
      'Readability p95 ms': round(percentile(reads, 95), 3),
      'ratio (median of per-page)': round(median(ratios), 3),
      'ratio p95': round(percentile(ratios, 95), 3),
      'ratio (total time)': round(total(scans) / total(reads), 3),
    });
  };
  summarise('corpus: all pages', perPage.filter((p) => corpus.some((c) => c.name === p.name)));
  summarise('corpus: articles', perPage.filter((p) => p.isArticle && corpus.some((c) => c.name === p.name)));
  summarise('fixtures', perPage.filter((p) => !corpus.some((c) => c.name === p.name)));
  summarise('all pages', perPage);

  // Rejection of non-articles: the cost a content script pays on every other page.
  const nonArticles = [...pages, ...syntheticNonArticles()].filter((page) => {
    const document = htmlToDocument(page.html);
    return !detectArticle(document).isArticle;
  });
  const rejectScan: number[] = [];
  const rejectDetect: number[] = [];
  const rejections: Array<{ name: string; ms: number }> = [];
  for (const page of nonArticles) {
    const document = htmlToDocument(page.html);
    const scanMs = timeMedian(() => scan(document, defaultPack, options), () => undefined);
    rejectScan.push(scanMs);
    rejectDetect.push(timeMedian(() => detectArticle(document), () => undefined));
    rejections.push({ name: page.name, ms: scanMs });
  }
  const rejectionRow = (label: string, times: number[]) => ({
    measure: label,
    pages: times.length,
    'pipeline median ms': null,
    'pipeline p95 ms': null,
    'Readability median ms': null,
    'Readability p95 ms': null,
    'ratio (median of per-page)': null,
    'ratio p95': null,
    'ratio (total time)': null,
    'median µs': us(median(times)),
    'p95 µs': us(percentile(times, 95)),
    'max µs': us(Math.max(...times)),
  });
  if (nonArticles.length > 0) {
    rows.push(rejectionRow('non-article rejection: scan()', rejectScan));
    rows.push(rejectionRow('non-article rejection: detectArticle()', rejectDetect));
    const slowest = rejections.sort((a, b) => b.ms - a.ms).slice(0, 4);
    notes.push(
      `slowest rejections: ${slowest.map((r) => `${r.name} ${us(r.ms)} µs`).join(', ')} (each costs a few whole-tree walks, native in a browser, JavaScript in linkedom)`,
    );
  }
  const worst = [...perPage].sort((a, b) => b.scan / b.readability - a.scan / a.readability).slice(0, 4);
  notes.push(`highest per-page ratios: ${worst.map((p) => `${p.name} ${round(p.scan, 3)}/${round(p.readability, 3)} ms`).join(', ')}`);
  const clones = perPage.map((p) => p.clone);
  notes.push(`document.cloneNode(true) for Readability, not counted on either side: median ${round(median(clones), 3)} ms, p95 ${round(percentile(clones, 95), 3)} ms`);
  notes.push('ratio = pipeline time / Readability.parse() time on the same parsed page; below 1 means the whole pipeline is cheaper than Readability alone');
  notes.push(`wall-clock times; load average during the run ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${cpus().length} cores (ratios are more stable than absolute times)`);

  return {
    title: 'Page pipeline vs Readability (linkedom, one process)',
    columns: [
      'measure', 'pages', 'pipeline median ms', 'pipeline p95 ms', 'Readability median ms', 'Readability p95 ms',
      'ratio (median of per-page)', 'ratio p95', 'ratio (total time)', 'median µs', 'p95 µs', 'max µs',
    ],
    rows,
    notes,
  };
}
