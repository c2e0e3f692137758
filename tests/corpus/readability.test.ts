import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from '@mozilla/readability';
import { htmlToDocument } from '@/lib/cli/scan';
import { defaultPack } from '@/lib/pack/default-pack';
import { detectArticle } from '@/lib/pipeline/article';
import { scan } from '@/lib/pipeline/scan';
import { ScanResultSchema } from '@/lib/pipeline/types';
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

describe('Readability corpus', () => {
  it('holds the 130 pages', () => {
    expect(pages.length).toBe(130);
  });

  it('scans every page without a crash and with a valid result', () => {
    const failures: string[] = [];
    for (const page of pages) {
      try {
        ScanResultSchema.parse(scan(htmlToDocument(page.html), defaultPack, options));
      } catch (error) {
        failures.push(`${page.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('finds no page relevant except those that really are about the thesis', () => {
    const relevant: Record<string, string[]> = {};
    for (const page of pages) {
      const result = scan(htmlToDocument(page.html), defaultPack, options);
      if (result.relevant) relevant[page.name] = result.topics;
      else expect(result.claims, page.name).toEqual([]);
    }
    expect(relevant).toEqual(RELEVANT);
  });

  it.each(['nytimes-2', 'bug-1255978'])('%s is not relevant and links nothing', (name) => {
    const page = pages.find((p) => p.name === name)!;
    const result = scan(htmlToDocument(page.html), defaultPack, options);
    expect(result.topics).toEqual([]);
    expect(result.claims).toEqual([]);
  });

  it('agrees with Readability\'s own "readerable" judgement on most pages', () => {
    const disagreements: string[] = [];
    for (const page of pages) {
      const document = htmlToDocument(page.html);
      const readerable = page.expected?.readerable ?? isProbablyReaderable(document as never);
      const { isArticle } = detectArticle(document);
      if (isArticle !== readerable) disagreements.push(`${page.name} (readerable ${readerable}, ours ${isArticle})`);
    }
    const agreement = 1 - disagreements.length / pages.length;
    console.info(`article detection agrees with readerable on ${(agreement * 100).toFixed(1)}% of ${pages.length} pages; differs on: ${disagreements.join(', ')}`);
    // Measured 89% (116/130). Most differences are Readability's synthetic test pages (a few
    // lorem-ipsum lines with no metadata) and section fronts or product pages that we, rightly,
    // do not take for articles.
    expect(agreement).toBeGreaterThanOrEqual(0.85);
  });
});
