import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { htmlToDocument } from '../../lib/cli/scan';
import { defaultPack } from '../../lib/pack/default-pack';
import { scan } from '../../lib/pipeline/scan';
import { logEntryOf } from '../../lib/evidence/log';
import { buildDigest, type DigestInput } from '../../lib/evidence/digest';
import { corpusPages, repoRoot } from '../support/shared';
import { median, round, type BenchSection } from './bench';

/**
 * `scan --digest` throughput against Readability, in one process, on the same pages.
 *
 * One pass = every page from its HTML: parse with linkedom, then
 * - digest: `scan()` with the default pack, the page's reading-log entry (`logEntryOf`), and at
 *   the end one `buildDigest` over all entries (evidence, conflicts, candidates, suggestions);
 * - reference: `new Readability(document).parse()` (what Firefox's reader view does per page).
 * Parsing is counted on both sides (the digest reads saved files). Passes alternate between
 * the two and repeat until each has ≥5 passes and ≥1 s; the median pass gives articles per second.
 */

const AS_OF = '2026-06-30';

function pages(notes: string[]): string[] {
  const dir = join(repoRoot, 'tests', 'fixtures', 'pages');
  const fixtures = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
  try {
    return [...corpusPages().map((page) => page.html), ...fixtures];
  } catch (error) {
    notes.push(`../shared is missing: corpus pages skipped (${(error as Error).message.split('.')[0]}); fixtures only.`);
    return fixtures;
  }
}

function digestPass(htmls: readonly string[]): number {
  const inputs: DigestInput[] = htmls.map((html, index) => {
    const result = scan(htmlToDocument(html), defaultPack, { asOf: AS_OF });
    const url = result.url ?? `file:///bench/page-${index}.html`;
    return { input: String(index), entry: logEntryOf(result, { url, readAt: `${(result.published ?? '').slice(0, 10) || AS_OF}T00:00:00.000Z` }) };
  });
  return buildDigest(defaultPack, inputs, AS_OF).articles.length;
}

function readabilityPass(htmls: readonly string[]): number {
  let articles = 0;
  for (const html of htmls) if (new Readability(htmlToDocument(html)).parse()) articles++;
  return articles;
}

export async function run(): Promise<BenchSection> {
  const notes: string[] = [];
  const htmls = pages(notes);
  const digestTimes: number[] = [];
  const readabilityTimes: number[] = [];
  let relevant = 0;
  digestPass(htmls);
  readabilityPass(htmls);
  let spent = 0;
  while (digestTimes.length < 5 || spent < 2000) {
    let start = performance.now();
    relevant = digestPass(htmls);
    digestTimes.push(performance.now() - start);
    start = performance.now();
    readabilityPass(htmls);
    readabilityTimes.push(performance.now() - start);
    spent += digestTimes.at(-1)! + readabilityTimes.at(-1)!;
    if (digestTimes.length >= 50) break;
  }
  const digestMs = median(digestTimes);
  const readabilityMs = median(readabilityTimes);
  const perSecond = (ms: number) => round((htmls.length * 1000) / ms, 1);
  notes.push(
    `${htmls.length} pages per pass (${relevant} relevant to the default pack), ${digestTimes.length} passes each; parsing counted on both sides.`,
    'ratio = digest articles/s ÷ Readability articles/s (above 1: the digest reads faster than Readability alone parses).',
  );
  return {
    title: 'scan --digest throughput vs Readability.parse (one process)',
    columns: ['measure', 'digest', 'readability', 'ratio'],
    rows: [
      { measure: 'articles per second', digest: perSecond(digestMs), readability: perSecond(readabilityMs), ratio: round(readabilityMs / digestMs, 2) },
      { measure: 'ms per pass (median)', digest: round(digestMs, 1), readability: round(readabilityMs, 1), ratio: null },
    ],
    notes,
  };
}
