import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from '@mozilla/readability';
import { htmlToDocument } from '@/lib/cli/scan';
import { defaultPack } from '@/lib/pack/default-pack';
import { detectArticle } from '@/lib/pipeline/article';
import { scan } from '@/lib/pipeline/scan';
import { ScanResultSchema, type ScanResult } from '@/lib/pipeline/types';
import { corpusPages } from '../support/shared';

/**
 * The 130 real pages of Mozilla Readability's test suite (../shared/corpus): none was
 * written for this project, so they test robustness, false positives and article detection.
 *
 * Pages that really are about the thesis: none.
 * - `nytimes-2` (Yahoo's sale to Verizon) names Alibaba five times, because the Alibaba stake
 *   stays behind in Yahoo's shell company. Decision: NOT relevant. Its subject is Yahoo's deal
 *   structure and its shareholders' rights; Alibaba appears as an asset Yahoo holds, not as a
 *   business whose cloud, chips, commerce or capital plans the article discusses, and no item
 *   of the checklist is touched. The topic rule asks for Alibaba as a main subject.
 * - `bug-1255978` (hotel secrets) names Alibaba only in a gallery of other headlines beside
 *   the story: a hard negative.
 * - `wikipedia-2` matches "h200" only inside a citation anchor ("Smith20056"): a negative.
 */
const RELEVANT: Record<string, string[]> = {};

const pages = corpusPages();
const options = { asOf: '2026-06-01' };

interface Outcome {
  name: string;
  result?: ScanResult;
  error?: string;
  isArticle?: boolean;
  readerable?: boolean;
}

// Each page is parsed and scanned once; the tests below read the outcomes.
const outcomes: Outcome[] = pages.map((page) => {
  try {
    const document = htmlToDocument(page.html);
    const readerable = page.expected?.readerable ?? isProbablyReaderable(document as never);
    const isArticle = detectArticle(document).isArticle;
    const result = ScanResultSchema.parse(scan(document, defaultPack, options));
    return { name: page.name, result, isArticle, readerable };
  } catch (error) {
    return { name: page.name, error: (error as Error).message.split('\n')[0] };
  }
});
const outcome = (name: string) => outcomes.find((o) => o.name === name)!;

describe('Readability corpus', () => {
  it('holds the 130 pages', () => {
    expect(pages.length).toBe(130);
  });

  it('scans every page without a crash and with a valid result', () => {
    expect(outcomes.filter((o) => o.error).map((o) => `${o.name}: ${o.error}`)).toEqual([]);
  });

  it('finds no page relevant except those that really are about the thesis', () => {
    const relevant: Record<string, string[]> = {};
    for (const { name, result } of outcomes) {
      if (!result) continue;
      if (result.relevant) relevant[name] = result.topics;
      else expect(result.claims, name).toEqual([]);
    }
    expect(relevant).toEqual(RELEVANT);
  });

  it.each(['nytimes-2', 'bug-1255978'])('%s is not relevant and links nothing', (name) => {
    const { result } = outcome(name);
    expect(result!.topics).toEqual([]);
    expect(result!.claims).toEqual([]);
  });

  it('agrees with Readability\'s own "readerable" judgement on most pages', () => {
    const judged = outcomes.filter((o) => o.readerable !== undefined);
    const disagreements = judged.filter((o) => o.isArticle !== o.readerable).map((o) => `${o.name} (readerable ${o.readerable}, ours ${o.isArticle})`);
    const agreement = 1 - disagreements.length / judged.length;
    console.info(`article detection agrees with readerable on ${(agreement * 100).toFixed(1)}% of ${judged.length} pages; differs on: ${disagreements.join(', ')}`);
    // Measured 89% (116/130). Most differences are Readability's synthetic test pages (a few
    // lorem-ipsum lines with no metadata) and section fronts or product pages (nytimes-5,
    // mozilla-1) that we, rightly, do not take for articles.
    expect(judged.length).toBe(pages.length);
    expect(agreement).toBeGreaterThanOrEqual(0.85);
  });
});
