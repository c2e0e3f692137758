import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '@/lib/cli/scan';
import { detectArticle } from '@/lib/pipeline/article';
import { corpusPages, sharedDir } from '../support/shared';

/**
 * How much of Readability's expected article text (`expected.html`) the detector keeps, and
 * how little else: token-overlap precision and recall (bags of lowercased words; each Han
 * character a token) on the pages Readability calls articles (`readerable: true`).
 */

const TOKEN = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

function tokens(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const word = match[0];
    const parts = HAN.test(word) ? word.split(/(?<=\p{Script=Han})|(?=\p{Script=Han})/u) : [word];
    for (const part of parts) bag.set(part, (bag.get(part) ?? 0) + 1);
  }
  return bag;
}

function overlap(predicted: string, expected: string): { precision: number; recall: number; f1: number } {
  const p = tokens(predicted);
  const e = tokens(expected);
  let common = 0;
  let pTotal = 0;
  let eTotal = 0;
  for (const n of p.values()) pTotal += n;
  for (const [word, n] of e) {
    eTotal += n;
    common += Math.min(n, p.get(word) ?? 0);
  }
  const precision = pTotal ? common / pTotal : 0;
  const recall = eTotal ? common / eTotal : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/**
 * Pages allowed below 0.5, each with the reason (measured on this corpus; the known misses
 * are limits of the detector, listed here so that a new one cannot slip in unnoticed).
 */
const BELOW_HALF: Record<string, string> = {
  'embedded-videos': 'a synthetic test page with a few lines of text: under the minimum length of an article, rejected by design',
  'visibility-hidden': 'a synthetic test page of two short paragraphs: under the minimum length of an article, rejected by design',
  'firefox-nightly-blog': 'a post made of bullet lists (about 180 <li>, 29 <p>): list items do not count as paragraphs, so it is not read as an article (known limit)',
  'nytimes-5': 'rejected as not an article; the page carries 27 <article> elements and 83 <li> (known miss, not diagnosed further)',
  'yahoo-3': 'rejected as not an article; no <article>, about 190 <li> and 470 <div> around 50 <p> (known miss, not diagnosed further)',
  'royal-road': 'recall 0.03: the chapter text sits in <div>s among 600, with only 7 <p> on the page, and another block is chosen (known miss)',
  'bug-1255978': 'precision 0.2: the gallery of other headlines beside the story is kept with it (the same gallery the relevance suite names as a hard negative)',
  hukumusume: 'recall 0.3 on a Japanese page of fables: only part of the story block is chosen (known miss)',
  'herald-sun-1': 'recall 0.35: part of the story sits outside the chosen block (known miss)',
};

const dir = join(sharedDir(), 'corpus', 'readability-pages');
const scored = corpusPages()
  .filter((page) => page.expected?.readerable === true && existsSync(join(dir, page.name, 'expected.html')))
  .map((page) => {
    const expectedHtml = readFileSync(join(dir, page.name, 'expected.html'), 'utf8');
    const expectedText = htmlToDocument(/<html/i.test(expectedHtml) ? expectedHtml : `<html><body>${expectedHtml}</body></html>`).body?.textContent ?? '';
    const article = detectArticle(htmlToDocument(page.html));
    return { name: page.name, isArticle: article.isArticle, ...overlap(article.text.text, expectedText) };
  });

describe('article extraction against Readability’s expected content', () => {
  it('token overlap: median F1 at least 0.95 on the pages Readability calls articles', () => {
    const f1s = scored.map((s) => s.f1).sort((a, b) => a - b);
    const median = f1s[Math.floor(f1s.length / 2)]!;
    if (process.env.EXTRACTION_REPORT) {
      for (const s of [...scored].sort((a, b) => a.f1 - b.f1)) console.log(`${s.name.padEnd(40)} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}${s.isArticle ? '' : ' (not an article)'}`);
      console.log(`pages ${scored.length}, median F1 ${median.toFixed(3)}`);
    }
    expect(scored.length).toBeGreaterThan(50);
    expect(median).toBeGreaterThanOrEqual(0.95);
  });

  it('no page below 0.5 without a stated reason, and no stale reason', () => {
    const low = scored.filter((s) => s.f1 < 0.5 && !(s.name in BELOW_HALF)).map((s) => `${s.name}: F1 ${s.f1.toFixed(3)}`);
    expect(low).toEqual([]);
    const fixed = Object.keys(BELOW_HALF).filter((name) => (scored.find((s) => s.name === name)?.f1 ?? 0) >= 0.5);
    expect(fixed).toEqual([]);
  });

  it('the overlap measure itself: identical texts 1, disjoint 0, extra text lowers precision only', () => {
    expect(overlap('a b c', 'a b c').f1).toBe(1);
    expect(overlap('a b', 'c d').f1).toBe(0);
    expect(overlap('a b c d', 'a b')).toMatchObject({ precision: 0.5, recall: 1 });
    expect(overlap('阿里云增长', '阿里云').recall).toBe(1);
  });
});
