import type { Handlers } from './router';
import { effectivePacks } from './checklist';
import { scanArticle } from '@/lib/pipeline/scan';
import type { ScanResult } from '@/lib/pipeline/types';

/**
 * Judging an article, for the lens: the page detects the article and sends its text; the
 * claims, links, stances and checks are made here, with the packs and the model, so that the
 * script every relevant page loads carries neither. Pure work on what was sent: it reads no
 * tab and writes nothing.
 */
export const analysisHandlers: Handlers<'lens/analyze'> = {
  'lens/analyze': async ({ reading }) => {
    const packs = await effectivePacks();
    const results: ScanResult[] = packs.map((pack) => scanArticle(reading, pack));
    return { results };
  },
};
