import { defaultModel, predictLinks, predictStance, withExamples, type LinearModel } from '../model';
import { CombinerSchema, linkProbability, type Combiner, type LinkEvidence } from '../model/combiner';
import combinerJson from '../model/combiner.json' with { type: 'json' };
import type { LinkerExample } from '../corrections';
import type { LinkScorer } from './compile';

let bundledCombiner: Combiner | undefined;
/** The link combiner fitted to the bundled model's scores (lib/model/combiner.json), validated on first use. */
function defaultCombiner(): Combiner {
  bundledCombiner ??= CombinerSchema.parse(combinerJson);
  return bundledCombiner;
}

/**
 * A learned model as the linker's scorer: links from the combiner of its evidence with the
 * rules' when there is one (the combiner was fitted to the bundled model's scores on the bundled
 * thesis), stances unless `stance` is false.
 */
function scorerOf(model: () => LinearModel, { stance = true, combiner }: { stance?: boolean; combiner?: () => Combiner } = {}): LinkScorer {
  return {
    linkScores: (text, lang, previous) => new Map(predictLinks(text, lang, model(), previous).map((link) => [link.itemId, link.p])),
    ...(stance ? { stanceScores: (text: string, lang: 'en' | 'zh', itemId: string, previous?: string) => predictStance(text, lang, itemId, model(), undefined, previous) } : {}),
    ...(combiner
      ? {
          decideLink: (evidence: LinkEvidence) => {
            const c = combiner();
            const p = linkProbability(c, evidence);
            return { link: p >= c.threshold, p };
          },
        }
      : {}),
  };
}

/**
 * The learned model of the bundled thesis (lib/model: a linear model over words, Chinese
 * character n-grams and direction cues, trained from lib/model/training-data) as the linker's scorer.
 * Its item ids are the bundled pack's; a user's edited copy of that thesis keeps them.
 */
export const bundledModelScorer: LinkScorer = scorerOf(defaultModel, { combiner: defaultCombiner });

/**
 * The scorer of a thesis the reader has corrected: the bundled model nudged by those
 * corrections as examples (`withExamples`), so a sentence like one they corrected is read the
 * way they said on every page, not only the page they corrected. For a thesis the model was
 * not trained on (`builtIn` false: the reader's own), the copy gains link heads for the items
 * the reader linked by hand, and gives no stances: its stance head never saw those items.
 */
export function correctedScorer(examples: readonly LinkerExample[], builtIn: boolean): LinkScorer {
  const base = defaultModel();
  const linked = new Set(examples.flatMap((e) => ('notAClaim' in e ? [] : [e.itemId])));
  // "Not a claim" about an item the copy will not know has nothing to undo.
  const usable = examples.filter((e) => !('notAClaim' in e) || e.itemId === undefined || base.items.includes(e.itemId) || linked.has(e.itemId));
  const model = withExamples(base, usable);
  return scorerOf(() => model, builtIn ? { combiner: defaultCombiner } : { stance: false });
}
