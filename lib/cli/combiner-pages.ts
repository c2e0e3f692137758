/**
 * The link combiner's training rows (lib/model/combiner.ts): every candidate link the pipeline
 * weighs on the team's labelled pages, with its evidence and whether the labels make it a link.
 * Node only (it reads the pages); `npm run train` and the test that checks the committed
 * combiner call it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { defaultPack } from '../pack/default-pack';
import { fixedLinkDecision } from '../pipeline/claims';
import { setLinkScorer } from '../pipeline/compile';
import { scan } from '../pipeline/scan';
import { trainCombiner, type Combiner, type LinkEvidence } from '../model/combiner';
import { predictLinks, type LinearModel } from '../model';
import { loadInput } from './scan';

/** The labelled page sets the combiner learns from, relative to the project's root. */
export const COMBINER_SETS = ['tests/holdout', 'tests/holdout-2'] as const;

const LabelsSchema = z.array(
  z.object({
    file: z.string(),
    claims: z.array(z.object({ quote: z.string(), items: z.array(z.string()) })).optional(),
  }),
);

/** As the dev set's scorer compares a sentence with a label's quote. */
const norm = (s: string) =>
  s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

export interface CombinerRow {
  evidence: LinkEvidence;
  gold: boolean;
}

/**
 * Scans every page of `sets` with `model` as the scorer and the fixed link decision, and
 * returns each candidate (sentence, item) the pipeline weighed: the model's scores are those
 * of pages it never trained on, as on a reader's page.
 */
export async function combinerRows(root: string, model: LinearModel, sets: readonly string[] = COMBINER_SETS): Promise<{ rows: CombinerRow[]; pages: number }> {
  const rows: CombinerRow[] = [];
  let pages = 0;
  const io = { stdout: () => {}, stderr: () => {} };
  for (const set of sets) {
    const labels = LabelsSchema.parse(JSON.parse(readFileSync(join(root, set, 'labels.json'), 'utf8')));
    for (const page of labels) {
      const seen: { evidence: LinkEvidence; sentence: string; itemId: string }[] = [];
      // A copy of the pack per page, so the recording scorer is never the bundled thesis's.
      const pack = structuredClone(defaultPack);
      setLinkScorer(pack, {
        linkScores: (text, lang, previous) => new Map(predictLinks(text, lang, model, previous).map((l) => [l.itemId, l.p])),
        decideLink: (evidence, sentence, itemId) => {
          seen.push({ evidence, sentence, itemId });
          return { link: fixedLinkDecision(evidence) };
        },
      });
      const { document } = await loadInput(join(root, set, 'pages', page.file), io);
      scan(document, pack, { asOf: '2026-01-09' });
      const quotes = (page.claims ?? []).map((c) => ({ quote: norm(c.quote), items: c.items }));
      for (const { evidence, sentence, itemId } of seen) {
        const text = norm(sentence);
        rows.push({ evidence, gold: quotes.some((q) => text.includes(q.quote) && q.items.includes(itemId)) });
      }
      pages++;
    }
  }
  return { rows, pages };
}

/** The combiner `npm run train` writes: trained on every candidate of the labelled page sets. */
export async function trainPageCombiner(root: string, model: LinearModel): Promise<Combiner> {
  const { rows, pages } = await combinerRows(root, model);
  return trainCombiner(rows, { sets: [...COMBINER_SETS], pages });
}
