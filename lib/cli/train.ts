/**
 * `npm run train`: reads lib/model/training-data/*.jsonl, prints 5-fold cross-validated link and
 * stance figures (folds grouped by near-duplicate sentences), then trains on everything
 * and writes lib/model/weights.json; then scans the team's labelled pages with those weights and
 * fits the link combiner to them (lib/model/combiner.json). `npm run train -- --cv-only` only
 * evaluates; `--combiner-only` refits the combiner to the committed weights.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { defaultPack } from '../pack/default-pack';
import { parseCorpus } from '../model/corpus';
import { DEFAULT_TRAIN_OPTIONS, crossValidate, trainModel, type Prf, type TrainOptions } from '../model/train';
import { serializeModel } from '../model/serialize';
import { loadModel } from '../model';
import { COMBINER_FEATURES } from '../model/combiner';
import { trainPageCombiner } from './combiner-pages';

const root = join(import.meta.dirname, '..', '..');
const dataDir = join(root, 'lib/model/training-data');
const weightsPath = join(root, 'lib/model/weights.json');
const combinerPath = join(root, 'lib/model/combiner.json');
const cvOnly = process.argv.includes('--cv-only');
const combinerOnly = process.argv.includes('--combiner-only');
const skipCv = process.argv.includes('--no-cv') || combinerOnly;
// `--opt l1=0.2` tries another setting (with --cv-only; the committed weights use the defaults).
const options: Partial<TrainOptions> = {};
process.argv.forEach((arg, i) => {
  if (arg !== '--opt') return;
  const [key, value] = (process.argv[i + 1] ?? '').split('=');
  if (!key || !(key in DEFAULT_TRAIN_OPTIONS) || value === undefined || Number.isNaN(Number(value))) throw new Error(`--opt wants name=number, one of ${Object.keys(DEFAULT_TRAIN_OPTIONS).join(', ')}`);
  options[key as keyof TrainOptions] = Number(value);
});
if (Object.keys(options).length && !cvOnly) throw new Error('--opt only with --cv-only: the committed weights are trained with the defaults');

const items = defaultPack.items.map((i) => ({ id: i.id, kind: i.kind }));
const itemIds = items.map((i) => i.id);
const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.jsonl'))
  .map((name) => ({ name, content: readFileSync(join(dataDir, name), 'utf8') }));
const examples = parseCorpus(files, itemIds);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, m: Prf) =>
  `${name.padEnd(28)} P ${pct(m.precision).padStart(6)}  R ${pct(m.recall).padStart(6)}  F1 ${pct(m.f1).padStart(6)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;

const zh = examples.filter((e) => e.lang === 'zh').length;
console.log(`corpus: ${examples.length} sentences from ${files.length} files, ${zh} Chinese (${pct(zh / examples.length)}), ${examples.filter((e) => e.items.length === 0).length} with no item`);
for (const id of itemIds) {
  const c = (s: string, l?: string) => examples.filter((e) => e.items.includes(id) && e.stance === s && (!l || e.lang === l)).length;
  console.log(`  ${id.padEnd(28)} supports ${String(c('supports')).padStart(4)}  challenges ${String(c('challenges')).padStart(4)}  neutral ${String(c('neutral')).padStart(4)}  (zh ${c('supports', 'zh') + c('challenges', 'zh') + c('neutral', 'zh')})`);
}

if (!skipCv) {
  const started = Date.now();
  const cv = crossValidate(examples, items, 5, options);
  console.log(`\n5-fold cross-validation (${cv.groups} near-duplicate groups), ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(row('links, all', cv.link));
  console.log(row('links, en', cv.byLang.en));
  console.log(row('links, zh', cv.byLang.zh));
  console.log(row('links, read alone', cv.byContext.alone));
  console.log(row('links, continuing', cv.byContext.continuing));
  for (const id of itemIds) console.log(row(`  ${id}`, cv.byItem[id]!));
  console.log(`stance accuracy on gold links: ${pct(cv.stanceAccuracy)} (en ${pct(cv.stanceByLang.en)}, zh ${pct(cv.stanceByLang.zh)})`);
  console.log(`stance accuracy, read alone ${pct(cv.stanceByContext.alone)}, continuing ${pct(cv.stanceByContext.continuing)}`);
  console.log(`not-a-claim sentences with no link: ${pct(cv.negativesClean)}`);
  console.log('out-of-fold link scores by threshold (add a link at a precise one; veto below one few gold links fall under):');
  for (const t of cv.calibration.thresholds)
    console.log(`  p >= ${t.threshold.toFixed(2)}  P ${pct(t.precision).padStart(6)}  R ${pct(t.recall).padStart(6)}  F1 ${pct(t.f1).padStart(6)}  gold below ${pct(t.goldBelow).padStart(6)}`);
}

if (cvOnly && Object.keys(options).length) {
  // Size of the weights these settings would give, to weigh accuracy against bytes.
  const text = serializeModel(trainModel(examples, items, options));
  console.log(`\nweights with these settings: ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text).length / 1024).toFixed(1)} KB gzipped`);
}

if (!cvOnly) {
  let text: string;
  if (combinerOnly) text = readFileSync(weightsPath, 'utf8');
  else {
    text = serializeModel(trainModel(examples, items));
    writeFileSync(weightsPath, text);
    console.log(`\nwrote ${weightsPath}: ${(text.length / 1024).toFixed(1)} KB, ${(gzipSync(text).length / 1024).toFixed(1)} KB gzipped`);
  }
  const combiner = await trainPageCombiner(root, loadModel(JSON.parse(text)));
  writeFileSync(combinerPath, `${JSON.stringify(combiner, null, 2)}\n`);
  const { sets, pages, candidates, links } = combiner.trainedOn;
  console.log(`\nwrote ${combinerPath}: the link combiner, from ${candidates} candidate links (${links} labelled) on ${pages} pages of ${sets.join(', ')}`);
  for (const [i, name] of COMBINER_FEATURES.entries()) console.log(`  ${name.padEnd(20)} ${combiner.weights[i]!.toFixed(3).padStart(7)}`);
}
