/**
 * The learned claim model: which checklist items a sentence is about (`predictLinks`) and
 * its stance toward one of them (`predictStance`). A linear model over hashed word and
 * character n-grams, trained by `npm run train` from data/training/*.jsonl into weights.json.
 * Every function takes an optional model, so a caller can pass one nudged by a reader's
 * corrections (`withExamples`) or loaded from elsewhere (`loadModel`).
 */
import weights from './weights.json';
import { loadModel, predictLinksWith, predictStanceWith, type LinearModel, type LinkScore, type StanceScores } from './linear';
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

/** Every item of the model with the probability that the sentence is a claim about it, highest first. */
export function predictLinks(text: string, lang: Lang, model: LinearModel = defaultModel()): LinkScore[] {
  return predictLinksWith(model, text, lang);
}

/**
 * The sentence's stance toward `itemId`, relative to the thesis (shares sum to 1). For an
 * item the model was not trained on, pass its `kind` (a risk reads the other way round).
 */
export function predictStance(text: string, lang: Lang, itemId: string, model: LinearModel = defaultModel(), kind?: ItemKind): StanceScores {
  return predictStanceWith(model, text, lang, itemId, kind);
}
