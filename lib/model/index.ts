/**
 * The learned claim model: which checklist items a sentence is about (`predictLinks`) and
 * its stance toward one of them (`predictStance`). A linear model over hashed word and
 * character n-grams, trained by `npm run train` from lib/model/training-data/*.jsonl into weights.json.
 * Every function takes an optional model, so a caller can pass one nudged by a reader's
 * corrections (`withExamples`) or loaded from elsewhere (`loadModel`).
 */
import weights from './weights.json' with { type: 'json' };
import { LINK_THRESHOLD, loadModel, predictLinksWith, predictStanceWith, topStance, type LinearModel, type LinkScore, type Stance, type StanceScores } from './linear';
import type { ItemKind, Lang } from './features';

export type { ItemKind, Lang } from './features';
export { LINK_THRESHOLD, STANCES, loadModel, topStance } from './linear';
export type { LinearModel, LinkScore, ModelJson, Stance, StanceScores } from './linear';
export { withExamples, CorrectionSchema, type Correction } from './examples';

let loaded: LinearModel | undefined;

/** The bundled model, loaded (and validated) on first use. */
export function defaultModel(): LinearModel {
  loaded ??= loadModel(weights);
  return loaded;
}

/**
 * Every item of the model with the probability that the sentence is a claim about it, highest
 * first. `previous` is the sentence it continues: a sentence naming no actor of its own is
 * read with that sentence's words ("The Senate must still vote on it." after one on a bill).
 */
export function predictLinks(text: string, lang: Lang, model: LinearModel = defaultModel(), previous?: string): LinkScore[] {
  return predictLinksWith(model, text, lang, previous);
}

/**
 * The sentence's stance toward `itemId`, relative to the thesis (shares sum to 1). For an
 * item the model was not trained on, pass its `kind` (a risk reads the other way round).
 * `previous` is the sentence it continues: a sentence naming no actor of its own takes its
 * event from there ("The companies had planned to use the chips." after a halt).
 */
export function predictStance(text: string, lang: Lang, itemId: string, model: LinearModel = defaultModel(), kind?: ItemKind, previous?: string): StanceScores {
  return predictStanceWith(model, text, lang, itemId, kind, previous);
}

/** One predicted link of a sentence: shaped like the pipeline's ClaimLink (`id`, `stance`), plus the scores behind it. */
export type PredictedLink = { id: string; stance: Stance; p: number; stanceScores: StanceScores };

/**
 * The sentence's links at or above `threshold` (default LINK_THRESHOLD), highest first, each
 * with its most likely stance: what a claim finder needs in one call. Empty when the
 * sentence is not a claim about any item.
 */
export function classifySentence(
  text: string,
  lang: Lang,
  options: { model?: LinearModel; threshold?: number; previous?: string } = {},
): PredictedLink[] {
  const model = options.model ?? defaultModel();
  const threshold = options.threshold ?? LINK_THRESHOLD;
  return predictLinksWith(model, text, lang, options.previous)
    .filter((l) => l.p >= threshold)
    .map((l) => {
      const stanceScores = predictStanceWith(model, text, lang, l.itemId, undefined, options.previous);
      return { id: l.itemId, stance: topStance(stanceScores), p: l.p, stanceScores };
    });
}
