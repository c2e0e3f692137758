import type { Handlers } from './router';
import { effectivePacks } from './checklist';
import { recordReading } from './reading-log';
import { scanArticle } from '@/lib/pipeline/scan';
import type { ScanResult } from '@/lib/pipeline/types';

/**
 * Judging an article, for the lens: the page detects the article and sends its text; the
 * claims, links, stances and checks are made here, with the packs and the model, so that the
 * script every relevant page loads carries neither. It reads no tab; the one thing it writes is
 * the reading-log entry of the sender's own page (address from the sender, not the payload),
 * and a failure there never costs the reader the analysis.
 */
export const analysisHandlers: Handlers<'lens/analyze'> = {
  'lens/analyze': async ({ reading }, sender, caller) => {
    const packs = await effectivePacks();
    const results: ScanResult[] = packs.map((pack) => scanArticle(reading, pack));
    try {
      await recordReading(results, sender, caller);
    } catch (error) {
      console.warn('Thesis Lens: the reading log could not record this page.', error);
    }
    return { results };
  },
};
