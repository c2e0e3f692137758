import type { ModelJson } from './linear';

/** The committed text of weights.json: one head a line, so diffs stay readable and the text is the same everywhere. */
export function serializeModel(m: ModelJson): string {
  const head = (h: unknown) => JSON.stringify(h);
  const lines = [
    '{',
    `"format": ${JSON.stringify(m.format)},`,
    `"featureBits": ${m.featureBits},`,
    `"corpusHash": ${JSON.stringify(m.corpusHash)},`,
    `"items": ${JSON.stringify(m.items)},`,
    `"risks": ${JSON.stringify(m.risks)},`,
    '"link": {',
    m.items.map((id) => `${JSON.stringify(id)}: ${head(m.link[id])}`).join(',\n'),
    '},',
    '"stance": {',
    `"supports": ${head(m.stance.supports)},`,
    `"challenges": ${head(m.stance.challenges)},`,
    `"neutral": ${head(m.stance.neutral)}`,
    '}',
    '}',
    '',
  ];
  return lines.join('\n');
}
