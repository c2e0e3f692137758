import { predictLinks, predictStance } from '../model';
import type { LinkScorer } from './compile';

/**
 * The learned model of the bundled thesis (lib/model: a linear model over words, Chinese
 * character n-grams and direction cues, trained from lib/model/training-data) as the linker's scorer.
 * Its item ids are the bundled pack's; a user's edited copy of that thesis keeps them.
 */
export const bundledModelScorer: LinkScorer = {
  linkScores: (text, lang, previous) => new Map(predictLinks(text, lang, undefined, previous).map((link) => [link.itemId, link.p])),
  stanceScores: (text, lang, itemId) => predictStance(text, lang, itemId),
};
