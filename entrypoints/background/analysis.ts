import type { Handlers } from './router';
import { effectivePacks } from './checklist';
import { recordReading } from './reading-log';
import { readAll as readCorrections } from './corrections';
import { scanArticle } from '@/lib/pipeline/scan';
import { builtInScorer, setLinkScorer, type LinkScorer } from '@/lib/pipeline/compile';
import { correctedScorer } from '@/lib/pipeline/model-scorer';
import { asExamples, type Correction } from '@/lib/corrections';
import type { ThesisPack } from '@/lib/pack/schema';
import type { ScanResult } from '@/lib/pipeline/types';

/**
 * Judging an article, for the lens: the page detects the article and sends its text; the
 * claims, links, stances and checks are made here, with the packs and the model, so that the
 * script every relevant page loads carries neither. It reads no tab; the one thing it writes is
 * the reading-log entry of the sender's own page (address from the sender, not the payload),
 * and a failure there never costs the reader the analysis.
 */
export const analysisHandlers: Handlers<'lens/analyze'> = {
  'lens/analyze': async ({ reading, rescan }, sender, caller) => {
    const packs = await effectivePacks();
    const corrections = await readCorrections();
    for (const pack of packs) setLinkScorer(pack, readerScorer(pack, corrections));
    const results: ScanResult[] = packs.map((pack) => scanArticle(reading, pack));
    try {
      await recordReading(results, sender, caller, corrections, { refreshOnly: rescan === true });
    } catch (error) {
      console.warn('Thesis Lens: the reading log could not record this page.', error);
    }
    return { results };
  },
};

/** The last corrected scorer per thesis, with the examples it was made from. */
const correctedScorers = new Map<string, { key: string; scorer: LinkScorer }>();

/**
 * The linker's scorer for a thesis: the reader's corrections of that thesis as examples for
 * the model (lib/pipeline/model-scorer.ts), made again only when they change; without
 * corrections, the scorer that comes with the thesis, if any.
 */
function readerScorer(pack: ThesisPack, corrections: readonly Correction[]): LinkScorer | null {
  const builtIn = builtInScorer(pack.id);
  const examples = asExamples(corrections, pack.id);
  if (examples.length === 0) return builtIn;
  const key = JSON.stringify(examples);
  const cached = correctedScorers.get(pack.id);
  if (cached?.key === key) return cached.scorer;
  const scorer = correctedScorer(examples, builtIn !== null);
  correctedScorers.set(pack.id, { key, scorer });
  return scorer;
}
